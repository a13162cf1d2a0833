package org.haechi.core.bus;

import java.time.Instant;

/**
 * Connection state of the bus as shown to the operator.
 *
 * @param connected    true while connected to a broker
 * @param offlineSince when the connection was lost (or the first failed attempt), null while connected
 * @param detail       short text: broker URL or the last error
 */
public record BusStatus(boolean connected, Instant offlineSince, String detail) {
}
