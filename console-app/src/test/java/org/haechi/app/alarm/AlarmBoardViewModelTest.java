package org.haechi.app.alarm;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.haechi.core.alarm.ActionKind;
import org.haechi.core.alarm.Alarm;
import org.haechi.core.alarm.AlarmState;
import org.haechi.core.alarm.AlarmType;
import org.haechi.core.alarm.Severity;
import org.junit.jupiter.api.Test;

/** Runs without the FX toolkit: executors are the calling thread. */
class AlarmBoardViewModelTest {
    final List<String> performed = new ArrayList<>();
    final AlarmBoardViewModel vm = new AlarmBoardViewModel((id, kind, note) -> {
        performed.add(kind + ":" + id);
        return alarm(id, Severity.HIGH, 1).withState(kind.resultingState(), true);
    }, Runnable::run, Runnable::run);

    static Alarm alarm(String id, Severity s, int second) {
        Instant t = Instant.parse("2026-11-28T05:00:00Z").plusSeconds(second);
        return new Alarm(id, AlarmType.EMERGENCY_BELL, "EMERGENCY_BELL", s, t, t, null, null, "t", Map.of(),
                AlarmState.NEW, false);
    }

    @Test
    void criticalAndNewestComeFirst() {
        vm.upsert(List.of(alarm("low-new", Severity.LOW, 9), alarm("crit-old", Severity.CRITICAL, 1),
                alarm("crit-new", Severity.CRITICAL, 5), alarm("high", Severity.HIGH, 7)));
        assertThat(vm.alarms()).extracting(Alarm::id).containsExactly("crit-new", "crit-old", "high", "low-new");
        assertThat(vm.openCountProperty().get()).isEqualTo(4);
    }

    @Test
    void sameIdAgainReplacesInsteadOfAdding() {
        vm.upsert(List.of(alarm("a", Severity.HIGH, 1)));
        vm.upsert(List.of(alarm("a", Severity.HIGH, 1).withState(AlarmState.ACKNOWLEDGED, false)));
        assertThat(vm.alarms()).hasSize(1);
        assertThat(vm.alarms().get(0).state()).isEqualTo(AlarmState.ACKNOWLEDGED);
    }

    @Test
    void acknowledgeMovesSelectedAlarmToAcknowledgedAndBelowNewOnes() {
        vm.upsert(List.of(alarm("a", Severity.HIGH, 1), alarm("b", Severity.HIGH, 2)));
        vm.selectedProperty().set(vm.alarms().get(0));
        vm.acknowledgeSelected();
        assertThat(performed).containsExactly("ACKNOWLEDGE:b");
        assertThat(vm.alarms()).extracting(Alarm::id).containsExactly("a", "b");
        assertThat(vm.alarms().get(1).state()).isEqualTo(AlarmState.ACKNOWLEDGED);
        assertThat(vm.alarms().get(1).pending()).isTrue();
    }

    @Test
    void closedAlarmLeavesTheQueue() {
        vm.upsert(List.of(alarm("a", Severity.HIGH, 1)));
        vm.selectedProperty().set(vm.alarms().get(0));
        vm.act(ActionKind.CLOSE, "done");
        assertThat(vm.alarms()).isEmpty();
        assertThat(vm.selectedProperty().get()).isNull();
    }

    @Test
    void onlyNewCriticalAlarmsRing() {
        List<String> rung = new ArrayList<>();
        vm.setOnNewCritical(a -> rung.add(a.id()));
        vm.upsert(List.of(alarm("c", Severity.CRITICAL, 1), alarm("h", Severity.HIGH, 2)));
        vm.upsert(List.of(alarm("c", Severity.CRITICAL, 1)));
        assertThat(rung).containsExactly("c");
    }

    @Test
    void failedActionIsReportedToTheOperator() {
        AlarmBoardViewModel failing = new AlarmBoardViewModel((id, kind, note) -> {
            throw new java.sql.SQLException("disk full");
        }, Runnable::run, Runnable::run);
        failing.upsert(List.of(alarm("a", Severity.HIGH, 1)));
        failing.selectedProperty().set(failing.alarms().get(0));
        failing.acknowledgeSelected();
        assertThat(failing.lastErrorProperty().get()).contains("disk full");
        assertThat(failing.alarms().get(0).state()).isEqualTo(AlarmState.NEW);
    }
}
