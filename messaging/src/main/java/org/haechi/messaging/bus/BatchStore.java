package org.haechi.messaging.bus;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.haechi.messaging.cache.CacheDatabase;

/**
 * Stores one consumer's batches in the H2 cache, each in one transaction committed before it returns (durable:
 * WRITE_DELAY=0), on a connection of its own. What happens when a store fails depends on why:
 * <ul>
 *   <li>another session of the subscription wrote the same id at the same moment: stored again at once, up to 3
 *       times (the retry finds the id and skips it), then handed back to the broker;</li>
 *   <li>the batch: the data is refused (SQLSTATE class 22 or 23), or the cache still takes a probe write
 *       ({@code cache_probe}) although it refused the batch. Not stored; the caller rolls JMS back and the broker
 *       redelivers the batch, as many times as its address allows (the embedded broker: 5), then dead-letters it;</li>
 *   <li>the cache itself (disk full, I/O error, closed database: the probe fails too). On a transacted session the
 *       batch is kept here, unacknowledged, and stored again after 1, 2, 4 ... 30 s on a new connection until the
 *       cache takes it: handing it back would spend its delivery attempts in seconds and dead-letter alarms the
 *       operator never saw. A non-transacted session (positions) has acknowledged it already, and drops it as
 *       before, so that a long outage does not pile positions up on the broker.</li>
 * </ul>
 * A cache failure is told to the handler when first seen, and the first store that works after it (or the first of
 * a new store, which cannot know what an earlier one reported) is told as a recovery. The consumer's thread only.
 */
final class BatchStore implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(BatchStore.class.getName());
    static final int CONCURRENT_ATTEMPTS = 3;
    static final long FIRST_RETRY_MS = 1000;
    static final long MAX_RETRY_MS = 30_000;
    private final String address;
    private final BatchHandler handler;
    private final CacheDatabase db;
    private final BooleanSupplier running;
    private final boolean keepOnCacheFailure;
    private Connection connection;
    /** Null until the first store: then unknown whether an earlier store of this address reported a failure. */
    private Boolean failing;
    private long storeNanos;
    private long cacheCommitNanos;

    /** {@code keepOnCacheFailure}: the session is transacted, so a batch held here is not acknowledged. */
    BatchStore(String address, BatchHandler handler, CacheDatabase db, BooleanSupplier running,
               boolean keepOnCacheFailure) {
        this.address = address;
        this.handler = handler;
        this.db = db;
        this.running = running;
        this.keepOnCacheFailure = keepOnCacheFailure;
    }

    /**
     * Stores the batch; returns what to run now that the cache holds it, or null when it is not stored (the batch is
     * at fault, the session is not transacted, or the consumer stopped while the cache was failing). The caller then
     * rolls JMS back.
     */
    Runnable store(List<Received> batch) {
        long start = System.nanoTime();
        long retryMs = FIRST_RETRY_MS;
        int concurrent = 0;
        while (true) {
            try {
                if (connection == null) {
                    connection = connect();
                }
                Runnable afterCommit = handler.store(connection, batch, Instant.now());
                long stored = System.nanoTime();
                connection.commit();
                // Attempts that were rolled back, and the waits between them, count as storing.
                storeNanos = stored - start;
                cacheCommitNanos = System.nanoTime() - stored;
                recovered();
                return afterCommit;
            } catch (SQLException e) {
                rollbackQuietly();
                if (isConcurrentWrite(e) && ++concurrent < CONCURRENT_ATTEMPTS) {
                    LOG.fine(() -> "concurrent write on " + address + ", storing the batch again: " + e);
                    continue;
                }
                if (isConcurrentWrite(e) || isBadData(e) || cacheTakesWrites()) {
                    LOG.log(Level.SEVERE, "could not store a batch from " + address + "; the broker redelivers it, "
                            + "and dead-letters it after its last attempt", e);
                    return null;
                }
                failed(e);
                if (!keepOnCacheFailure || !waitBeforeRetry(retryMs) || !running.getAsBoolean()) {
                    return null;
                }
                retryMs = Math.min(retryMs * 2, MAX_RETRY_MS);
                concurrent = 0;
            }
        }
    }

    /** Duplicate key, concurrent update, lock timeout or deadlock: another transaction got there first. */
    static boolean isConcurrentWrite(SQLException e) {
        int code = e.getErrorCode();
        return code == 23505 || code == 90131 || code == 50200 || code == 40001;
    }

    /** SQLSTATE class 22 (data exception) or 23 (integrity constraint): the batch, not the cache, is at fault. */
    static boolean isBadData(SQLException e) {
        String state = e.getSQLState();
        return state != null && (state.startsWith("22") || state.startsWith("23"));
    }

    /** Whether the cache still takes a one-row write and commit, on a connection of its own. */
    private boolean cacheTakesWrites() {
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            s.executeUpdate("MERGE INTO cache_probe KEY (id) VALUES (1, CURRENT_TIMESTAMP)");
            return true;
        } catch (SQLException e) {
            LOG.fine(() -> "the cache probe failed too: " + e);
            return false;
        }
    }

    long storeNanos() {
        return storeNanos;
    }

    long cacheCommitNanos() {
        return cacheCommitNanos;
    }

    private Connection connect() throws SQLException {
        Connection c = db.connect();
        try {
            c.setAutoCommit(false);
            return c;
        } catch (SQLException e) {
            c.close();
            throw e;
        }
    }

    private void failed(SQLException e) {
        closeQuietly();
        if (Boolean.TRUE.equals(failing)) {
            return;
        }
        failing = true;
        LOG.log(Level.SEVERE, "the cache cannot store messages from " + address + (keepOnCacheFailure
                ? "; they stay on the broker, unacknowledged, and are stored once the cache works again"
                : "; they are dropped until it works again"), e);
        tell(() -> handler.storeFailed(shortReason(e)));
    }

    private void recovered() {
        if (Boolean.FALSE.equals(failing)) {
            return;
        }
        if (failing != null) {
            LOG.info("the cache stores messages from " + address + " again");
        }
        failing = false;
        tell(handler::storeRecovered);
    }

    /** A listener that fails must not stop the store (nor the batch's hand-off that follows it). */
    private void tell(Runnable listenerCall) {
        try {
            listenerCall.run();
        } catch (RuntimeException listenerFailed) {
            LOG.log(Level.WARNING, "a listener of " + address + " failed", listenerFailed);
        }
    }

    /** The first line of H2's message, without the SQL statement it appends, and its error code. */
    static String shortReason(SQLException e) {
        String line = e.getMessage() == null ? e.getClass().getSimpleName()
                : e.getMessage().lines().findFirst().orElse("");
        int sql = line.indexOf("; SQL statement");
        line = (sql < 0 ? line : line.substring(0, sql)).strip();
        if (line.length() > 100) {
            line = line.substring(0, 97) + "...";
        }
        return line + " [" + e.getErrorCode() + "]";
    }

    private boolean waitBeforeRetry(long ms) {
        long until = System.currentTimeMillis() + ms;
        try {
            while (running.getAsBoolean() && System.currentTimeMillis() < until) {
                Thread.sleep(Math.min(100, ms));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        return true;
    }

    /** A connection whose rollback failed is not used again. */
    private void rollbackQuietly() {
        try {
            if (connection != null) {
                connection.rollback();
            }
        } catch (SQLException e) {
            LOG.fine(() -> "rollback failed, the next attempt uses a new connection: " + e);
            closeQuietly();
        }
    }

    private void closeQuietly() {
        try {
            if (connection != null) {
                connection.close();
            }
        } catch (SQLException e) {
            LOG.fine(() -> "close failed: " + e);
        }
        connection = null;
    }

    @Override
    public void close() {
        closeQuietly();
    }
}
