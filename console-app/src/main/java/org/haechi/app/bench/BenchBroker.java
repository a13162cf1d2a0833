package org.haechi.app.bench;

import jakarta.jms.Connection;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.haechi.messaging.broker.EmbeddedBroker;
import org.haechi.messaging.bus.BusAddresses;

/** An embedded broker on a free loopback port for a benchmark, with helpers to publish alarms. */
final class BenchBroker implements AutoCloseable {
    final EmbeddedBroker broker;
    final String url;

    BenchBroker(Path dir) throws Exception {
        broker = new EmbeddedBroker(dir, freePort());
        broker.start();
        url = broker.clientUrl();
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    /** A 500-byte alarm whose attribute {@code t} carries the send time in nanoseconds (this JVM's clock). */
    static String alarm(String id, long sentNanos) {
        String base = "{\"schema\":\"haechi.alarm/1\",\"id\":\"" + id + "\",\"type\":\"CCTV_ANALYTICS\","
                + "\"severity\":\"MEDIUM\",\"occurredAt\":\"2026-11-28T05:12:00Z\",\"location\":{\"lat\":37.4979,"
                + "\"lon\":127.0276},\"sourceId\":\"cam-gn-00017\",\"title\":\"Video analytics: loitering\","
                + "\"attributes\":{\"district\":\"Gangnam-gu\",\"t\":\"" + sentNanos + "\",\"pad\":\"";
        StringBuilder sb = new StringBuilder(base);
        while (sb.length() < 500 - 3) {
            sb.append('x');
        }
        return sb.append("\"}}").toString();
    }

    void publishBacklog(String prefix, int count) throws JMSException {
        try (Publisher p = new Publisher(url)) {
            p.publishBacklog(prefix, count);
        }
    }

    /** Publishes persistent alarms in transacted batches of 500, as fast as a broker takes them. One thread. */
    static final class Publisher implements AutoCloseable {
        private final Connection connection;
        private final Session session;
        private final MessageProducer producer;

        Publisher(String url) throws JMSException {
            connection = new ActiveMQConnectionFactory(url).createConnection();
            session = connection.createSession(true, Session.SESSION_TRANSACTED);
            producer = session.createProducer(session.createTopic(BusAddresses.ALARMS));
            producer.setDeliveryMode(DeliveryMode.PERSISTENT);
        }

        void publishBacklog(String prefix, int count) throws JMSException {
            for (int i = 0; i < count; i++) {
                producer.send(session.createTextMessage(alarm(prefix + i, System.nanoTime())));
                if (i % 500 == 499) {
                    session.commit();
                }
            }
            session.commit();
        }

        @Override
        public void close() throws JMSException {
            connection.close();
        }
    }

    @Override
    public void close() throws Exception {
        broker.close();
    }
}
