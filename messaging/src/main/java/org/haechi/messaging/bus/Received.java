package org.haechi.messaging.bus;

/**
 * One message as taken off the bus: its text, or why its body could not be read (then {@code body} is null).
 *
 * @param body             the UTF-8 text, or null
 * @param unreadableReason why the body could not be read, or null when it was
 */
public record Received(String body, String unreadableReason) {

    public static Received text(String body) {
        return new Received(body, null);
    }

    public static Received unreadable(String reason) {
        return new Received(null, reason);
    }
}
