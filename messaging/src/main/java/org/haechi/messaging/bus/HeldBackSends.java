package org.haechi.messaging.bus;

import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageProducer;
import java.time.Duration;
import java.util.logging.Logger;

/**
 * Notices when the broker holds back or refuses the outbox's sends. Artemis gives a producer no credits while its disk
 * is fuller than its limit (90% by default) or while an address with the BLOCK policy is full, and the client then
 * waits without a time limit: the operator's actions would stay pending with no reason given. A send that has not
 * returned after {@link #after} makes {@link #isHeldBack()} true until it returns. A broker may also refuse a send
 * outright while the connection stands (its security does not let this console's user send to the address): that
 * holds the outbox back too, from {@link #refused()} until a drain goes through ({@link #drained()}). Each change runs
 * {@code onChange}, never under this object's lock, and the listener reads the state it reports from
 * {@link #isHeldBack()} then. Sends, refusals and drains on the outbox thread; {@link #check()} on the bus's watch
 * thread.
 */
final class HeldBackSends {
    private static final Logger LOG = Logger.getLogger(HeldBackSends.class.getName());
    private final Runnable onChange;
    private volatile Duration after = Duration.ofSeconds(10);
    /** System.nanoTime() when the send under way began, or 0 when none is. Guarded by this. */
    private long sendingSince;
    /** Guarded by this. */
    private boolean heldBack;
    /** The last drain of the outbox failed while connected. Guarded by this. */
    private boolean refused;

    HeldBackSends(Runnable onChange) {
        this.onChange = onChange;
    }

    void send(MessageProducer producer, Message message) throws JMSException {
        synchronized (this) {
            sendingSince = System.nanoTime() | 1;
        }
        try {
            producer.send(message);
        } finally {
            boolean wasHeldBack;
            synchronized (this) {
                sendingSince = 0;
                wasHeldBack = heldBack;
                heldBack = false;
            }
            if (wasHeldBack) {
                LOG.info("the broker took the send it had held back");
                onChange.run();
            }
        }
    }

    /** Marks a send that has waited longer than {@link #after} as held back, once per send. */
    void check() {
        synchronized (this) {
            if (sendingSince == 0 || heldBack || System.nanoTime() - sendingSince < after.toNanos()) {
                return;
            }
            heldBack = true;
        }
        LOG.warning("the broker has held back a send for " + after.toSeconds() + " s or more (its disk or an address "
                + "is full); the outbox waits");
        onChange.run();
    }

    /** The broker refused a send of the outbox while connected; the outbox waits for the next drain. */
    void refused() {
        synchronized (this) {
            if (refused) {
                return;
            }
            refused = true;
        }
        onChange.run();
    }

    /** A drain of the outbox went through: whatever was refused before is sent. */
    void drained() {
        synchronized (this) {
            if (!refused) {
                return;
            }
            refused = false;
        }
        LOG.info("the broker took the outbox it had refused");
        onChange.run();
    }

    synchronized boolean isRefused() {
        return refused;
    }

    synchronized boolean isHeldBack() {
        return heldBack || refused;
    }

    /** Tests: sooner than after 10 s. */
    void reportAfter(Duration wait) {
        after = wait;
    }
}
