package org.haechi.messaging.fault;

import java.nio.file.Path;
import org.haechi.messaging.broker.EmbeddedBroker;

/** A broker in its own JVM, for fault tests that kill it: {@code BrokerMain DIR PORT}; prints READY when up. */
public final class BrokerMain {
    private BrokerMain() {
    }

    public static void main(String[] args) throws Exception {
        EmbeddedBroker broker = new EmbeddedBroker(Path.of(args[0]), Integer.parseInt(args[1]));
        broker.start();
        System.out.println("READY");
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
