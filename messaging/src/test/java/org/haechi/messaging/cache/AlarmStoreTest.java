package org.haechi.messaging.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.haechi.core.alarm.ActionKind;
import org.haechi.core.alarm.Alarm;
import org.haechi.core.alarm.AlarmState;
import org.haechi.core.alarm.AlarmType;
import org.haechi.core.alarm.HybridTimestamp;
import org.haechi.core.alarm.OperatorAction;
import org.haechi.core.alarm.Severity;
import org.haechi.core.geo.GeoPoint;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Against a real H2 file. */
class AlarmStoreTest {
    @TempDir
    Path dir;
    CacheStores stores;

    @BeforeEach
    void open() throws Exception {
        stores = CacheStores.open(dir);
    }

    @AfterEach
    void close() {
        stores.close();
    }

    static Alarm alarm(String id, Severity s, int second) {
        Instant t = Instant.parse("2026-11-28T05:00:00Z").plusSeconds(second);
        return new Alarm(id, AlarmType.CHILD_SOS, "CHILD_SOS", s, t, t, new GeoPoint(37.5, 127.0), "tag-1", "SOS",
                Map.of("district", "강남구"), AlarmState.NEW, false);
    }

    List<Alarm> insert(List<Alarm> batch) throws Exception {
        try (Connection c = stores.db().connect()) {
            c.setAutoCommit(false);
            List<Alarm> fresh = stores.alarms().insertNew(c, batch);
            c.commit();
            return fresh;
        }
    }

    @Test
    void sameIdTwiceIsOneAlarmAndOnlyTheFirstIsReportedNew() throws Exception {
        assertThat(insert(List.of(alarm("a", Severity.HIGH, 1), alarm("a", Severity.HIGH, 1)))).hasSize(1);
        assertThat(insert(List.of(alarm("a", Severity.HIGH, 1), alarm("b", Severity.LOW, 2))))
                .extracting(Alarm::id).containsExactly("b");
        assertThat(stores.alarms().countAll()).isEqualTo(2);
    }

    @Test
    void redeliveryDoesNotOverwriteOperatorState() throws Exception {
        insert(List.of(alarm("a", Severity.HIGH, 1)));
        OperatorActions actions = new OperatorActions(stores, "op-kim", "ws-1", Clock.fixed(
                Instant.parse("2026-11-28T05:01:00Z"), ZoneOffset.UTC));
        Alarm acked = actions.perform("a", ActionKind.ACKNOWLEDGE, null);
        assertThat(acked.state()).isEqualTo(AlarmState.ACKNOWLEDGED);
        assertThat(acked.pending()).isTrue();
        insert(List.of(alarm("a", Severity.HIGH, 1)));
        assertThat(stores.alarms().find("a").state()).isEqualTo(AlarmState.ACKNOWLEDGED);
    }

    @Test
    void everyOpenAlarmComesBackNewestFirstInPagesWithItsAttributes() throws Exception {
        insert(List.of(alarm("old", Severity.HIGH, 1), alarm("new", Severity.LOW, 5), alarm("mid", Severity.LOW, 3),
                alarm("closed", Severity.LOW, 4), alarm("older", Severity.CRITICAL, 0)));
        new OperatorActions(stores, "op-kim", "ws-1", Clock.systemUTC()).close("closed", "RESOLVED", "done");

        List<List<Alarm>> pages = new ArrayList<>();
        stores.alarms().loadOpen(2, pages::add);
        assertThat(pages).extracting(List::size).containsExactly(2, 2);
        assertThat(pages.stream().flatMap(List::stream)).extracting(Alarm::id)
                .containsExactly("new", "mid", "old", "older");
        assertThat(pages.get(0).get(0).attributes()).containsEntry("district", "강남구");
    }

    @Test
    void actionsFoldToTheSameStateWhateverTheirArrivalOrder() throws Exception {
        insert(List.of(alarm("a", Severity.HIGH, 1)));
        Instant t = Instant.parse("2026-11-28T05:10:00Z");
        OperatorAction ack = new OperatorAction("1", "a", ActionKind.ACKNOWLEDGE, "op-kim", "ws-1",
                HybridTimestamp.ofInstant(t, "ws-1"), null);
        OperatorAction close = new OperatorAction("2", "a", ActionKind.CLOSE, "op-lee", "ws-2",
                HybridTimestamp.ofInstant(t.plusSeconds(5), "ws-2"), "false alarm");
        try (Connection c = stores.db().connect()) {
            c.setAutoCommit(false);
            stores.actions().record(c, List.of(close), true);
            stores.actions().record(c, List.of(ack), true);
            stores.actions().record(c, List.of(ack), true);
            c.commit();
        }
        Alarm a = stores.alarms().find("a");
        assertThat(a.state()).isEqualTo(AlarmState.CLOSED);
        assertThat(a.pending()).isFalse();
        assertThat(stores.alarms().countOpen()).isZero();
    }

    @Test
    void outboxHoldsOwnActionsUntilPublished() throws Exception {
        insert(List.of(alarm("a", Severity.HIGH, 1)));
        OperatorActions actions = new OperatorActions(stores, "op-kim", "ws-1", Clock.systemUTC());
        Alarm acknowledged = actions.perform("a", ActionKind.ACKNOWLEDGE, null);
        assertThat(acknowledged.pending()).isTrue();
        List<OperatorAction> outbox = stores.actions().outbox();
        assertThat(outbox).hasSize(1);
        Alarm published = stores.actions().markPublished(outbox.get(0));
        assertThat(stores.actions().outbox()).isEmpty();
        assertThat(stores.alarms().find("a").pending()).isFalse();
        assertThat(published).as("for the screen").isEqualTo(stores.alarms().find("a"));
        assertThat(published.revision()).as("newer than the pending copy").isGreaterThan(acknowledged.revision());
    }

    @Test
    void theRecentlyClosedAreListedNewestFirstToBeReopened() throws Exception {
        insert(List.of(alarm("a", Severity.HIGH, 1), alarm("b", Severity.HIGH, 2), alarm("c", Severity.HIGH, 3)));
        OperatorActions actions = new OperatorActions(stores, "op-kim", "ws-1", Clock.systemUTC());
        actions.close("c", "FALSE_ALARM", null);
        Thread.sleep(5);
        actions.close("a", "RESOLVED", null);
        assertThat(stores.alarms().recentlyClosed(10)).as("closed last first, whenever received")
                .extracting(Alarm::id).containsExactly("a", "c");
        assertThat(stores.alarms().recentlyClosed(1)).extracting(Alarm::id).containsExactly("a");
        Alarm reopened = actions.perform("a", ActionKind.REOPEN, null);
        assertThat(reopened.state()).isEqualTo(AlarmState.NEW);
        assertThat(stores.alarms().recentlyClosed(10)).extracting(Alarm::id).containsExactly("c");
    }

    /** Every change of an alarm's workflow raises its revision, so the screen can tell an older copy. */
    @Test
    void everyWorkflowChangeRaisesTheRevisionAndASnoozeKeepsItsEnd() throws Exception {
        insert(List.of(alarm("a", Severity.HIGH, 1)));
        assertThat(stores.alarms().find("a").revision()).isZero();
        OperatorActions actions = new OperatorActions(stores, "op-kim", "ws-1", Clock.systemUTC());
        Alarm acked = actions.perform("a", ActionKind.ACKNOWLEDGE, null);
        Alarm snoozed = actions.snooze("a", java.time.Instant.parse("2030-01-01T00:00:00Z"), null);
        assertThat(snoozed.revision()).isGreaterThan(acked.revision());
        assertThat(snoozed.snoozedUntil()).isEqualTo(java.time.Instant.parse("2030-01-01T00:00:00Z"));
        List<Alarm> open = new java.util.ArrayList<>();
        stores.alarms().loadOpen(100, open::addAll);
        assertThat(open).singleElement().isEqualTo(snoozed);
    }

    @Test
    void cacheSurvivesReopening() throws Exception {
        insert(List.of(alarm("a", Severity.HIGH, 1)));
        stores.close();
        stores = CacheStores.open(dir);
        assertThat(stores.alarms().find("a")).isNotNull();
    }
}
