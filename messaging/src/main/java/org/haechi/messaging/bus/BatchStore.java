package org.haechi.messaging.bus;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
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
 *   <li>the data: it is refused (SQLSTATE class 22 or 23, or a value the handler cannot convert). The batch's halves
 *       are stored apart, down to the messages the cache refuses, which are kept as rejected with the reason for the
 *       operator to inspect (or, for a handler that keeps no rejections, handed back to the broker, which
 *       dead-letters them after their last delivery);</li>
 *   <li>neither the data nor the whole cache (another error while the cache still takes a probe write,
 *       {@code cache_probe}): stored apart likewise. Messages refused alone while the cache took the rest of their
 *       batch are tried once more and then kept as rejected; when it took none of the batch, the fault is the cache's
 *       (one table), and it is handled as below;</li>
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
     * Stores the batch; returns what to run now that the cache holds it, or null when it is not stored (the session is
     * not transacted, or the consumer stopped while the cache was failing, or a message was refused and could not be
     * kept as rejected). The caller then rolls JMS back.
     */
    Runnable store(List<Received> batch) {
        long start = System.nanoTime();
        cacheCommitNanos = 0;
        Runnable afterCommit = storeWhole(batch, Instant.now());
        // Attempts that were rolled back, and the waits between them, count as storing.
        storeNanos = System.nanoTime() - start - cacheCommitNanos;
        return afterCommit;
    }

    /**
     * Stores the batch in one transaction; refused, stores it apart ({@link #storeApart}). What the cache refused for
     * a reason other than the data's (not SQLSTATE class 22 or 23, while the probe write works) is judged by what
     * happened to the rest of the batch:
     * <ul>
     *   <li>the cache took some of it: those messages are tried once more, {@value #FIRST_RETRY_MS} ms later, and kept
     *       as rejected if refused again;</li>
     *   <li>the cache took none of it: the fault is the cache's (a table that no longer takes writes), not the data's.
     *       It is waited out like a cache failure, and reported as one: the messages stay on the broker.</li>
     * </ul>
     */
    private Runnable storeWhole(List<Received> batch, Instant receivedAt) {
        long retryMs = FIRST_RETRY_MS;
        List<Received> left = batch;
        while (true) {
            List<Received> messages = left;
            Refused refusal;
            try {
                return inTransaction(c -> handler.store(c, messages, receivedAt));
            } catch (Refused refused) {
                refusal = refused;
            }
            Split split = new Split(receivedAt);
            Runnable apart = storeApart(messages, refusal, split);
            if (apart == null || split.notTheData.isEmpty()) {
                return apart;
            }
            tell(apart);
            if (split.storedAny) {
                return storeAloneOrKeep(split.notTheData, receivedAt);
            }
            failed((SQLException) split.lastNotTheData.getCause());
            if (!keepOnCacheFailure || !waitBeforeRetry(retryMs) || !running.getAsBoolean()) {
                return null;
            }
            retryMs = Math.min(retryMs * 2, MAX_RETRY_MS);
            left = List.copyOf(split.notTheData);
        }
    }

    /** What a batch stored apart left behind. */
    private static final class Split {
        final Instant receivedAt;
        /** Some part was stored by the handler: the cache takes this address's writes. */
        boolean storedAny;
        /** Messages refused alone for a reason other than their data, in order. */
        final List<Received> notTheData = new ArrayList<>();
        Refused lastNotTheData;

        Split(Instant receivedAt) {
            this.receivedAt = receivedAt;
        }
    }

    /**
     * Stores the two halves of a refused batch apart, and so on down to single messages. One the cache refuses for its
     * data is kept as rejected with the reason: one message the cache cannot hold must not take the alarms batched
     * with it to the dead-letter address. One refused message in 500 costs about 18 transactions. A half that is
     * stored is reported at once, whatever becomes of the rest: were the rest handed back, its redelivery would find
     * that half known and report nothing.
     */
    private Runnable storeApart(List<Received> batch, Refused refusal, Split split) {
        if (batch.size() == 1) {
            if (refusal.dataAtFault) {
                return keepRefused(batch.get(0), refusal.reason, split.receivedAt);
            }
            split.notTheData.add(batch.get(0));
            split.lastNotTheData = refusal;
            return () -> { };
        }
        int half = batch.size() / 2;
        Runnable first = storeHalf(batch.subList(0, half), split);
        if (first == null) {
            return null;
        }
        tell(first);
        return storeHalf(batch.subList(half, batch.size()), split);
    }

    private Runnable storeHalf(List<Received> half, Split split) {
        try {
            Runnable stored = inTransaction(c -> handler.store(c, half, split.receivedAt));
            split.storedAny |= stored != null;
            return stored;
        } catch (Refused refused) {
            return storeApart(half, refused, split);
        }
    }

    /** Messages refused alone while the cache took their batch-mates: tried once more, then kept as rejected. */
    private Runnable storeAloneOrKeep(List<Received> messages, Instant receivedAt) {
        if (!waitBeforeRetry(FIRST_RETRY_MS) || !running.getAsBoolean()) {
            return null;
        }
        for (Received message : messages) {
            Runnable done;
            try {
                done = inTransaction(c -> handler.store(c, List.of(message), receivedAt));
            } catch (Refused again) {
                done = keepRefused(message, again.reason, receivedAt);
            }
            if (done == null) {
                return null;
            }
            tell(done);
        }
        return () -> { };
    }

    private Runnable keepRefused(Received message, String reason, Instant receivedAt) {
        LOG.warning(() -> "kept a message from " + address + " as rejected, " + reason);
        try {
            Runnable afterCommit = inTransaction(c -> handler.keepRefused(c, message, reason, receivedAt));
            if (afterCommit == null) {
                LOG.severe("a message from " + address + " the cache refused goes back to the broker, which "
                        + "dead-letters it after its last delivery");
            }
            return afterCommit;
        } catch (Refused refused) {
            LOG.log(Level.SEVERE, "could not keep a refused message from " + address + " as rejected; the broker "
                    + "redelivers it, and dead-letters it after its last attempt", refused);
            return null;
        }
    }

    /** Work done in one cache transaction; returns what to run once it is committed, or null when there is none. */
    @FunctionalInterface
    private interface Work {
        Runnable run(Connection c) throws SQLException;
    }

    /** A transaction the cache refused while it takes other writes, or whose work threw: the data may be at fault. */
    private static final class Refused extends Exception {
        /** What the operator reads in the rejected store. */
        private final String reason;
        /** Whether the data is known to be at fault, so that storing it again is refused again. */
        private final boolean dataAtFault;

        Refused(String reason, boolean dataAtFault, Exception cause) {
            super(reason, cause);
            this.reason = reason;
            this.dataAtFault = dataAtFault;
        }
    }

    /**
     * Runs the work in one transaction and commits it. Concurrent writes are tried again at once; a cache failure is
     * waited out ({@code keepOnCacheFailure}) or ends in null; refused data is thrown as {@link Refused}.
     */
    private Runnable inTransaction(Work work) throws Refused {
        long retryMs = FIRST_RETRY_MS;
        int concurrent = 0;
        while (true) {
            try {
                if (connection == null) {
                    connection = connect();
                }
                Runnable afterCommit = work.run(connection);
                long committing = System.nanoTime();
                connection.commit();
                cacheCommitNanos += System.nanoTime() - committing;
                recovered();
                return afterCommit;
            } catch (SQLException e) {
                rollbackQuietly();
                if (CacheErrors.isConcurrentWrite(e) && ++concurrent < CONCURRENT_ATTEMPTS) {
                    LOG.fine(() -> "concurrent write on " + address + ", storing the batch again: " + e);
                    continue;
                }
                if (CacheErrors.isConcurrentWrite(e)) {
                    LOG.log(Level.WARNING, "concurrent writes kept a batch from " + address + " out of the cache; "
                            + "the broker redelivers it", e);
                    return null;
                }
                boolean badData = CacheErrors.isBadData(e);
                if (badData || cacheTakesWrites()) {
                    throw new Refused("the cache refused it: " + CacheErrors.shortReason(e, 500), badData, e);
                }
                failed(e);
                if (!keepOnCacheFailure || !waitBeforeRetry(retryMs) || !running.getAsBoolean()) {
                    return null;
                }
                retryMs = Math.min(retryMs * 2, MAX_RETRY_MS);
                concurrent = 0;
            } catch (RuntimeException e) {
                // A value the handler cannot convert (an instant past what a timestamp holds) or a bug: either way
                // this data, and the consumer must go on with the rest.
                rollbackQuietly();
                throw new Refused("could not be stored: " + e, true, e);
            }
        }
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
        tell(() -> handler.storeFailed(CacheErrors.shortReason(e)));
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
