package org.haechi.app.bench;

import org.haechi.core.bus.BatchCycle;

/**
 * Sums the cycles of full batches (those of {@value #FULL} messages: a backlog's, not the drain's last partial one)
 * and reports their mean. Thread-safe.
 */
final class BatchCycles {
    static final int FULL = 500;
    private long count;
    private long receive;
    private long store;
    private long cacheCommit;
    private long busCommit;

    synchronized void add(BatchCycle c) {
        if (c.messages() != FULL) {
            return;
        }
        count++;
        receive += c.receiveNanos();
        store += c.storeNanos();
        cacheCommit += c.cacheCommitNanos();
        busCommit += c.busCommitNanos();
    }

    /** The mean full batch, or null before the first. */
    synchronized BatchCycle mean() {
        return count == 0 ? null : new BatchCycle(FULL, receive / count, store / count, cacheCommit / count,
                busCommit / count);
    }

    /** "receive 1.5, store 8.1, cache commit 3.2, bus commit 6.4 ms" for the mean batch. */
    String describe() {
        BatchCycle m = mean();
        return m == null ? "no full batch" : String.format("receive %.1f, store %.1f, cache commit %.1f, "
                + "bus commit %.1f ms", m.receiveNanos() / 1e6, m.storeNanos() / 1e6, m.cacheCommitNanos() / 1e6,
                m.busCommitNanos() / 1e6);
    }
}
