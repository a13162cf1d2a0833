package org.haechi.core.bus;

/**
 * Port: told how many messages arrived and were rejected on an address, for counters and the status bar, and
 * where each stored batch's time went, for metrics and benchmarks.
 * Messaging thread; must not block.
 */
public interface IngestListener {
    /** A listener that ignores the counts. */
    IngestListener NONE = new IngestListener() {
        @Override
        public void received(String address, int count) {
        }

        @Override
        public void rejected(String address, int count) {
        }
    };

    void received(String address, int count);

    void rejected(String address, int count);

    /** A batch was stored (and, from a durable address, acknowledged); where its time went. */
    default void batchStored(String address, BatchCycle cycle) {
    }

    /**
     * The cache cannot store messages from an address (disk full, I/O error): those of a durable address wait on the
     * broker until it can. Told when a consumer first sees it, then {@link #storeRecovered} when it works again.
     */
    default void storeFailed(String address, String reason) {
    }

    /** The cache stores messages from the address (also told, once, by a consumer that saw no failure). */
    default void storeRecovered(String address) {
    }
}
