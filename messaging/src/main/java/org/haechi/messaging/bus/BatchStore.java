package org.haechi.messaging.bus;

import java.sql.Connection;
import java.sql.SQLException;
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
 *   <li>another session of the subscription wrote the same id at the same moment: stored again at once (the retry
 *       finds the id and skips it);</li>
 *   <li>the data (SQLSTATE class 22 or 23): not stored; the caller rolls JMS back and the broker redelivers the batch,
 *       at most 5 times, then keeps it in haechi.dead-letter for inspection;</li>
 *   <li>the cache itself (disk full, I/O error, closed database, broken schema): the batch is kept here,
 *       unacknowledged, and stored again after 1, 2, 4 ... 30 s on a new connection until the cache takes it. Handing
 *       it back to the broker instead would spend its delivery attempts in seconds and dead-letter alarms the
 *       operator never saw. The handler hears of the failure once, and of the recovery.</li>
 * </ul>
 * The consumer's thread only.
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
    private Connection connection;
    private boolean failing;
    private long storeNanos;
    private long cacheCommitNanos;

    private BatchStore(String address, BatchHandler handler, CacheDatabase db, BooleanSupplier running) {
        this.address = address;
        this.handler = handler;
        this.db = db;
        this.running = running;
    }

    /** Fails when the cache cannot be reached at all (the consumer then does not start). */
    static BatchStore open(String address, BatchHandler handler, CacheDatabase db, BooleanSupplier running)
            throws SQLException {
        BatchStore store = new BatchStore(address, handler, db, running);
        store.connection = store.connect();
        return store;
    }

    /**
     * Stores the batch; returns what to run now that the cache holds it, or null when it is not stored: bad data, or
     * the consumer stopped while the cache was failing. The caller then rolls JMS back.
     */
    Runnable store(List<Received> batch) {
        long start = System.nanoTime();
        long retryMs = FIRST_RETRY_MS;
        for (int attempt = 1; ; attempt++) {
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
                if (attempt < CONCURRENT_ATTEMPTS && isConcurrentWrite(e)) {
                    LOG.fine(() -> "concurrent write on " + address + ", storing the batch again: " + e);
                    continue;
                }
                if (isBadData(e)) {
                    LOG.log(Level.SEVERE, "could not store a batch from " + address + "; it will be redelivered", e);
                    return null;
                }
                failed(e);
                if (!waitBeforeRetry(retryMs)) {
                    return null;
                }
                retryMs = Math.min(retryMs * 2, MAX_RETRY_MS);
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

    long storeNanos() {
        return storeNanos;
    }

    long cacheCommitNanos() {
        return cacheCommitNanos;
    }

    private Connection connect() throws SQLException {
        Connection c = db.connect();
        c.setAutoCommit(false);
        return c;
    }

    private void failed(SQLException e) {
        if (!failing) {
            failing = true;
            LOG.log(Level.SEVERE, "the cache cannot store messages from " + address + "; they stay on the broker, "
                    + "unacknowledged, and are stored once the cache works again", e);
            handler.storeFailed(e.getMessage());
        }
        closeQuietly();
    }

    private void recovered() {
        if (failing) {
            failing = false;
            LOG.info("the cache stores messages from " + address + " again");
            handler.storeRecovered();
        }
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
        return running.getAsBoolean();
    }

    private void rollbackQuietly() {
        try {
            if (connection != null) {
                connection.rollback();
            }
        } catch (SQLException e) {
            LOG.fine(() -> "rollback failed: " + e);
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
