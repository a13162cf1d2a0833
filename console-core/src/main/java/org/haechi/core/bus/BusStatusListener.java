package org.haechi.core.bus;

/** Port: told of every change of bus connection state. Any thread; must not block. */
@FunctionalInterface
public interface BusStatusListener {
    void statusChanged(BusStatus status);
}
