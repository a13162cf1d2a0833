package org.haechi.messaging.fault;

import java.nio.file.Path;
import java.util.Map;
import org.haechi.core.bus.IngestListener;
import org.haechi.messaging.bus.BusAddresses;
import org.haechi.messaging.bus.BusConfig;
import org.haechi.messaging.bus.BusService;
import org.haechi.messaging.bus.IngestHandlers;
import org.haechi.messaging.bus.IngestSinks;
import org.haechi.messaging.cache.CacheStores;

/**
 * The console's ingest in its own JVM, for fault tests that kill it: {@code IngestMain CACHE_DIR URL EXPECTED}.
 * Prints CONNECTED, then STORED n (alarms in the cache) every 100 ms, then DONE and exits once n reaches EXPECTED.
 */
public final class IngestMain {
    private IngestMain() {
    }

    public static void main(String[] args) throws Exception {
        long expected = Long.parseLong(args[2]);
        CacheStores cache = CacheStores.open(Path.of(args[0]));
        IngestSinks sinks = new IngestSinks(a -> { }, a -> { }, p -> { }, w -> { }, IngestListener.NONE);
        BusService bus = new BusService(new BusConfig(args[1], null, null, "ws-fault"),
                Map.of(BusAddresses.ALARMS, IngestHandlers.create(cache, sinks).get(BusAddresses.ALARMS)),
                cache.db(), cache.actions(), s -> {
                    if (s.connected()) {
                        System.out.println("CONNECTED");
                        System.out.flush();
                    }
                });
        bus.start();
        long stored = 0;
        while (stored < expected) {
            Thread.sleep(100);
            stored = cache.alarms().countAll();
            System.out.println("STORED " + stored);
            System.out.flush();
        }
        bus.close();
        cache.close();
        System.out.println("DONE");
        System.out.flush();
        System.exit(0);
    }
}
