package org.haechi.app.bench;

import jakarta.jms.Connection;
import jakarta.jms.DeliveryMode;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.haechi.core.bus.IngestListener;
import org.haechi.messaging.bus.BatchHandler;
import org.haechi.messaging.bus.BusAddresses;
import org.haechi.messaging.bus.BusConfig;
import org.haechi.messaging.bus.BusService;
import org.haechi.messaging.bus.IngestHandlers;
import org.haechi.messaging.bus.IngestSinks;
import org.haechi.messaging.bus.Received;
import org.haechi.messaging.cache.CacheStores;

/**
 * What a message the cache refuses costs the ingest: a backlog of {@value #BACKLOG} alarms drained clean, against
 * the same backlog with one refused alarm in every {@value #EVERY} (about one per batch; the first argument sets
 * another frequency), which the consumer isolates
 * by storing halves of its batch apart. The refusal is made by wrapping the real alarm handler: after it has decoded
 * and written a batch, a batch holding a marked alarm fails with H2's "value too long" state, as H2 fails a statement
 * holding a value past its column; everything else is the console's real path (embedded broker, durable
 * subscription, H2 cache, rejected store). Two warm-up pairs, then {@value #ROUNDS} measured pairs, the order of each
 * pair alternating; each drain timed from its connection on.
 *
 * <pre>./haechi bench refused [EVERY]
 * # ends with: RESULT refused every=.. clean_per_s=.. refused_per_s=.. ratio=..</pre>
 */
public final class RefusedBench {
    static final int BACKLOG = 20_000;
    /** One alarm in this many is refused; the first argument sets it. */
    static final int EVERY = 500;
    /** Even, so that each order of a pair is measured as often. */
    static final int ROUNDS = 4;
    private static final int WARMUP_ROUNDS = 2;
    /** Ends the id of an alarm the wrapped handler refuses. */
    private static final String REFUSED_SUFFIX = "-refuse";

    private RefusedBench() {
    }

    public static void main(String[] args) throws Exception {
        int every = args.length > 0 ? Integer.parseInt(args[0]) : EVERY;
        Path dir = Files.createTempDirectory("haechi-bench-refused");
        if (!Boolean.getBoolean(IngestBench.KEEP_DATA)) {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> IngestBench.deleteTree(dir), "bench-cleanup"));
        }
        System.out.println("machine: " + Runtime.getRuntime().availableProcessors() + " cores; data in " + dir);
        double[] clean = new double[ROUNDS];
        double[] refused = new double[ROUNDS];
        double[] ratios = new double[ROUNDS];
        try (BenchBroker broker = new BenchBroker(dir.resolve("broker"));
             CacheStores cache = CacheStores.open(dir.resolve("cache"))) {
            try (BusService first = start(broker.url, cache, new AtomicLong())) {
                IngestBench.await(first::isConnected, 60); // the durable subscription the backlogs wait in
                Thread.sleep(500);
            }
            for (int round = -WARMUP_ROUNDS; round < ROUNDS; round++) {
                // Alternated, so that neither drain always meets the larger cache or the warmer JIT.
                boolean cleanFirst = round % 2 == 0;
                double refusedRate = cleanFirst ? 0 : drain(broker.url, cache, "p" + round + "-", every);
                double cleanRate = drain(broker.url, cache, "c" + round + "-", 0);
                if (cleanFirst) {
                    refusedRate = drain(broker.url, cache, "p" + round + "-", every);
                }
                System.out.printf("%s: clean %.0f alarms/s, one refused in %d %.0f alarms/s, ratio %.2f%n",
                        round < 0 ? "warm-up round " + (round + WARMUP_ROUNDS + 1) : "round " + (round + 1),
                        cleanRate, every, refusedRate, refusedRate / cleanRate);
                if (round >= 0) {
                    clean[round] = cleanRate;
                    refused[round] = refusedRate;
                    ratios[round] = refusedRate / cleanRate;
                }
            }
            System.out.println("rejected messages stored: " + cache.rejected().count());
        }
        System.out.printf("RESULT refused every=%d clean_per_s=%.0f refused_per_s=%.0f ratio=%.2f%n", every,
                median(clean), median(refused), median(ratios));
        System.exit(0);
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return (sorted[(sorted.length - 1) / 2] + sorted[sorted.length / 2]) / 2;
    }

    /**
     * Publishes a backlog, one alarm in {@code every} refused (none when 0), and times the console's drain of it:
     * stored alarms plus kept rejections.
     */
    private static double drain(String url, CacheStores cache, String prefix, int every) throws Exception {
        publish(url, prefix, every);
        AtomicLong done = new AtomicLong();
        double rate;
        try (BusService bus = start(url, cache, done)) {
            // Timed from the connection on: its set-up is the same fixed cost in both drains and would pull the
            // ratio towards 1.
            IngestBench.await(bus::isConnected, 60, 1);
            long t0 = System.nanoTime();
            IngestBench.await(() -> done.get() >= BACKLOG, 600);
            rate = BACKLOG / ((System.nanoTime() - t0) / 1e9);
            Thread.sleep(500); // the last batch's JMS commit, so that nothing comes again in the next drain
        }
        return rate;
    }

    private static void publish(String url, String prefix, int every) throws Exception {
        try (Connection c = new ActiveMQConnectionFactory(url).createConnection();
             Session s = c.createSession(true, Session.SESSION_TRANSACTED)) {
            MessageProducer p = s.createProducer(s.createTopic(BusAddresses.ALARMS));
            p.setDeliveryMode(DeliveryMode.PERSISTENT);
            for (int i = 0; i < BACKLOG; i++) {
                String id = prefix + i + (every > 0 && i % every == every / 2 ? REFUSED_SUFFIX : "");
                p.send(s.createTextMessage(BenchBroker.alarm(id, System.nanoTime())));
                if (i % 500 == 499) {
                    s.commit();
                }
            }
            s.commit();
        }
    }

    private static boolean marked(Received m) {
        return m.body() != null && m.body().contains(REFUSED_SUFFIX + "\"");
    }

    /** The console's alarm ingest, with the real handler wrapped to refuse marked alarms; counts what is done. */
    private static BusService start(String url, CacheStores cache, AtomicLong done) {
        IngestListener counts = new IngestListener() {
            @Override
            public void received(String address, int n) {
            }

            @Override
            public void rejected(String address, int n) {
                done.addAndGet(n);
            }
        };
        IngestSinks sinks = new IngestSinks(batch -> done.addAndGet(batch.size()), a -> { }, p -> { }, w -> { },
                counts);
        BatchHandler real = IngestHandlers.create(cache, sinks).get(BusAddresses.ALARMS);
        BatchHandler refusing = new BatchHandler() {
            @Override
            public Runnable store(java.sql.Connection c, List<Received> messages, Instant receivedAt)
                    throws SQLException {
                // As H2 does: the batch is decoded and written, then the statement holding the value fails.
                Runnable stored = real.store(c, messages, receivedAt);
                if (messages.stream().anyMatch(RefusedBench::marked)) {
                    throw new SQLException("Value too long for column (bench)", "22001", 22001);
                }
                return stored;
            }

            @Override
            public Runnable keepRefused(java.sql.Connection c, Received message, String reason, Instant receivedAt)
                    throws SQLException {
                return real.keepRefused(c, message, reason, receivedAt);
            }
        };
        BusService bus = new BusService(new BusConfig(url, null, null, "bench-refused"),
                Map.of(BusAddresses.ALARMS, refusing), cache.db(), cache.actions(), s -> { });
        bus.start();
        return bus;
    }
}
