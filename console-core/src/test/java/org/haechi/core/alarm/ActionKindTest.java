package org.haechi.core.alarm;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class ActionKindTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "ACKNOWLEDGE, ACKNOWLEDGED",
            "ASSIGN, ASSIGNED",
            "ESCALATE, ESCALATED",
            "SNOOZE, SNOOZED",
            "CLOSE, CLOSED",
            "REOPEN, NEW"
    })
    void stateChangingActionsMoveTheAlarmToTheirState(ActionKind kind, AlarmState expected) {
        assertThat(kind.resultingState()).isSameAs(expected);
    }

    @ParameterizedTest
    @EnumSource(value = ActionKind.class, names = {"COMMENT", "UNKNOWN"})
    void commentAndUnknownLeaveTheStateAlone(ActionKind kind) {
        assertThat(kind.resultingState()).isNull();
    }

    @Test
    void onlyCloseEndsTheWorkflowAndReopenMakesItOpenAgain() {
        assertThat(ActionKind.CLOSE.resultingState().isOpen()).isFalse();
        assertThat(ActionKind.REOPEN.resultingState().isOpen()).isTrue();
        for (ActionKind k : ActionKind.values()) {
            if (k != ActionKind.CLOSE && k.resultingState() != null) {
                assertThat(k.resultingState().isOpen()).as(k.name()).isTrue();
            }
        }
    }

    @Test
    void parseKnowsEveryNameAndMapsTheRestToUnknown() {
        for (ActionKind k : ActionKind.values()) {
            assertThat(ActionKind.parse(k.name())).isSameAs(k);
        }
        assertThat(ActionKind.parse("acknowledge")).isSameAs(ActionKind.UNKNOWN);
        assertThat(ActionKind.parse(null)).isSameAs(ActionKind.UNKNOWN);
    }
}
