package org.haechi.sim.traffic;

import jakarta.jms.Connection;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.util.HashMap;
import java.util.Map;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;

/**
 * Publishes wire-format bodies to the bus as a field system would: plain JMS text messages, persistent where the
 * contract says so, with Artemis duplicate detection keyed by the message id. One thread only (JMS sessions are
 * single-threaded): the simulator's.
 */
public final class SimPublisher implements AutoCloseable {
    private final Connection connection;
    private final Session session;
    private final Map<String, MessageProducer> producers = new HashMap<>();

    public SimPublisher(String brokerUrl, String user, String password) throws JMSException {
        String sep = brokerUrl.contains("?") ? "&" : "?";
        // Asynchronous durable sends: the broker still persists them; the registry of 126,000 assets goes in
        // seconds rather than minutes.
        ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory(brokerUrl + sep
                + "reconnectAttempts=-1&blockOnDurableSend=false&confirmationWindowSize=1048576");
        connection = factory.createConnection(user, password);
        session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
    }

    public void send(String address, String body, boolean persistent, String duplicateId) throws JMSException {
        MessageProducer producer = producers.get(address);
        if (producer == null) {
            producer = session.createProducer(session.createTopic(address));
            producers.put(address, producer);
        }
        TextMessage m = session.createTextMessage(body);
        if (duplicateId != null) {
            m.setStringProperty("_AMQ_DUPL_ID", duplicateId);
        }
        producer.send(m, persistent ? DeliveryMode.PERSISTENT : DeliveryMode.NON_PERSISTENT, 4, 0);
    }

    @Override
    public void close() throws JMSException {
        connection.close();
    }
}
