package org.haechi.app.bench;

import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.haechi.core.bus.BatchCycle;
import org.haechi.messaging.bus.BusAddresses;

/**
 * The baseline: a plain JMS consumer on its own durable subscription that does nothing with the messages but
 * commit them in batches of 500 (the same batching as Haechi's ingest). Runs on its own thread.
 */
final class RawConsumer implements AutoCloseable {
    final AtomicLong received = new AtomicLong();
    /** Full batches' receive and commit times (no store: this consumer does nothing with what it receives). */
    final BatchCycles cycles = new BatchCycles();
    private final Connection connection;
    private final Session session;
    private final MessageConsumer consumer;
    private final Thread thread;
    private volatile boolean running = true;

    RawConsumer(String url, LongConsumer latencyNanos) throws JMSException {
        connection = new ActiveMQConnectionFactory(url).createConnection();
        connection.setClientID("bench-raw");
        session = connection.createSession(true, Session.SESSION_TRANSACTED);
        consumer = session.createDurableConsumer(session.createTopic(BusAddresses.ALARMS), "bench-raw");
        connection.start();
        thread = new Thread(() -> loop(latencyNanos), "bench-raw-consumer");
    }

    void start() {
        thread.start();
    }

    private void loop(LongConsumer latencyNanos) {
        try {
            int inBatch = 0;
            long asked = System.nanoTime();
            while (running) {
                Message m = inBatch == 0 ? consumer.receive(200) : consumer.receiveNoWait();
                if (m != null) {
                    if (latencyNanos != null) {
                        String text = ((TextMessage) m).getText();
                        int at = text.indexOf("\"t\":\"") + 5;
                        latencyNanos.accept(System.nanoTime() - Long.parseLong(text.substring(at,
                                text.indexOf('"', at))));
                    }
                    inBatch++;
                }
                if (inBatch > 0 && (m == null || inBatch >= 500)) {
                    long commitStart = System.nanoTime();
                    session.commit();
                    long committed = System.nanoTime();
                    cycles.add(new BatchCycle(inBatch, commitStart - asked, 0, 0, committed - commitStart));
                    received.addAndGet(inBatch);
                    inBatch = 0;
                    asked = committed;
                } else if (inBatch == 0) {
                    asked = System.nanoTime();
                }
            }
        } catch (JMSException e) {
            if (running) {
                e.printStackTrace();
            }
        }
    }

    @Override
    public void close() throws Exception {
        running = false;
        thread.join(5000);
        connection.close();
    }
}
