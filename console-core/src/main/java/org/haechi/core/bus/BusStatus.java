package org.haechi.core.bus;

import java.time.Instant;

/**
 * Connection state of the bus as shown to the operator.
 *
 * @param connected    true while connected to a broker
 * @param offlineSince when the connection was lost (or the first failed attempt), null while connected
 * @param detail       short text: broker URL or the last error
 * @param sendsHeldBack connected, but the broker has been holding back this console's sends (its disk or an address
 *                      is full): the operator's actions stay pending until it takes them
 */
public record BusStatus(boolean connected, Instant offlineSince, String detail, boolean sendsHeldBack) {

    public BusStatus(boolean connected, Instant offlineSince, String detail) {
        this(connected, offlineSince, detail, false);
    }
}
