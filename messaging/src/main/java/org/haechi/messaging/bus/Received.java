package org.haechi.messaging.bus;

/**
 * One message as taken off the bus: its text, or why its body could not be read (then {@code body} is null).
 *
 * @param body             the UTF-8 text, or null
 * @param unreadableReason why the body could not be read, or null when it was
 * @param messageId        the JMS message id, the same at every delivery of the message; null when unknown
 */
public record Received(String body, String unreadableReason, String messageId) {

    public static Received text(String body) {
        return text(body, null);
    }

    public static Received text(String body, String messageId) {
        return new Received(body, null, messageId);
    }

    public static Received unreadable(String reason) {
        return unreadable(reason, null);
    }

    public static Received unreadable(String reason, String messageId) {
        return new Received(null, reason, messageId);
    }
}
