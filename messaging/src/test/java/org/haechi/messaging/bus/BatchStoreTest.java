package org.haechi.messaging.bus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.haechi.messaging.cache.CacheDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How store failures are told apart, on errors from a real H2 cache. */
class BatchStoreTest {
    @TempDir
    Path dir;

    @Test
    void refusedDataIsTheBatchsFaultAndADuplicateIsAConcurrentWrite() throws Exception {
        CacheDatabase db = CacheDatabase.open(dir);
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            s.execute("INSERT INTO cache_probe VALUES (7, CURRENT_TIMESTAMP)");
            SQLException duplicate = catchThrowableOfType(
                    () -> s.execute("INSERT INTO cache_probe VALUES (7, CURRENT_TIMESTAMP)"), SQLException.class);
            SQLException tooLong = catchThrowableOfType(() -> s.execute(
                    "INSERT INTO alarm (id, type_name, severity, occurred_at, received_at, state, is_open, pending) "
                    + "VALUES ('" + "x".repeat(300) + "', 'T', 0, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 'NEW', TRUE, "
                    + "FALSE)"), SQLException.class);
            SQLException noTable = catchThrowableOfType(() -> s.execute("INSERT INTO gone VALUES (1)"),
                    SQLException.class);

            assertThat(BatchStore.isConcurrentWrite(duplicate)).isTrue();
            assertThat(BatchStore.isBadData(tooLong)).isTrue();
            assertThat(BatchStore.isConcurrentWrite(tooLong)).isFalse();
            assertThat(BatchStore.isBadData(noTable)).isFalse();
            assertThat(BatchStore.shortReason(noTable)).doesNotContain("\n").doesNotContain("SQL statement")
                    .contains("GONE").endsWith("[" + noTable.getErrorCode() + "]");
        } finally {
            db.close();
        }
    }
}
