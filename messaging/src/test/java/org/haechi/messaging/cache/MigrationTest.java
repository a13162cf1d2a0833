package org.haechi.messaging.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.flywaydb.core.Flyway;
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
            s.execute("SHUTDOWN");
        }
        try (CacheStores stores = CacheStores.open(dir)) {
            assertThat(stores.alarms().find("old-1").state().name()).isEqualTo("ACKNOWLEDGED");
            assertThat(stores.alarms().find("old-1").attributes()).as("moved into the alarm row by V8")
                    .containsEntry("bellId", "B-17");
            try (Connection c = stores.db().connect(); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT MAX(\"version\") FROM \"flyway_schema_history\"")) {
                rs.next();
                assertThat(Integer.parseInt(rs.getString(1))).isGreaterThan(1);
            }
        }
    }

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
