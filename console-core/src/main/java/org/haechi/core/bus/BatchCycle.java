package org.haechi.core.bus;

/**
 * Where one stored batch's time went on its consumer thread, in nanoseconds. The phases follow each other; between
 * the cache and the bus commit the thread also hands the batch to the sinks, which is not counted (it only queues).
 * Under a backlog, {@code messages} divided by the phases' sum is the thread's drain rate; in calm traffic the
 * receive phase is mostly idle waiting.
 *
 * @param messages         messages in the batch (rejected ones included)
 * @param receiveNanos     from asking for the first message to having the batch, idle waiting included
 * @param storeNanos       decoding and writing the batch in the open cache transaction, attempts rolled back included
 * @param cacheCommitNanos committing the cache transaction (on disk when it returns)
 * @param busCommitNanos   the JMS commit that tells the broker it may forget the batch
 */
public record BatchCycle(int messages, long receiveNanos, long storeNanos, long cacheCommitNanos,
                         long busCommitNanos) {
}
