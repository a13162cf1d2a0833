package org.haechi.messaging.bus;

import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageProducer;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Notices when the broker holds back the outbox's sends. Artemis gives a producer no credits while its disk is fuller
 * than its limit (90% by default) or while an address with the BLOCK policy is full, and the client then waits
 * without a time limit: the operator's actions stay pending with no reason given. A send that has not returned after
 * {@link #after} is reported once, and its end once more. Sends on the outbox thread; {@link #check()} on the bus's
 * watch thread.
 */
final class HeldBackSends {
    static final String HELD_BACK = "the broker is holding back this console's messages (its disk or an address is "
            + "full); actions stay pending here and go out once it takes them";
    private final Runnable onHeldBack;
    private final Runnable onReleased;
    private final AtomicBoolean reported = new AtomicBoolean();
    private volatile Duration after = Duration.ofSeconds(10);
    /** System.nanoTime() when the send under way began, or 0 when none is. */
    private volatile long sendingSince;

    HeldBackSends(Runnable onHeldBack, Runnable onReleased) {
        this.onHeldBack = onHeldBack;
        this.onReleased = onReleased;
    }

    void send(MessageProducer producer, Message message) throws JMSException {
        sendingSince = System.nanoTime() | 1;
        try {
            producer.send(message);
        } finally {
            sendingSince = 0;
            if (reported.compareAndSet(true, false)) {
                onReleased.run();
            }
        }
    }

    /** Reports a send that has waited longer than {@link #after}, once per send. */
    void check() {
        long since = sendingSince;
        if (since == 0 || System.nanoTime() - since < after.toNanos() || !reported.compareAndSet(false, true)) {
            return;
        }
        onHeldBack.run();
        // The send may have ended between the read above and the report: then nobody else clears the report.
        if (sendingSince != since && reported.compareAndSet(true, false)) {
            onReleased.run();
        }
    }

    /** Tests: report sooner than after 10 s. */
    void reportAfter(Duration wait) {
        after = wait;
    }
}
