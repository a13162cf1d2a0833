package org.haechi.messaging.fault;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.haechi.core.bus.IngestListener;
import org.haechi.messaging.bus.BatchHandler;
import org.haechi.messaging.bus.BusAddresses;
import org.haechi.messaging.bus.BusConfig;
import org.haechi.messaging.bus.BusService;
import org.haechi.messaging.bus.IngestHandlers;
import org.haechi.messaging.bus.IngestSinks;
import org.haechi.messaging.cache.CacheStores;

/**
 * The console's ingest in its own JVM, for fault tests that kill it: {@code IngestMain CACHE_DIR URL EXPECTED STALL}.
 * Prints CONNECTED; every 100 ms STORED (alarms in the cache), RECEIVED (messages taken from the bus, redeliveries
 * included), HANDED (alarms handed on as new) and DISTINCT (distinct ids among them); DONE once the cache holds
 * EXPECTED. With STALL {@code before-cache-commit} or {@code before-bus-commit}, the first batch that ends past a
 * third of EXPECTED stops there, its rows written but not committed to the cache, or committed to the cache but not
 * yet to the broker, and the process prints IN-BATCH and waits to be killed.
 */
public final class IngestMain {
    private IngestMain() {
    }

    public static void main(String[] args) throws Exception {
        long expected = Long.parseLong(args[2]);
        String stall = args.length > 3 ? args[3] : "none";
        CacheStores cache = CacheStores.open(Path.of(args[0]));
        AtomicLong received = new AtomicLong();
        AtomicLong handed = new AtomicLong();
        Set<String> distinct = ConcurrentHashMap.newKeySet();
        IngestListener counting = new IngestListener() {
            @Override
            public void received(String address, int count) {
                received.addAndGet(count);
            }

            @Override
            public void rejected(String address, int count) {
            }
        };
        IngestSinks sinks = new IngestSinks(alarms -> {
            handed.addAndGet(alarms.size());
            alarms.forEach(a -> distinct.add(a.id()));
        }, a -> { }, p -> { }, w -> { }, counting);
        BatchHandler alarms = stalling(IngestHandlers.create(cache, sinks).get(BusAddresses.ALARMS), stall,
                expected / 3, cache);
        BusService bus = new BusService(new BusConfig(args[1], null, null, "ws-fault"),
                Map.of(BusAddresses.ALARMS, alarms), cache.db(), cache.actions(), s -> {
                    if (s.connected()) {
                        say("CONNECTED");
                    }
                });
        bus.start();
        long stored = 0;
        while (stored < expected) {
            Thread.sleep(100);
            stored = cache.alarms().countAll();
            say("STORED " + stored + "\nRECEIVED " + received.get() + "\nHANDED " + handed.get() + "\nDISTINCT "
                    + distinct.size());
        }
        bus.close();
        cache.close();
        say("DONE");
        System.exit(0);
    }

    /** The handler, stopping for good inside the batch that takes the cache past {@code after} alarms. */
    private static BatchHandler stalling(BatchHandler handler, String stall, long after, CacheStores cache) {
        if (stall.equals("none")) {
            return handler;
        }
        AtomicBoolean stalled = new AtomicBoolean();
        return new BatchHandler() {
            @Override
            public Runnable store(java.sql.Connection c, java.util.List<org.haechi.messaging.bus.Received> messages,
                                  java.time.Instant receivedAt) throws java.sql.SQLException {
                Runnable afterCacheCommit = handler.store(c, messages, receivedAt);
                if (!stalled.get() && cache.alarms().countAll() + messages.size() > after) {
                    stalled.set(true);
                    if (stall.equals("before-cache-commit")) {
                        waitToBeKilled();
                    }
                    return () -> {
                        afterCacheCommit.run();
                        waitToBeKilled(); // the cache holds the batch; the broker has not been told
                    };
                }
                return afterCacheCommit;
            }
        };
    }

    private static void waitToBeKilled() {
        say("IN-BATCH");
        while (true) {
            try {
                Thread.sleep(60_000);
            } catch (InterruptedException e) {
                // only SIGKILL ends this
            }
        }
    }

    private static void say(String lines) {
        System.out.println(lines);
        System.out.flush();
    }
}
