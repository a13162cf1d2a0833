package org.haechi.messaging.bus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.haechi.messaging.cache.CacheDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How store failures are told apart and handled, on errors from a real H2 cache. */
class BatchStoreTest {
    @TempDir
    Path dir;
    CacheDatabase db;

    @BeforeEach
    void open() throws SQLException {
        db = CacheDatabase.open(dir);
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE bodies (body VARCHAR(10) NOT NULL)");
        }
    }

    @AfterEach
    void close() {
        db.close();
    }

    /** Stores the bodies as one batch through a {@link Bodies} handler and runs what the store returns. */
    private Bodies store(int passingFaults, boolean transacted, String... bodies) {
        Bodies handler = new Bodies(passingFaults);
        try (BatchStore store = new BatchStore("test", handler, db, () -> true, transacted)) {
            Runnable afterCommit = store.store(Stream.of(bodies).map(Received::text).toList());
            assertThat(afterCommit).isNotNull();
            afterCommit.run();
        }
        return handler;
    }

    @Test
    void refusedDataIsTheBatchsFaultAndADuplicateIsAConcurrentWrite() throws Exception {
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

            assertThat(CacheErrors.isConcurrentWrite(duplicate)).isTrue();
            assertThat(CacheErrors.isBadData(tooLong)).isTrue();
            assertThat(CacheErrors.isConcurrentWrite(tooLong)).isFalse();
            assertThat(CacheErrors.isBadData(noTable)).isFalse();
            assertThat(CacheErrors.shortReason(noTable)).doesNotContain("\n").doesNotContain("SQL statement")
                    .contains("GONE").endsWith("[" + noTable.getErrorCode() + "]");
        }
    }

    @Test
    void aRefusedBatchIsStoredApartAndOnlyTheMessagesAtFaultAreKeptAsRejected() throws Exception {
        Bodies handler = store(0, true, "a", "b", "far-too-long", "c", "boom", "d", "e");

        assertThat(storedBodies()).containsExactlyInAnyOrder("a", "b", "c", "d", "e");
        assertThat(handler.told).containsExactlyInAnyOrder("a", "b", "c", "d", "e");
        assertThat(handler.kept).containsOnlyKeys("far-too-long", "boom");
        assertThat(handler.kept.get("far-too-long")).startsWith("the cache refused it: Value too long")
                .endsWith("[22001]");
        assertThat(handler.kept.get("boom")).isEqualTo("could not be stored: java.lang.IllegalStateException: boom");
    }

    @Test
    void onASessionThatIsNotTransactedARefusedMessageIsKeptAsRejectedAlikeAndTheRestStored() throws Exception {
        Bodies handler = store(0, false, "a", "far-too-long", "b");

        assertThat(storedBodies()).containsExactlyInAnyOrder("a", "b");
        assertThat(handler.kept).containsOnlyKeys("far-too-long");
    }

    @Test
    void aMessageRefusedForAReasonOtherThanItsDataWhileItsBatchMatesAreStoredIsTriedAgainBeforeItIsRejected()
            throws Exception {
        Bodies handler = store(2, true, "a", "b"); // fails the whole batch, then its first half ("a")

        assertThat(storedBodies()).containsExactlyInAnyOrder("a", "b");
        assertThat(handler.kept).isEmpty();
        assertThat(handler.failures).isEmpty();
    }

    @Test
    void whenNoneOfABatchIsStoredForAReasonOtherThanItsDataTheFaultIsTheCachesAndIsWaitedOut() throws Exception {
        Bodies handler = store(3, true, "a", "b"); // fails the whole batch, its halves, then the first retry of both

        assertThat(storedBodies()).containsExactlyInAnyOrder("a", "b");
        assertThat(handler.kept).as("nothing rejected").isEmpty();
        assertThat(handler.failures).singleElement().asString().startsWith("General error (test)");
        assertThat(handler.recoveries).isEqualTo(1);
    }

    /**
     * Writes each body into a 10-character column (H2 refuses longer ones); "boom" throws as a handler bug would; the
     * first {@code passingFaults} attempts fail with a general error that is not the data's fault.
     */
    private static final class Bodies implements BatchHandler {
        final List<String> told = new ArrayList<>();
        final Map<String, String> kept = new HashMap<>();
        final List<String> failures = new ArrayList<>();
        int recoveries;
        int passingFaults;

        Bodies(int passingFaults) {
            this.passingFaults = passingFaults;
        }

        @Override
        public Runnable store(Connection c, List<Received> messages, Instant receivedAt) throws SQLException {
            if (passingFaults-- > 0) {
                throw new SQLException("General error (test)", "HY000", 50000);
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO bodies VALUES (?)")) {
                for (Received m : messages) {
                    if (m.body().equals("boom")) {
                        throw new IllegalStateException("boom");
                    }
                    ps.setString(1, m.body());
                    ps.executeUpdate();
                }
            }
            return () -> messages.forEach(m -> told.add(m.body()));
        }

        @Override
        public Runnable keepRefused(Connection c, Received message, String reason, Instant receivedAt) {
            return () -> kept.put(message.body(), reason);
        }

        @Override
        public void storeFailed(String reason) {
            failures.add(reason);
        }

        @Override
        public void storeRecovered() {
            recoveries++;
        }
    }

    private List<String> storedBodies() throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = db.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT body FROM bodies")) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }
}
