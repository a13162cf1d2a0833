package org.haechi.messaging.bus;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.haechi.core.bus.BatchCycle;
import org.haechi.core.bus.IngestListener;
import org.haechi.core.bus.RejectedMessage;
import org.haechi.messaging.cache.RejectedStore;
import org.haechi.messaging.codec.ContractViolation;

/**
 * A batch handler that decodes each body, stores what decoded, keeps what did not in the rejected store with its
 * reason, and tells a sink of what the store reports as new. One instance per address; its consumer thread only.
 */
public final class DecodingBatchHandler<T, R> implements BatchHandler {

    /** Turns one body into a value or says why it breaks the contract. */
    @FunctionalInterface
    public interface Decoder<T> {
        T decode(String body, Instant receivedAt) throws ContractViolation;
    }

    /** Stores decoded values in the open transaction and returns those the sink must hear of. */
    @FunctionalInterface
    public interface Writer<T, R> {
        List<R> write(Connection c, List<T> decoded) throws SQLException;
    }

    private final String address;
    private final Decoder<T> decoder;
    private final Writer<T, R> writer;
    private final Consumer<List<R>> sink;
    private final RejectedStore rejectedStore;
    private final IngestListener listener;

    public DecodingBatchHandler(String address, Decoder<T> decoder, Writer<T, R> writer, Consumer<List<R>> sink,
                                RejectedStore rejectedStore, IngestListener listener) {
        this.address = address;
        this.decoder = decoder;
        this.writer = writer;
        this.sink = sink;
        this.rejectedStore = rejectedStore;
        this.listener = listener;
    }

    @Override
    public Runnable store(Connection c, List<Received> messages, Instant receivedAt) throws SQLException {
        List<T> decoded = new ArrayList<>(messages.size());
        List<RejectedMessage> rejected = new ArrayList<>();
        for (Received m : messages) {
            String body = m.body();
            if (m.unreadableReason() != null) {
                rejected.add(new RejectedMessage(address, m.unreadableReason(), null, receivedAt, rejectionKey(m)));
                continue;
            }
            try {
                decoded.add(decoder.decode(body, receivedAt));
            } catch (ContractViolation e) {
                rejected.add(new RejectedMessage(address, e.getMessage(), body, receivedAt, rejectionKey(m)));
            } catch (RuntimeException | StackOverflowError e) {
                // A decoder's bug, or a document nested past what its recursion holds: this message's fault, and
                // the consumer goes on with the rest of the batch.
                rejected.add(new RejectedMessage(address, "could not be decoded: " + e, body, receivedAt,
                        rejectionKey(m)));
            }
        }
        List<R> toNotify = decoded.isEmpty() ? List.of() : writer.write(c, decoded);
        int kept = rejectedStore.insert(c, rejected);
        return () -> {
            count(messages.size(), kept);
            if (!toNotify.isEmpty()) {
                sink.accept(toNotify);
            }
        };
    }

    @Override
    public Runnable keepRefused(Connection c, Received message, String reason, Instant receivedAt)
            throws SQLException {
        int kept = rejectedStore.insert(c, List.of(new RejectedMessage(address, reason, message.body(), receivedAt,
                rejectionKey(message))));
        return () -> count(1, kept);
    }

    /**
     * Tells the listener how many rejections were newly kept, then how many messages came: whoever waits for the
     * count of messages then reads a rejection count that already holds them (BusIngestTest once read it in between).
     */
    private void count(int received, int newlyRejected) {
        if (newlyRejected > 0) {
            listener.rejected(address, newlyRejected);
        }
        listener.received(address, received);
    }

    /**
     * What tells a redelivery of a rejected message from a new one: the broker's id with a hash of the body. The
     * broker's counter starts again with a new journal, while the cache keeps its rejections.
     */
    static String rejectionKey(Received m) {
        if (m.messageId() == null) {
            return null;
        }
        return m.messageId() + ":" + Integer.toHexString(m.body() == null ? 0 : m.body().hashCode());
    }

    @Override
    public void cycleTimed(BatchCycle cycle) {
        listener.batchStored(address, cycle);
    }

    @Override
    public void storeFailed(String reason) {
        listener.storeFailed(address, reason);
    }

    @Override
    public void storeRecovered() {
        listener.storeRecovered(address);
    }
}
