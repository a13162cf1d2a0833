package org.haechi.core.bus;

import java.time.Instant;

/**
 * A message that broke the wire contract, kept for inspection.
 *
 * @param address    bus address it came from
 * @param reason     why it was rejected
 * @param body       raw body, truncated past a limit
 * @param receivedAt when it arrived
 * @param messageId  the broker's message id, the same at every delivery (a redelivered message is kept once), or
 *                   null when unknown
 */
public record RejectedMessage(String address, String reason, String body, Instant receivedAt, String messageId) {

    public RejectedMessage(String address, String reason, String body, Instant receivedAt) {
        this(address, reason, body, receivedAt, null);
    }
}
