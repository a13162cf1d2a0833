package org.haechi.core.bus;

/** Port: told of every change of bus connection state. Any thread; must not block. */
@FunctionalInterface
public interface BusStatusListener {
    void statusChanged(BusStatus status);

    /** The broker's dead-letter address holds a different number of messages than last told. */
    default void deadLettersCounted(DeadLetters deadLetters) {
    }

    /**
     * The broker refused the login of {@code user} (or its rights to the console's subscriptions). The bus tries the
     * same credentials again only after minutes, or at once with new ones given to it: retrying at its usual pace
     * would lock a directory account within a minute.
     */
    default void loginRefused(String user) {
    }
}
