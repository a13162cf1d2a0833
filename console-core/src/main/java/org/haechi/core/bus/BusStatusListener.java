package org.haechi.core.bus;

/** Port: told of every change of bus connection state. Any thread; must not block. */
@FunctionalInterface
public interface BusStatusListener {
    void statusChanged(BusStatus status);

    /** The broker's dead-letter address holds a different number of messages than last told. */
    default void deadLettersCounted(DeadLetters deadLetters) {
    }
}
