package org.haechi.core.alarm;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Example-based: the rules of ADR 0006, one by one. */
class AlarmFoldTest {
    static final long T0 = Instant.parse("2026-11-28T05:12:00Z").toEpochMilli();
    int next;

    OperatorAction act(ActionKind kind, String operator, long second, String note) {
        return new OperatorAction("act-" + (next++), "a-1", kind, operator, "ws-" + operator,
                new HybridTimestamp(T0 + second * 1000, 0, "ws-" + operator), note);
    }

    OperatorAction assign(String operator, long second, String assignee) {
        return new OperatorAction("act-" + (next++), "a-1", ActionKind.ASSIGN, operator, "ws-" + operator,
                new HybridTimestamp(T0 + second * 1000, 0, "ws-" + operator), null, assignee, null, null);
    }

    static FoldedState fold(OperatorAction... actions) {
        return AlarmFold.fold(List.of(actions));
    }

    @Test
    void noActionsIsNew() {
        assertThat(AlarmFold.fold(List.of())).isEqualTo(FoldedState.INITIAL);
    }

    @Test
    void theFirstClaimWinsWhoeverArrivesFirst() {
        OperatorAction kim = act(ActionKind.ASSIGN, "kim", 10, null);
        OperatorAction lee = act(ActionKind.ASSIGN, "lee", 11, null);
        assertThat(fold(lee, kim).assignee()).isEqualTo("kim");
        assertThat(fold(kim, lee).assignee()).isEqualTo("kim");
        assertThat(fold(kim, lee).state()).isEqualTo(AlarmState.ASSIGNED);
        assertThat(fold(kim, lee).changedBy()).isEqualTo("kim");
    }

    @Test
    void theOwnerMayHandTheAlarmOverAndTheNewOwnerThenHoldsIt() {
        OperatorAction kim = act(ActionKind.ASSIGN, "kim", 10, null);
        OperatorAction handOver = assign("kim", 20, "park");
        OperatorAction leeTries = act(ActionKind.ASSIGN, "lee", 30, null);
        OperatorAction parkGives = assign("park", 40, "lee");
        assertThat(fold(kim, handOver, leeTries).assignee()).isEqualTo("park");
        assertThat(fold(kim, handOver, leeTries, parkGives).assignee()).isEqualTo("lee");
    }

    @Test
    void assigningSomeoneElseOnAnUnclaimedAlarmMakesThemTheOwner() {
        assertThat(fold(assign("coord", 5, "kim"), act(ActionKind.ASSIGN, "lee", 6, null)).assignee())
                .isEqualTo("kim");
    }

    @Test
    void reopenReleasesTheClaimSoAnotherOperatorCanTakeIt() {
        OperatorAction kim = act(ActionKind.ASSIGN, "kim", 10, null);
        OperatorAction close = act(ActionKind.CLOSE, "kim", 20, null);
        OperatorAction reopen = act(ActionKind.REOPEN, "lee", 30, "not resolved");
        OperatorAction lee = act(ActionKind.ASSIGN, "lee", 40, null);
        FoldedState s = fold(lee, reopen, close, kim);
        assertThat(s.assignee()).isEqualTo("lee");
        assertThat(s.state()).isEqualTo(AlarmState.ASSIGNED);
        assertThat(fold(kim, close, reopen).assignee()).isNull();
        assertThat(fold(kim, close, reopen).state()).isEqualTo(AlarmState.NEW);
    }

    @Test
    void anAssignOnAClosedAlarmChangesNothing() {
        FoldedState s = fold(act(ActionKind.CLOSE, "kim", 10, null), act(ActionKind.ASSIGN, "lee", 20, null));
        assertThat(s.state()).isEqualTo(AlarmState.CLOSED);
        assertThat(s.assignee()).isNull();
    }

    @Test
    void aLateAcknowledgeNeverReopensOrDowngrades() {
        OperatorAction close = act(ActionKind.CLOSE, "kim", 10, null);
        OperatorAction lateAck = act(ActionKind.ACKNOWLEDGE, "lee", 20, null);
        assertThat(fold(lateAck, close).state()).isEqualTo(AlarmState.CLOSED);
        OperatorAction escalate = act(ActionKind.ESCALATE, "kim", 30, null);
        assertThat(fold(escalate, act(ActionKind.ACKNOWLEDGE, "lee", 40, null)).state())
                .isEqualTo(AlarmState.ESCALATED);
    }

    @Test
    void stateIsTheLastWriterByHlcNotByArrival() {
        OperatorAction escalate = act(ActionKind.ESCALATE, "kim", 10, null);
        OperatorAction snooze = act(ActionKind.SNOOZE, "lee", 20, null);
        assertThat(fold(snooze, escalate).state()).isEqualTo(AlarmState.SNOOZED);
        assertThat(fold(snooze, escalate).snoozedUntil())
                .isEqualTo(snooze.at().instant().plus(AlarmFold.DEFAULT_SNOOZE));
        OperatorAction escalateAgain = act(ActionKind.ESCALATE, "park", 30, null);
        FoldedState s = fold(escalateAgain, snooze, escalate);
        assertThat(s.state()).isEqualTo(AlarmState.ESCALATED);
        assertThat(s.snoozedUntil()).isNull();
    }

    @Test
    void snoozeKeepsItsUntilAndAnAcknowledgeWakesTheAlarm() {
        Instant until = Instant.parse("2026-11-28T06:00:00Z");
        OperatorAction snooze = new OperatorAction("s", "a-1", ActionKind.SNOOZE, "kim", "ws-kim",
                new HybridTimestamp(T0, 0, "ws-kim"), null, null, until, null);
        assertThat(fold(snooze).snoozedUntil()).isEqualTo(until);
        FoldedState woken = fold(snooze, act(ActionKind.ACKNOWLEDGE, "lee", 5, null));
        assertThat(woken.state()).isEqualTo(AlarmState.ACKNOWLEDGED);
        assertThat(woken.snoozedUntil()).isNull();
    }

    @Test
    void closeKeepsTheLastDispositionGivenAndReopenClearsIt() {
        OperatorAction closeA = new OperatorAction("c1", "a-1", ActionKind.CLOSE, "kim", "ws-kim",
                new HybridTimestamp(T0, 0, "ws-kim"), null, null, null, "FALSE_ALARM");
        OperatorAction closeB = act(ActionKind.CLOSE, "lee", 5, "closed from the queue");
        assertThat(fold(closeB, closeA).disposition()).isEqualTo("FALSE_ALARM");
        OperatorAction closeC = new OperatorAction("c3", "a-1", ActionKind.CLOSE, "park", "ws-park",
                new HybridTimestamp(T0 + 9000, 0, "ws-park"), null, null, null, "RESOLVED");
        assertThat(fold(closeC, closeB, closeA).disposition()).isEqualTo("RESOLVED");
        assertThat(fold(closeA, act(ActionKind.REOPEN, "lee", 10, null)).disposition()).isNull();
    }

    @Test
    void commentsAccumulateInHlcOrderAndDuplicatesCountOnce() {
        OperatorAction c1 = act(ActionKind.COMMENT, "kim", 10, "patrol car 12 informed");
        OperatorAction ack = act(ActionKind.ACKNOWLEDGE, "lee", 5, "cam-gn-00017 shows the exit");
        OperatorAction c2 = act(ActionKind.COMMENT, "lee", 20, "family reached");
        List<OperatorAction> all = new ArrayList<>(List.of(c2, c1, ack, c1, c2, c2));
        FoldedState s = AlarmFold.fold(all);
        assertThat(s.comments()).extracting(FoldedState.Comment::text)
                .containsExactly("cam-gn-00017 shows the exit", "patrol car 12 informed", "family reached");
        assertThat(s.actions()).isEqualTo(3);
        Collections.reverse(all);
        assertThat(AlarmFold.fold(all)).isEqualTo(s);
    }

    @Test
    void equalWallTimesAreOrderedByCounterNodeThenActionId() {
        HybridTimestamp same = new HybridTimestamp(T0, 0, "ws-x");
        OperatorAction a = new OperatorAction("a", "a-1", ActionKind.ESCALATE, "kim", "ws-x", same, null);
        OperatorAction b = new OperatorAction("b", "a-1", ActionKind.SNOOZE, "lee", "ws-x", same, null);
        assertThat(fold(b, a).state()).isEqualTo(AlarmState.SNOOZED);
        assertThat(fold(a, b).state()).isEqualTo(AlarmState.SNOOZED);
    }

    @Test
    void unknownActionsChangeNothing() {
        assertThat(fold(act(ActionKind.UNKNOWN, "kim", 1, "?")).state()).isEqualTo(AlarmState.NEW);
        assertThat(fold(act(ActionKind.UNKNOWN, "kim", 1, "?")).comments()).isEmpty();
    }
}
