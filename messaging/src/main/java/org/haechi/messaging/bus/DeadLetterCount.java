package org.haechi.messaging.bus;

import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.QueueBrowser;
import jakarta.jms.Session;
import java.util.Enumeration;
import java.util.Map;
import java.util.TreeMap;
import org.haechi.core.bus.DeadLetters;

/** Counts what the broker's dead-letter address holds by browsing it: nothing is taken, so every console can count. */
final class DeadLetterCount {
    /** Counting stops here; the operator is told "at least". */
    static final int MAX_COUNTED = 10_000;
    /** Set by Artemis on a dead-lettered message: the address it was first sent to. */
    private static final String ORIGINAL_ADDRESS = "_AMQ_ORIG_ADDRESS";

    private DeadLetterCount() {
    }

    /** Browses the dead-letter address on a new session of the started connection {@code c}. */
    static DeadLetters count(Connection c) throws JMSException {
        try (Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
             QueueBrowser browser = s.createBrowser(s.createQueue(BusAddresses.DEAD_LETTER))) {
            Map<String, Integer> byAddress = new TreeMap<>();
            Enumeration<?> messages = browser.getEnumeration();
            int count = 0;
            while (messages.hasMoreElements()) {
                if (count == MAX_COUNTED) {
                    return new DeadLetters(count, true, byAddress);
                }
                String from = ((Message) messages.nextElement()).getStringProperty(ORIGINAL_ADDRESS);
                byAddress.merge(from == null ? "unknown address" : from, 1, Integer::sum);
                count++;
            }
            return new DeadLetters(count, false, byAddress);
        }
    }
}
