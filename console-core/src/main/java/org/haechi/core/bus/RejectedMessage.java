package org.haechi.core.bus;

import java.time.Instant;

/**
 * A message that broke the wire contract, kept for inspection.
 *
 * @param address    bus address it came from
 * @param reason     why it was rejected
 * @param body       raw body, truncated past a limit
 * @param receivedAt when it arrived
 */
public record RejectedMessage(String address, String reason, String body, Instant receivedAt) {
}
