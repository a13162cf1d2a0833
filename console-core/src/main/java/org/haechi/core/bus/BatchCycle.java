package org.haechi.core.bus;

/**
 * Where one stored batch's time went on its consumer thread, in nanoseconds. The phases follow each other, so
 * their sum is the batch's cycle and {@code messages} divided by it the thread's rate while it is busy.
 *
 * @param messages         messages in the batch (rejected ones included)
 * @param receiveNanos     from asking for the first message to having the batch, idle waiting included
 * @param storeNanos       decoding and writing the batch in the open cache transaction
 * @param cacheCommitNanos committing the cache transaction (on disk when it returns)
 * @param busCommitNanos   the JMS commit that tells the broker it may forget the batch
 */
public record BatchCycle(int messages, long receiveNanos, long storeNanos, long cacheCommitNanos,
                         long busCommitNanos) {

    public long totalNanos() {
        return receiveNanos + storeNanos + cacheCommitNanos + busCommitNanos;
    }
}
