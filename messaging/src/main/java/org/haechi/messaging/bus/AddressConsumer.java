package org.haechi.messaging.bus;

import jakarta.jms.BytesMessage;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.haechi.messaging.cache.CacheDatabase;

/**
 * Drains one address in batches: receive up to a batch, store it in one H2 transaction, commit H2, then commit
 * (acknowledge) JMS, then notify. A crash between the two commits redelivers a batch the store already holds,
 * which the idempotent store ignores. Runs on its own thread, from {@link #run()} until {@link #stop()}.
 */
final class AddressConsumer implements Runnable {
    private static final Logger LOG = Logger.getLogger(AddressConsumer.class.getName());
    static final int MAX_BATCH = 500;

    private final String address;
    private final Session session;
    private final MessageConsumer consumer;
    private final BatchHandler handler;
    private final CacheDatabase db;
    private volatile boolean running = true;

    AddressConsumer(String address, Session session, MessageConsumer consumer, BatchHandler handler,
                    CacheDatabase db) {
        this.address = address;
        this.session = session;
        this.consumer = consumer;
        this.handler = handler;
        this.db = db;
    }

    @Override
    public void run() {
        try (Connection c = db.connect()) {
            c.setAutoCommit(false);
            while (running) {
                List<String> bodies = receiveBatch();
                if (!bodies.isEmpty()) {
                    storeAndAcknowledge(c, bodies);
                }
            }
        } catch (SQLException e) {
            LOG.log(Level.SEVERE, "cache unavailable, consumer of " + address + " stops", e);
        } catch (JMSException e) {
            if (running) {
                LOG.log(Level.WARNING, "consumer of " + address + " lost its session: " + e.getMessage());
            }
        }
    }

    private List<String> receiveBatch() throws JMSException {
        List<String> bodies = new ArrayList<>();
        Message m = consumer.receive(250);
        while (m != null) {
            bodies.add(bodyOf(m));
            if (bodies.size() >= MAX_BATCH) {
                break;
            }
            m = consumer.receiveNoWait();
        }
        return bodies;
    }

    private void storeAndAcknowledge(Connection c, List<String> bodies) throws JMSException, SQLException {
        Runnable afterCommit;
        try {
            afterCommit = handler.store(c, bodies, Instant.now());
            c.commit();
        } catch (SQLException e) {
            c.rollback();
            rollbackJms();
            LOG.log(Level.SEVERE, "could not store a batch from " + address + "; it will be redelivered", e);
            pause();
            return;
        }
        try {
            if (session.getTransacted()) {
                session.commit();
            }
        } catch (JMSException e) {
            // Failover during commit: the broker redelivers the batch, the store already holds it.
            LOG.log(Level.INFO, "JMS commit on " + address + " failed after the cache commit: " + e.getMessage());
        }
        afterCommit.run();
    }

    private void rollbackJms() throws JMSException {
        if (session.getTransacted()) {
            session.rollback();
        }
    }

    private static String bodyOf(Message m) throws JMSException {
        if (m instanceof TextMessage t) {
            return t.getText();
        }
        if (m instanceof BytesMessage b) {
            byte[] bytes = new byte[(int) Math.min(b.getBodyLength(), 16 * 1024 * 1024)];
            b.readBytes(bytes);
            return new String(bytes, StandardCharsets.UTF_8);
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
