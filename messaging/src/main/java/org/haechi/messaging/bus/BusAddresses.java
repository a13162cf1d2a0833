package org.haechi.messaging.bus;

import java.util.List;

/** The addresses of wire contract v1 (WIRE.md). */
public final class BusAddresses {
    public static final String ALARMS = "haechi.alarms";
    public static final String WARNINGS = "haechi.warnings";
    public static final String ASSETS = "haechi.assets";
    public static final String POSITIONS = "haechi.positions";
    public static final String ACTIONS = "haechi.actions";
    /**
     * Where the broker puts a message after its last delivery attempt (the embedded broker: 5). A production broker
     * should be given the same {@code dead-letter-address}; the consoles count what it holds (browsing, not taking).
     */
    public static final String DEAD_LETTER = "haechi.dead-letter";

    /** Every address, in the order consumers are started. */
    public static final List<String> ALL = List.of(ACTIONS, ASSETS, WARNINGS, ALARMS, POSITIONS);

    /** True for the addresses consoles hold durable subscriptions on (all but positions). */
    public static boolean isDurable(String address) {
        return !POSITIONS.equals(address);
    }

    private BusAddresses() {
    }
}
