package org.haechi.messaging.bus;

import jakarta.jms.BytesMessage;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.activemq.artemis.jms.client.ActiveMQMessage;
import org.haechi.core.bus.BatchCycle;
import org.haechi.messaging.cache.CacheDatabase;

/**
 * Drains one address in batches: receive up to a batch, store it in one H2 transaction and commit H2 (a failing
 * cache keeps the batch and tries again: {@link BatchStore}), notify, then commit (acknowledge) JMS. A crash before
 * the JMS commit redelivers a batch the store already holds, which the idempotent store ignores. Runs on its own
 * thread, from {@link #run()} until {@link #stop()}.
 */
final class AddressConsumer implements Runnable {
    private static final Logger LOG = Logger.getLogger(AddressConsumer.class.getName());
    static final int MAX_BATCH = 500;
    /**
     * How long a batch keeps filling once its first message came. Short: under a backlog batches fill at once from
     * the client's buffer anyway, and at a steady 1,000 alarms/s a 10 ms window added about 6 ms to the median
     * publish-to-stored time without a measurable gain in drain rate (docs/benchmarks.md).
     */
    static final long FILL_MS = 2;

    private final String address;
    private final Session session;
    private final MessageConsumer consumer;
    private final BatchHandler handler;
    private final CacheDatabase db;
    private final Runnable onUnexpectedEnd;
    private volatile boolean running = true;

    /** {@code onUnexpectedEnd} runs if the loop ends while not stopped (the bus then reconnects). */
    AddressConsumer(String address, Session session, MessageConsumer consumer, BatchHandler handler,
                    CacheDatabase db, Runnable onUnexpectedEnd) {
        this.onUnexpectedEnd = onUnexpectedEnd;
        this.address = address;
        this.session = session;
        this.consumer = consumer;
        this.handler = handler;
        this.db = db;
    }

    @Override
    public void run() {
        try (BatchStore store = new BatchStore(address, handler, db, () -> running, isTransacted())) {
            while (running) {
                long asked = System.nanoTime();
                List<Received> batch = receiveBatch();
                if (!batch.isEmpty()) {
                    storeAndAcknowledge(store, batch, System.nanoTime() - asked);
                }
            }
        } catch (JMSException | RuntimeException e) {
            if (running) {
                LOG.log(Level.WARNING, "consumer of " + address + " lost its session: " + e);
            }
        } finally {
            if (running) {
                onUnexpectedEnd.run();
            }
        }
    }

    /**
     * Up to {@value #MAX_BATCH} messages: waits for the first, then keeps taking for at most {@value #FILL_MS} ms
     * while they come, so a stream under load is committed in few large transactions.
     */
    private List<Received> receiveBatch() throws JMSException {
        List<Received> batch = new ArrayList<>();
        Message m = receive(batch, 250);
        long until = System.nanoTime() + FILL_MS * 1_000_000L;
        while (m != null) {
            batch.add(read(m));
            if (batch.size() >= MAX_BATCH) {
                break;
            }
            m = receive(batch, 0);
            if (m == null && System.nanoTime() < until) {
                m = receive(batch, 2);
            }
        }
        return batch;
    }

    /**
     * Receives one message. The JMS client decodes a text body inside receive(); a body it cannot decode throws
     * there, and the message is then kept as a rejection (its raw bytes are out of reach) instead of killing this
     * consumer.
     */
    private Message receive(List<Received> batch, long timeoutMs) throws JMSException {
        while (true) {
            try {
                return timeoutMs > 0 ? consumer.receive(timeoutMs) : consumer.receiveNoWait();
            } catch (RuntimeException e) {
                batch.add(Received.unreadable("body could not be read by the JMS client: " + e));
                if (batch.size() >= MAX_BATCH) {
                    return null;
                }
            }
        }
    }

    /** The message's text; a body that cannot be read is kept as a rejection, never stops the consumer. */
    static Received read(Message m) {
        String id = messageId(m);
        try {
            String body = bodyOf(m);
            return body == null ? Received.unreadable("not a text or bytes message: "
                    + m.getClass().getSimpleName(), id) : Received.text(body, id);
        } catch (JMSException e) {
            return Received.unreadable("body could not be read: " + e.getMessage(), id);
        } catch (RuntimeException e) {
            return Received.unreadable("body could not be read: " + e, id);
        }
    }

    /**
     * The broker's own id of the message, the same at every delivery; a producer's JMS message id (an AMQP producer's
     * may repeat) only for a message that is not Artemis's.
     */
    private static String messageId(Message m) {
        try {
            return m instanceof ActiveMQMessage artemis ? "artemis:" + artemis.getCoreMessage().getMessageID()
                    : m.getJMSMessageID();
        } catch (JMSException | RuntimeException e) {
            return null;
        }
    }

    private void storeAndAcknowledge(BatchStore store, List<Received> batch, long receiveNanos)
            throws JMSException {
        Runnable afterCommit = store.store(batch);
        if (afterCommit == null) {
            rollbackJms();
            pause();
            return;
        }
        // What the cache holds is shown at once; the JMS commit that follows only tells the broker it may forget
        // the batch, and the screen need not wait for that round trip. Were the commit lost, the batch comes again,
        // as it always could: the alarm and action stores, which already hold it, report nothing new; assets,
        // positions and warnings are handed on again with the same values.
        try {
            afterCommit.run();
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "a listener of " + address + " failed; the batch is stored", e);
        }
        long busCommitStart = System.nanoTime();
        try {
            if (session.getTransacted()) {
                session.commit();
            }
        } catch (JMSException e) {
            // Failover during commit: the broker redelivers the batch, the store already holds it.
            LOG.log(Level.INFO, "JMS commit on " + address + " failed after the cache commit: " + e.getMessage());
            return;
        }
        reportCycle(new BatchCycle(batch.size(), receiveNanos, store.storeNanos(), store.cacheCommitNanos(),
                System.nanoTime() - busCommitStart));
    }

    private void reportCycle(BatchCycle cycle) {
        try {
            handler.cycleTimed(cycle);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "a timing listener of " + address + " failed", e);
        }
    }

    private boolean isTransacted() {
        try {
            return session.getTransacted();
        } catch (JMSException e) {
            return false;
        }
    }

    private void rollbackJms() throws JMSException {
        if (session.getTransacted()) {
            session.rollback();
        }
    }

    /** Bytes bodies are read up to this size; a longer one is rejected, not cut. */
    static final int MAX_BYTES = 16 * 1024 * 1024;

    /**
     * The body's text, or null for a body that is neither text nor bytes. A bytes body must be UTF-8 (WIRE.md): one
     * in another encoding (a Korean system's CP949) is rejected, not stored with its Hangul replaced by '?'.
     */
    private static String bodyOf(Message m) throws JMSException {
        if (m instanceof TextMessage t) {
            return t.getText();
        }
        if (m instanceof BytesMessage b) {
            long length = b.getBodyLength();
            if (length > MAX_BYTES) {
                throw new JMSException("a bytes body of " + length + " bytes, past the limit of " + MAX_BYTES);
            }
            byte[] bytes = new byte[(int) length];
            b.readBytes(bytes);
            try {
                return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
            } catch (CharacterCodingException e) {
                throw new JMSException("a bytes body that is not UTF-8 (" + e + ")");
            }
        }
        return null;
    }

    private static void pause() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    void stop() {
        running = false;
    }
}
