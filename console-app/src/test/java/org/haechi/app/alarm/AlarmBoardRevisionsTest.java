package org.haechi.app.alarm;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.haechi.core.alarm.ActionKind;
import org.haechi.core.alarm.Alarm;
import org.haechi.core.alarm.AlarmState;
import org.haechi.core.alarm.Severity;
import org.junit.jupiter.api.Test;

/**
 * Copies of one alarm reach the queue by different paths (the bus, the cache at start, this operator's own actions,
 * the outbox publishing them): the one of the higher revision is kept, whatever the order of arrival. A snooze that
 * is over brings its alarm back among those awaiting an operator. Review, session 11.
 */
class AlarmBoardRevisionsTest {
    static final Instant T0 = Instant.parse("2026-11-28T05:10:00Z");
    final MutableClock clock = new MutableClock(T0);
    final AlarmBoardViewModel vm = new AlarmBoardViewModel((id, kind, note) -> null, Runnable::run, Runnable::run,
            clock);

    static Alarm at(String id, Severity s, AlarmState state, Instant snoozedUntil, long revision) {
        return AlarmBoardViewModelTest.alarm(id, s, 1).withWorkflow(state, false, snoozedUntil, revision);
    }

    @Test
    void anOlderCopyHandedOverLateDoesNotPutTheOlderStateBack() {
        vm.upsert(List.of(at("x", Severity.HIGH, AlarmState.NEW, null, 0)));
        vm.upsert(List.of(at("x", Severity.HIGH, AlarmState.ASSIGNED, null, 2)));
        vm.upsert(List.of(at("x", Severity.HIGH, AlarmState.ACKNOWLEDGED, null, 1)));
        assertThat(vm.alarms()).singleElement().extracting(Alarm::state).isEqualTo(AlarmState.ASSIGNED);

        vm.stage(List.of(at("y", Severity.HIGH, AlarmState.ESCALATED, null, 3)));
        vm.stage(List.of(at("y", Severity.HIGH, AlarmState.NEW, null, 0)));
        vm.publish();
        assertThat(vm.alarms()).filteredOn(a -> a.id().equals("y")).singleElement().extracting(Alarm::state)
                .as("staged in one pulse, out of order").isEqualTo(AlarmState.ESCALATED);
    }

    @Test
    void aCopyFromBeforeTheCloseDoesNotReopenButAReopenDoes() {
        vm.upsert(List.of(at("x", Severity.HIGH, AlarmState.NEW, null, 0)));
        vm.upsert(List.of(at("x", Severity.HIGH, AlarmState.CLOSED, null, 2)));
        vm.upsert(List.of(at("x", Severity.HIGH, AlarmState.ACKNOWLEDGED, null, 1)));
        assertThat(vm.alarms()).isEmpty();
        vm.upsert(List.of(at("x", Severity.HIGH, AlarmState.NEW, null, 3)));
        assertThat(vm.alarms()).singleElement().extracting(Alarm::revision).isEqualTo(3L);
    }

    @Test
    void aSnoozeThatIsOverComesBackFirstAndACriticalRingsAgain() {
        List<String> rung = new ArrayList<>();
        vm.setOnNewCritical(a -> rung.add(a.id()));
        vm.upsert(List.of(at("crit", Severity.CRITICAL, AlarmState.NEW, null, 0)));
        vm.upsert(List.of(at("crit", Severity.CRITICAL, AlarmState.SNOOZED, T0.plus(Duration.ofMinutes(5)), 1),
                at("new-low", Severity.LOW, AlarmState.NEW, null, 0)));
        vm.selectedProperty().set(vm.alarms().get(1));
        assertThat(vm.alarms()).extracting(Alarm::id).containsExactly("new-low", "crit");
        assertThat(vm.isSnoozeOver(vm.alarms().get(1))).isFalse();

        clock.now = T0.plus(Duration.ofMinutes(4));
        vm.wakeSnoozed();
        assertThat(vm.alarms()).extracting(Alarm::id).containsExactly("new-low", "crit");

        clock.now = T0.plus(Duration.ofMinutes(5));
        vm.wakeSnoozed();
        assertThat(vm.alarms()).extracting(Alarm::id).containsExactly("crit", "new-low");
        assertThat(vm.alarms().get(0).state()).as("the cache's state is kept").isEqualTo(AlarmState.SNOOZED);
        assertThat(vm.isSnoozeOver(vm.alarms().get(0))).isTrue();
        assertThat(rung).containsExactly("crit", "crit");
        assertThat(vm.selectedProperty().get()).as("the selection follows its alarm").isSameAs(vm.alarms().get(0));

        vm.upsert(List.of(at("crit", Severity.CRITICAL, AlarmState.ACKNOWLEDGED, null, 2)));
        assertThat(vm.alarms()).extracting(Alarm::id).containsExactly("new-low", "crit");
        assertThat(vm.isSnoozeOver(vm.alarms().get(1))).isFalse();
    }

    /** Loaded at start after its snooze ended: due at once. */
    @Test
    void aSnoozeOverBeforeTheAlarmArrivedIsDueAtOnce() {
        vm.upsert(List.of(at("late", Severity.HIGH, AlarmState.SNOOZED, T0.minusSeconds(1), 4),
                at("new", Severity.LOW, AlarmState.NEW, null, 0)));
        assertThat(vm.alarms()).extracting(Alarm::id).containsExactly("late", "new");
    }

    @Test
    void aFailedActionNamesItsAlarmAndTheNextThatWorksClearsIt() {
        List<Object> results = new ArrayList<>();
        boolean[] fail = {true};
        AlarmBoardViewModel acting = new AlarmBoardViewModel((id, kind, note) -> {
            if (fail[0]) {
                throw new java.sql.SQLException("disk full");
            }
            return kind == ActionKind.COMMENT ? null : at(id, Severity.HIGH, AlarmState.ACKNOWLEDGED, null, 1);
        }, Runnable::run, Runnable::run, clock);
        acting.setResultSink(results::addAll);
        acting.upsert(List.of(at("bell-7", Severity.HIGH, AlarmState.NEW, null, 0)));
        acting.selectedProperty().set(acting.alarms().get(0));
        acting.acknowledgeSelected();
        assertThat(acting.lastErrorProperty().get()).isEqualTo("ACKNOWLEDGE on 't' (bell-7) failed: disk full");
        fail[0] = false;
        acting.acknowledgeSelected();
        assertThat(acting.lastErrorProperty().get()).isNull();
        assertThat(results).singleElement().extracting(a -> ((Alarm) a).state()).isEqualTo(AlarmState.ACKNOWLEDGED);
        acting.act(ActionKind.COMMENT, "note");
        assertThat(acting.lastErrorProperty().get()).isEqualTo("COMMENT on 't' (bell-7) is recorded and will be sent, "
                + "but this console's cache does not hold the alarm");
        fail[0] = true;
        acting.setText(java.util.ResourceBundle.getBundle("org.haechi.app.messages", java.util.Locale.KOREAN));
        acting.acknowledgeSelected();
        assertThat(acting.lastErrorProperty().get()).as("in the operator's language")
                .isEqualTo("'t' (bell-7)에 대한 ACKNOWLEDGE 실패: disk full");
    }

    static final class MutableClock extends Clock {
        Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
