package org.haechi.messaging.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A cache written by the first release survives the upgrade to the current schema, with its data. */
class MigrationTest {
    @TempDir
    Path dir;

    /** A cache in {@code dir} at schema version {@code target}; returns its JDBC URL. */
    String migratedTo(String target) {
        String url = "jdbc:h2:file:" + dir.resolve("cache").toAbsolutePath();
        Flyway.configure().dataSource(url, "sa", "").locations("classpath:db/migration").target(target).load()
                .migrate();
        return url;
    }

    @Test
    void firstReleaseCacheIsMigratedAndKeepsItsAlarms() throws Exception {
        String url = migratedTo("1");
        try (Connection c = DriverManager.getConnection(url, "sa", ""); Statement s = c.createStatement()) {
            s.execute("INSERT INTO alarm (id, type_name, severity, occurred_at, received_at, state, is_open) VALUES "
                    + "('old-1', 'CHILD_SOS', 0, TIMESTAMP WITH TIME ZONE '2026-01-01 00:00:00+00', "
                    + "TIMESTAMP WITH TIME ZONE '2026-01-01 00:00:01+00', 'ACKNOWLEDGED', TRUE)");
            s.execute("INSERT INTO alarm_attributes (id, json) VALUES ('old-1', '{\"bellId\":\"B-17\"}')");
            // The first release took any console name and any time: V3 made clocks of them that V14 mends.
            s.execute("INSERT INTO operator_action (action_id, alarm_id, kind, operator, console, at, note, "
                    + "published) VALUES ('act-1', 'old-1', 'ACKNOWLEDGE', 'op-kim', 'Console 3', "
                    + "TIMESTAMP WITH TIME ZONE '2026-01-01 00:00:05+00', NULL, TRUE), ('act-2', 'old-1', "
                    + "'COMMENT', 'op-lee', 'ws-2', TIMESTAMP WITH TIME ZONE '1969-07-20 20:17:40+00', 'moon', TRUE), "
                    + "('act-3', 'old-1', 'COMMENT', 'op-lee', 'ws-2', "
                    + "TIMESTAMP WITH TIME ZONE '12026-01-01 00:00:00+00', 'far', TRUE)");
            s.execute("INSERT INTO rejected_message (address, reason, body, received_at) VALUES ('haechi.alarms', "
                    + "'not JSON', 'garbage', TIMESTAMP WITH TIME ZONE '2026-01-01 00:00:02+00')");
            s.execute("SHUTDOWN");
        }
        try (CacheStores stores = CacheStores.open(dir)) {
            assertThat(stores.alarms().find("old-1").state().name()).isEqualTo("ACKNOWLEDGED");
            assertThat(stores.alarms().find("old-1").attributes()).as("moved into the alarm row by V8")
                    .containsEntry("bellId", "B-17");
            assertThat(stores.alarms().find("old-1").revision()).isZero();
            assertThat(stores.actions().folded("old-1").comments()).as("every action readable after V14, in time order")
                    .extracting(org.haechi.core.alarm.FoldedState.Comment::text).containsExactly("moon", "far");
            assertThat(stores.actions().clock("ws-9", java.time.Clock.systemUTC()).now()).isNotNull();
            assertThat(stores.rejected().count()).isEqualTo(1);
            assertThat(stores.actions().audit().verify().ok()).isTrue();
            Flyway flyway = Flyway.configure().dataSource(stores.db().url(), "sa", "")
                    .locations(CacheDatabase.MIGRATIONS).load();
            MigrationInfo[] all = flyway.info().all();
            assertThat(flyway.info().current().getVersion()).as("migrated to the last")
                    .isEqualTo(all[all.length - 1].getVersion());
            assertThat(flyway.info().pending()).isEmpty();
        }
    }

    /**
     * A migration that fails half-way (H2 commits each DDL statement at once) leaves the cache as it was, data
     * included, and says so: before, every later start failed with "detected failed migration" (review, session 11).
     */
    @Test
    void aFailedUpgradeLeavesTheCacheAsItWas() throws Exception {
        try (CacheStores stores = CacheStores.open(dir)) {
            try (Connection c = stores.db().connect(); Statement s = c.createStatement()) {
                s.execute("INSERT INTO alarm (id, type_name, severity, occurred_at, received_at, state, is_open) "
                        + "VALUES ('kept', 'CHILD_SOS', 0, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 'NEW', TRUE)");
            }
        }
        assertThatThrownBy(() -> CacheDatabase.open(dir, CacheDatabase.MIGRATIONS, "classpath:db/broken-migration"))
                .isInstanceOf(java.sql.SQLException.class).hasMessageContaining("could not be upgraded")
                .hasMessageContaining("is as it was before");
        assertThat(dir.resolve("cache.mv.db.before-999")).doesNotExist();
        try (CacheStores stores = CacheStores.open(dir)) {
            assertThat(hasBrokenColumn(stores)).as("the half-done change is gone").isFalse();
            assertThat(stores.alarms().find("kept")).isNotNull();
        }
    }

    /**
     * The process died during an upgrade (the half-done change committed, Flyway's record of it not): the next start
     * puts the copy from before back and upgrades again. A copy left by an upgrade that did finish is stale, and
     * deleted, never put back over what came since.
     */
    @Test
    void anInterruptedUpgradeIsUndoneAtTheNextStartAndAFinishedOnesCopyIsDropped() throws Exception {
        Path file = dir.resolve("cache.mv.db");
        try (CacheStores stores = CacheStores.open(dir); Connection c = stores.db().connect();
             Statement s = c.createStatement()) {
            s.execute("INSERT INTO alarm (id, type_name, severity, occurred_at, received_at, state, is_open) "
                    + "VALUES ('before', 'CHILD_SOS', 0, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 'NEW', TRUE)");
        }
        java.nio.file.Files.copy(file, dir.resolve("cache.mv.db.before-999"));
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + dir.resolve("cache").toAbsolutePath(), "sa",
                ""); Statement s = c.createStatement()) {
            s.execute("ALTER TABLE alarm ADD COLUMN broken INT"); // V999's first statement, then the process died
            s.execute("SHUTDOWN");
        }
        try (CacheStores stores = CacheStores.open(dir); Connection c = stores.db().connect();
             Statement s = c.createStatement()) {
            assertThat(hasBrokenColumn(stores)).as("the half-done change is undone").isFalse();
            assertThat(stores.alarms().find("before")).isNotNull();
            s.execute("INSERT INTO alarm (id, type_name, severity, occurred_at, received_at, state, is_open) "
                    + "VALUES ('after', 'CHILD_SOS', 0, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 'NEW', TRUE)");
        }
        assertThat(dir.resolve("cache.mv.db.before-999")).doesNotExist();

        java.nio.file.Files.copy(dir.resolve("cache.mv.db"), dir.resolve("cache.mv.db.before-3"));
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + dir.resolve("cache").toAbsolutePath(), "sa",
                ""); Statement s = c.createStatement()) {
            s.execute("INSERT INTO alarm (id, type_name, severity, occurred_at, received_at, state, is_open) "
                    + "VALUES ('since', 'CHILD_SOS', 0, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 'NEW', TRUE)");
            s.execute("SHUTDOWN");
        }
        try (CacheStores stores = CacheStores.open(dir)) {
            assertThat(stores.alarms().find("since")).as("the stale copy was not put back").isNotNull();
        }
        assertThat(dir.resolve("cache.mv.db.before-3")).doesNotExist();
    }

    /** Whether the alarm table has the column the broken migration V999 adds first. */
    static boolean hasBrokenColumn(CacheStores stores) throws Exception {
        try (Connection c = stores.db().connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM INFORMATION_SCHEMA.COLUMNS "
                     + "WHERE TABLE_NAME = 'ALARM' AND COLUMN_NAME = 'BROKEN'")) {
            rs.next();
            return rs.getInt(1) > 0;
        }
    }

    /**
     * A released migration must never change: a cache it already ran on would fail Flyway's validation at every
     * start. These are the checksums of the migrations as released; a new migration adds a line.
     */
    @Test
    void releasedMigrationsAreUnchanged() {
        String url = "jdbc:h2:mem:checksums;DB_CLOSE_DELAY=-1";
        java.util.Map<String, Integer> checksums = new java.util.TreeMap<>();
        for (MigrationInfo m : Flyway.configure().dataSource(url, "sa", "").locations(CacheDatabase.MIGRATIONS)
                .load().info().all()) {
            checksums.put(m.getVersion().getVersion(), m.getChecksum());
        }
        assertThat(checksums).isEqualTo(RELEASED);
    }

    static final java.util.Map<String, Integer> RELEASED = java.util.Map.ofEntries(
            java.util.Map.entry("1", 1004151881),
            java.util.Map.entry("2", -519737829),
            java.util.Map.entry("3", 1871277940),
            java.util.Map.entry("4", -1796618503),
            java.util.Map.entry("5", 1299071934),
            java.util.Map.entry("6", 369108688),
            java.util.Map.entry("7", -1672738583),
            java.util.Map.entry("8", -237529420),
            java.util.Map.entry("9", 189923874),
            java.util.Map.entry("10", 1168364215),
            java.util.Map.entry("11", -270014784),
            java.util.Map.entry("12", -931495016),
            java.util.Map.entry("13", -1074697149),
            java.util.Map.entry("14", -1439076038),
            java.util.Map.entry("15", -1211504235));

    /** V12 keys warnings by sender too, and reads the sender of a warning stored before from its body. */
    @Test
    void warningsStoredBeforeV12GetTheSenderOfTheirBody() throws Exception {
        String url = migratedTo("11");
        try (Connection c = DriverManager.getConnection(url, "sa", ""); Statement s = c.createStatement()) {
            s.execute("INSERT INTO warning (identifier, msg_type, received_at, body) VALUES ('A-1', 'Alert', "
                    + "TIMESTAMP WITH TIME ZONE '2026-07-15 05:00:00+00', '<alert xmlns=\"urn:oasis:names:tc:"
                    + "emergency:cap:1.2\"><identifier>A-1</identifier>\n <sender> weather@kma.go.kr </sender>"
                    + "</alert>'), ('B-1', 'Alert', TIMESTAMP WITH TIME ZONE '2026-07-15 05:00:00+00', 'no sender')");
            s.execute("INSERT INTO warning_reference (identifier, superseded_by) VALUES ('X-1', 'C-1')");
            s.execute("SHUTDOWN");
        }
        try (CacheStores stores = CacheStores.open(dir); Connection c = stores.db().connect();
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT identifier, sender FROM warning ORDER BY identifier")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(2)).isEqualTo("weather@kma.go.kr");
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(2)).as("none found: matches any sender").isEmpty();
        }
    }
}
