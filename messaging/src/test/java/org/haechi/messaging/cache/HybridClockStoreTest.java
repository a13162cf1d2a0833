package org.haechi.messaging.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.haechi.core.alarm.ActionKind;
import org.haechi.core.alarm.Alarm;
import org.haechi.core.alarm.AlarmState;
import org.haechi.core.alarm.HybridClock;
import org.haechi.core.alarm.HybridTimestamp;
import org.haechi.core.alarm.OperatorAction;
import org.haechi.core.alarm.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The console's hybrid clock over the cache: observed on ingest, seeded at start, and the V3 migration. */
class HybridClockStoreTest {
    static final Clock WALL = Clock.fixed(Instant.parse("2026-11-28T05:00:00Z"), ZoneOffset.UTC);
    @TempDir
    Path dir;

    @Test
    void anOwnActionAfterIngestingAnotherFromAClockAheadOrdersAfterIt() throws Exception {
        try (CacheStores stores = CacheStores.open(dir)) {
            try (Connection c = stores.db().connect()) {
                c.setAutoCommit(false);
                stores.alarms().insertNew(c, List.of(AlarmStoreTest.alarm("a", Severity.HIGH, 1)));
                c.commit();
            }
            OperatorActions kim = new OperatorActions(stores, "op-kim", "ws-1", WALL);
            HybridTimestamp ahead = new HybridTimestamp(WALL.millis() + 600_000, 7, "ws-2");
            try (Connection c = stores.db().connect()) {
                c.setAutoCommit(false);
                stores.actions().record(c, List.of(new OperatorAction("remote", "a", ActionKind.CLOSE, "op-lee",
                        "ws-2", ahead, null)), true);
                c.commit();
            }
            Alarm reopened = kim.perform("a", ActionKind.REOPEN, "not done");
            assertThat(reopened.state()).isEqualTo(AlarmState.NEW);
            assertThat(stores.actions().outbox().get(0).at()).isGreaterThan(ahead);
            assertThat(stores.actions().clock("ws-1", WALL)).isSameAs(stores.actions().clock("ws-1", WALL));
        }
    }

    @Test
    void aRestartedConsoleStampsAfterEverythingStoredEvenWithItsClockSetBack() throws Exception {
        HybridTimestamp last;
        try (CacheStores stores = CacheStores.open(dir)) {
            OperatorActions kim = new OperatorActions(stores, "op-kim", "ws-1", WALL);
            kim.perform("a", ActionKind.ACKNOWLEDGE, null);
            last = stores.actions().outbox().get(0).at();
        }
        try (CacheStores stores = CacheStores.open(dir)) {
            Clock setBack = Clock.offset(WALL, java.time.Duration.ofHours(-1));
            assertThat(stores.actions().clock("ws-1", setBack).now()).isGreaterThan(last);
        }
    }

    /**
     * An action stamped years ahead (a console whose clock was wrong) is kept, but a restarted clock starts after the
     * last honest stamp, not at that one: there the counter runs out and stamps stop ordering.
     */
    @Test
    void aRestartedClockStartsAfterTheLastStampWithinADayNotAtOneYearsAhead() throws Exception {
        HybridTimestamp last;
        HybridTimestamp farAhead = new HybridTimestamp(HybridTimestamp.MAX_WALL, 0, "ws-9");
        try (CacheStores stores = CacheStores.open(dir)) {
            OperatorActions kim = new OperatorActions(stores, "op-kim", "ws-1", WALL);
            kim.perform("a", ActionKind.ACKNOWLEDGE, null);
            last = stores.actions().outbox().get(0).at();
            try (Connection c = stores.db().connect()) {
                c.setAutoCommit(false);
                stores.actions().record(c, List.of(new OperatorAction("wrong-clock", "a", ActionKind.COMMENT,
                        "op-lee", "ws-9", farAhead, "from 9999")), true);
                c.commit();
            }
            assertThat(stores.actions().folded("a").comments()).hasSize(1);
        }
        try (CacheStores stores = CacheStores.open(dir)) {
            HybridTimestamp next = stores.actions().clock("ws-1", WALL).now();
            assertThat(next).isGreaterThan(last);
            assertThat(next.wallMillis()).isEqualTo(last.wallMillis());
        }
    }

    /** The cache keeps an unknown kind's name, so that a later version reading it back knows what it was. */
    @Test
    void anUnknownKindIsStoredUnderItsOwnName() throws Exception {
        try (CacheStores stores = CacheStores.open(dir)) {
            HybridTimestamp at = new HybridTimestamp(WALL.millis(), 0, "ws-2");
            try (Connection c = stores.db().connect()) {
                c.setAutoCommit(false);
                stores.actions().record(c, List.of(new OperatorAction("later", "a", ActionKind.UNKNOWN, "op-lee",
                        "ws-2", at, "taken over", null, null, null, "TAKE_OVER")), true);
                c.commit();
            }
            try (Connection c = stores.db().connect(); Statement s = c.createStatement();
                 java.sql.ResultSet rs = s.executeQuery("SELECT kind FROM operator_action")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("TAKE_OVER");
            }
            assertThat(stores.actions().folded("a").actions()).as("held, and changes nothing here").isEqualTo(1);
            assertThat(stores.actions().folded("a").comments()).isEmpty();
        }
    }

    @Test
    void actionsStoredBeforeTheMigrationGetTheirWallTimeAsHlc() throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("cache").toAbsolutePath() + ";WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE";
        Flyway.configure().dataSource(url, "sa", "").locations("classpath:db/migration").target("1").load()
                .migrate();
        try (Connection c = DriverManager.getConnection(url, "sa", ""); Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO operator_action (action_id, alarm_id, kind, operator, console, at, note, "
                    + "published) VALUES ('old', 'a', 'ACKNOWLEDGE', 'op-kim', 'ws-1', "
                    + "TIMESTAMP WITH TIME ZONE '2026-11-28 14:12:41.318+09:00', NULL, TRUE)");
            s.execute("SHUTDOWN");
        }
        try (CacheStores stores = CacheStores.open(dir)) {
            assertThat(stores.actions().folded("a").comments()).isEmpty();
            assertThat(stores.actions().folded("a").lastChange())
                    .hasToString("2026-11-28T05:12:41.318Z#0000@ws-1");
            HybridClock clock = stores.actions().clock("ws-9", WALL);
            assertThat(clock.latest().wallMillis()).isEqualTo(Instant.parse("2026-11-28T05:12:41.318Z")
                    .toEpochMilli());
        }
    }
}
