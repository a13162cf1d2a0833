package org.haechi.messaging.bus;

import jakarta.jms.Connection;
import jakarta.jms.InvalidDestinationException;
import jakarta.jms.JMSException;
import jakarta.jms.JMSSecurityException;
import jakarta.jms.Message;
import jakarta.jms.QueueBrowser;
import jakarta.jms.Session;
import java.time.Duration;
import java.util.Enumeration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.logging.Logger;
import org.haechi.core.bus.BusStatusListener;
import org.haechi.core.bus.DeadLetters;

/**
 * Counts what the broker's dead-letter address ({@value BusAddresses#DEAD_LETTER} unless told another) holds, every
 * 30 s ({@code -Dhaechi.bus.deadLetterCountSeconds}), by
 * browsing it: nothing is taken, so every console can count, and an administrator finds the messages where they
 * were. Tells the listener when the count changes. On a thread of its own: browsing thousands of messages must not
 * hold up the bus's watch of its connection. {@link #start()} once, {@link #close()} once.
 */
final class DeadLetterWatch implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(DeadLetterWatch.class.getName());
    /** Counting stops here; the operator is told "at least". */
    static final int MAX_COUNTED = 10_000;
    /** Set by Artemis on a dead-lettered message: the address it was first sent to. */
    private static final String ORIGINAL_ADDRESS = "_AMQ_ORIG_ADDRESS";
    private final Supplier<Connection> connected;
    private final BusStatusListener listener;
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "haechi-dead-letters");
        t.setDaemon(true);
        return t;
    });
    private volatile Duration every = Duration.ofSeconds(Long.getLong("haechi.bus.deadLetterCountSeconds", 30));
    private volatile String address = BusAddresses.DEAD_LETTER;
    /** The broker refused a count on this connection (no browse permission, no such queue): until a new one. */
    private volatile boolean uncountable;
    /** The last count told. Counting thread only. */
    private DeadLetters told;

    /** {@code connected}: the started connection while connected, else null. */
    DeadLetterWatch(Supplier<Connection> connected, BusStatusListener listener) {
        this.connected = connected;
        this.listener = listener;
    }

    void start() {
        long ms = every.toMillis();
        thread.scheduleWithFixedDelay(this::countNow, Math.min(ms, 1000), ms, TimeUnit.MILLISECONDS);
    }

    /** Tests: more often than every 30 s; before {@link #start()}. */
    void countEvery(Duration interval) {
        every = interval;
    }

    /** The broker's dead-letter address, where it is not {@value BusAddresses#DEAD_LETTER}; before {@link #start()}. */
    void countIn(String deadLetterAddress) {
        address = deadLetterAddress;
    }

    /** A new connection: try again what the last one refused. */
    void newConnection() {
        uncountable = false;
    }

    private void countNow() {
        Connection c = connected.get();
        if (c == null || uncountable) {
            return;
        }
        try {
            DeadLetters counted = count(c, address);
            if (!counted.equals(told)) {
                if (counted.count() > 0) {
                    LOG.warning("the broker's dead-letter address " + address + " holds " + counted.count()
                            + (counted.more() ? " or more" : "") + " messages: " + counted.byAddress());
                }
                told = counted;
                listener.deadLettersCounted(counted);
            }
        } catch (JMSSecurityException | InvalidDestinationException e) {
            uncountable = true;
            LOG.info("the dead-letter address " + address + " cannot be counted on this connection "
                    + "(the count shown is the last one made): " + e.getMessage());
        } catch (JMSException | RuntimeException e) {
            LOG.fine(() -> "dead-letter address not counted this time: " + e);
        }
    }

    /** Browses the dead-letter address (a queue of that name) on a new session of the started connection {@code c}. */
    static DeadLetters count(Connection c, String deadLetterAddress) throws JMSException {
        try (Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
             QueueBrowser browser = s.createBrowser(s.createQueue(deadLetterAddress))) {
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

    @Override
    public void close() {
        thread.shutdownNow();
    }
}
