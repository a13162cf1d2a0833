package org.haechi.messaging.bus;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import org.haechi.core.bus.BatchCycle;

/**
 * Stores one batch of message bodies from one address inside an open H2 transaction. Called on that address's
 * consumer thread only.
 */
@FunctionalInterface
public interface BatchHandler {
    /**
     * Decodes and stores {@code messages} on {@code c} (the caller commits), and returns what to do once the H2
     * transaction is committed (before the JMS commit): notify sinks and counters.
     */
    Runnable store(Connection c, List<Received> messages, Instant receivedAt) throws SQLException;

    /**
     * Keeps one message the cache refused although it takes other writes (its data, not the cache, is at fault) with
     * the rejected messages, on {@code c} (the caller commits), and returns what to do once committed; or null when
     * this handler keeps no rejections, and the message then goes back to the broker (which dead-letters it after its
     * last delivery).
     */
    default Runnable keepRefused(Connection c, Received message, String reason, Instant receivedAt)
            throws SQLException {
        return null;
    }

    /** The batch last stored is acknowledged too; where its time went. Must not block. */
    default void cycleTimed(BatchCycle cycle) {
    }

    /** The cache cannot store this address's messages; see {@code IngestListener.storeFailed}. Must not block. */
    default void storeFailed(String reason) {
    }

    /** The cache stores this address's messages; see {@code IngestListener.storeRecovered}. Must not block. */
    default void storeRecovered() {
    }
}
