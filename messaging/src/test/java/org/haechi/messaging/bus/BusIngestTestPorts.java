package org.haechi.messaging.bus;

import java.io.IOException;

/** Free loopback ports for tests in other packages. */
public final class BusIngestTestPorts {
    private BusIngestTestPorts() {
    }

    public static int free() throws IOException {
        return BusIngestTest.freePort();
    }
}
