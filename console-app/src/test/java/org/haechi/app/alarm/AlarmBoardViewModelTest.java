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
    @Test
    void stagedAlarmsReachTheQueueOnlyWhenPublishedButACriticalRingsAtOnce() {
        List<String> rung = new ArrayList<>();
        vm.setOnNewCritical(a -> rung.add(a.id()));
        vm.stage(List.of(alarm("c", Severity.CRITICAL, 1), alarm("h", Severity.HIGH, 2)));
        vm.stage(List.of(alarm("c", Severity.CRITICAL, 1)));
        assertThat(vm.alarms()).isEmpty();
        assertThat(rung).containsExactly("c");
        assertThat(vm.stagedCount()).isEqualTo(2);
        vm.publish();
        assertThat(vm.alarms()).extracting(Alarm::id).containsExactly("c", "h");
        assertThat(vm.stagedCount()).isZero();
    }

    @Test
    void onePublishIsOneListChange() {
        vm.upsert(List.of(alarm("a", Severity.HIGH, 1), alarm("b", Severity.LOW, 2)));
        List<Integer> changes = new ArrayList<>();
        vm.alarms().addListener((javafx.collections.ListChangeListener<Alarm>) c -> changes.add(1));
        vm.stage(List.of(alarm("c", Severity.CRITICAL, 3), alarm("d", Severity.MEDIUM, 4),
                alarm("b", Severity.LOW, 2).withState(AlarmState.CLOSED, false)));
        vm.stage(List.of(alarm("e", Severity.LOW, 5)));
        vm.publish();
        assertThat(changes).hasSize(1);
        assertThat(vm.alarms()).extracting(Alarm::id).containsExactly("c", "a", "d", "e");
    }

    @Test
    void anUnchangedRepeatChangesNothing() {
        vm.upsert(List.of(alarm("a", Severity.HIGH, 1)));
        List<Integer> changes = new ArrayList<>();
        vm.alarms().addListener((javafx.collections.ListChangeListener<Alarm>) c -> changes.add(1));
        vm.upsert(List.of(alarm("a", Severity.HIGH, 1)));
        assertThat(changes).isEmpty();
    }

    @Test
    void selectionFollowsItsAlarmThroughAStagedChange() {
        vm.upsert(List.of(alarm("a", Severity.HIGH, 1), alarm("b", Severity.HIGH, 2)));
        vm.selectedProperty().set(vm.alarms().get(1));
        vm.stage(List.of(alarm("a", Severity.HIGH, 1).withState(AlarmState.ACKNOWLEDGED, false)));
        vm.publish();
        assertThat(vm.selectedProperty().get().state()).isEqualTo(AlarmState.ACKNOWLEDGED);
        vm.stage(List.of(alarm("a", Severity.HIGH, 1).withState(AlarmState.CLOSED, false)));
        vm.publish();
        assertThat(vm.selectedProperty().get()).isNull();
    }

    @Test
    void aStormInPiecesEndsInQueueOrderWithTheMostUrgentShownAndEveryChangeReplayable() {
        java.util.Random random = new java.util.Random(7);
        List<Alarm> mirror = new ArrayList<>();
        vm.alarms().addListener((javafx.collections.ListChangeListener<Alarm>) c -> {
            while (c.next()) {
                assertThat(c.wasPermutated()).isFalse();
                mirror.subList(c.getFrom(), c.getFrom() + c.getRemovedSize()).clear();
                mirror.addAll(c.getFrom(), c.getAddedSubList());
            }
        });
        Map<String, Alarm> latest = new java.util.HashMap<>();
        Severity[] severities = Severity.values();
        AlarmState[] states = {AlarmState.NEW, AlarmState.NEW, AlarmState.ACKNOWLEDGED, AlarmState.CLOSED};
        int count = AlarmBoardViewModel.MAX_SHOWN + 1500;
        for (int round = 0; round < 40; round++) {
            int pieces = 1 + random.nextInt(4);
            for (int p = 0; p < pieces; p++) {
                List<Alarm> piece = new ArrayList<>();
                for (int k = random.nextInt(400); k > 0; k--) {
                    int n = random.nextInt(count);
                    Alarm a = alarm("a" + n, severities[n % severities.length], n % 600)
                            .withState(states[random.nextInt(states.length)], random.nextBoolean());
                    piece.add(a);
                    latest.put(a.id(), a);
                }
                vm.stage(piece);
            }
            vm.publish();
            assertThat(mirror).isEqualTo(vm.alarms());
        }
        // Exactly the MAX_SHOWN most urgent of the alarms whose latest version is open, in queue order (one pushed
        // past the limit earlier comes back when those above it close).
        List<Alarm> openLatest = new ArrayList<>(latest.values().stream().filter(a -> a.state().isOpen()).toList());
        openLatest.sort(AlarmOrder.QUEUE);
        assertThat(vm.alarms()).isEqualTo(openLatest.subList(0, Math.min(openLatest.size(),
                AlarmBoardViewModel.MAX_SHOWN)));
        assertThat(vm.openCountProperty().get()).isEqualTo(openLatest.size());
        List<Alarm> shown = new ArrayList<>(vm.alarms());
        List<Alarm> sorted = new ArrayList<>(shown);
        sorted.sort(AlarmOrder.QUEUE);
        assertThat(shown).isEqualTo(sorted);
        assertThat(shown).hasSizeLessThanOrEqualTo(AlarmBoardViewModel.MAX_SHOWN);
        assertThat(shown).allSatisfy(a -> {
            assertThat(a).isEqualTo(latest.get(a.id()));
            assertThat(a.state().isOpen()).isTrue();
        });
        assertThat(shown.stream().map(Alarm::id).distinct().count()).isEqualTo(shown.size());
    }

    @Test
    void moreThanTheQueueHoldsShowsTheMostUrgentAndKeepsTheRest() {
        List<Alarm> all = new ArrayList<>();
        for (int i = 0; i < AlarmBoardViewModel.MAX_SHOWN + 700; i++) {
            all.add(alarm("m" + i, i % 3 == 0 ? Severity.HIGH : Severity.LOW, i));
        }
        for (int from = 0; from < all.size(); from += 900) {
            vm.upsert(all.subList(from, Math.min(all.size(), from + 900)));
        }
        List<Alarm> expected = new ArrayList<>(all);
        expected.sort(AlarmOrder.QUEUE);
        assertThat(vm.alarms()).isEqualTo(expected.subList(0, AlarmBoardViewModel.MAX_SHOWN));
        assertThat(vm.openCountProperty().get()).as("every open alarm counts").isEqualTo(all.size());
        // the 700 most urgent are closed: the ones past the limit move up instead of being lost
        vm.upsert(expected.subList(0, 700).stream().map(a -> a.withState(AlarmState.CLOSED, false)).toList());
        assertThat(vm.alarms()).isEqualTo(expected.subList(700, expected.size()));
    }

    /** A storm of new alarms past what the queue shows leaves the alarm being worked on on the map (review, session 11). */
    @Test
    void theMapGetsEveryOpenAlarmWhenTheQueueShowsOnlyTheMostUrgent() {
        List<Alarm> storm = new ArrayList<>();
        for (int i = 0; i < AlarmBoardViewModel.MAX_SHOWN + 3; i++) {
            storm.add(alarm("new-" + i, Severity.LOW, i));
        }
        vm.upsert(List.of(alarm("worked-on", Severity.CRITICAL, 1).withState(AlarmState.ESCALATED, false)));
        assertThat(vm.openAlarms()).as("the queue's own rows while they are all").isSameAs(vm.alarms());
        vm.upsert(storm);
        assertThat(vm.alarms()).hasSize(AlarmBoardViewModel.MAX_SHOWN).extracting(Alarm::id)
                .doesNotContain("worked-on");
        assertThat(vm.openAlarms()).hasSize(AlarmBoardViewModel.MAX_SHOWN + 4).extracting(Alarm::id)
                .contains("worked-on");
        assertThat(vm.openCountProperty().get()).isEqualTo(AlarmBoardViewModel.MAX_SHOWN + 4);
    }
}
