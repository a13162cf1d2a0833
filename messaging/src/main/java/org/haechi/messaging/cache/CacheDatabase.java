package org.haechi.messaging.cache;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The local H2 file cache: opens (and migrates) the database and hands out connections.
 * Thread-safe; each caller owns the connections it opens. Lifecycle: open, then {@link #close()} last at shutdown.
 */
public final class CacheDatabase implements AutoCloseable {
    private final String url;
    private final Path file;

    private CacheDatabase(Path dir) {
        this(dir, "");
    }

    private CacheDatabase(Path dir, String mode) {
        this.file = dir.resolve("cache.mv.db");
        // WRITE_DELAY=0: a commit is on disk before it returns, so the JMS ack that follows it cannot get ahead
        // of the data (FACTS.md: the 500 ms default lost alarms under SIGKILL). DB_CLOSE_DELAY=-1: the database stays
        // open until close() shuts it down; when it closed and reopened between transactions (no connection open),
        // H2 2.3.232 occasionally lost a committed transaction (ActionConvergenceTest, about one in 80).
        this.url = "jdbc:h2:file:" + dir.resolve("cache").toAbsolutePath()
                + ";WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE;DB_CLOSE_DELAY=-1" + mode;
    }

    /** Where this version's schema migrations are. */
    static final String MIGRATIONS = "classpath:db/migration";

    /**
     * Opens the cache in {@code dir}, creating or migrating its schema; a failed upgrade leaves the cache as it was
     * ({@link CacheUpgrade}) and throws with a message for the operator.
     */
    public static CacheDatabase open(Path dir) throws SQLException {
        return open(dir, MIGRATIONS);
    }

    /** Tests: with other migrations. */
    static CacheDatabase open(Path dir, String... migrationLocations) throws SQLException {
        try {
            Files.createDirectories(dir);
        } catch (java.io.IOException e) {
            throw new SQLException("cannot create cache folder " + dir, e);
        }
        CacheDatabase db = new CacheDatabase(dir);
        CacheUpgrade.migrate(db, db.url, db.file, migrationLocations);
        return db;
    }

    /**
     * Duplicate key, concurrent update, lock timeout or deadlock: another transaction got there first, and the same
     * work done again finds what it committed.
     */
    public static boolean isContention(SQLException e) {
        int code = e.getErrorCode();
        return code == 23505 || code == 90131 || code == 50200 || code == 40001;
    }

    /**
     * Opens an existing cache in {@code dir} to read only: nothing is migrated or written, so that checking a cache
     * (the audit log's chain, as evidence) leaves its file as it was.
     */
    public static CacheDatabase openReadOnly(Path dir) throws SQLException {
        if (!Files.isRegularFile(dir.resolve("cache.mv.db"))) {
            throw new SQLException("no cache in " + dir);
        }
        return new CacheDatabase(dir, ";ACCESS_MODE_DATA=r");
    }

    /**
     * Runs a {@code DELETE ... FETCH FIRST chunk ROWS ONLY} (autocommit: a transaction each) until it deletes fewer
     * than {@code chunk}; returns how many rows it deleted in all. A long purge then never holds many row locks at once.
     */
    static int deleteInChunks(PreparedStatement delete, int chunk) throws SQLException {
        int deleted = 0;
        int n;
        do {
            n = delete.executeUpdate();
            deleted += n;
        } while (n == chunk);
        return deleted;
    }

    /** Tests: the JDBC URL. */
    String url() {
        return url;
    }

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(url, "sa", "");
    }

    /** Size of the cache file in bytes (0 when not yet written). */
    public long sizeBytes() {
        try {
            return Files.exists(file) ? Files.size(file) : 0;
        } catch (java.io.IOException e) {
            return 0;
        }
    }

    @Override
    public void close() {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("SHUTDOWN");
        } catch (SQLException ignored) {
            // already closed
        }
    }
}
