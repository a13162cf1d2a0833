package org.haechi.app.bench;

import java.io.IOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileStore;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.haechi.core.alarm.Alarm;
import org.haechi.core.bus.BatchCycle;
import org.haechi.core.bus.IngestListener;
import org.haechi.messaging.bus.BusConfig;
import org.haechi.messaging.bus.BusService;
import org.haechi.messaging.bus.IngestHandlers;
import org.haechi.messaging.bus.IngestSinks;
import org.haechi.messaging.cache.CacheStores;

/**
 * {@code ./haechi bench ingest}: against one embedded broker and the same 500-byte persistent alarms on durable
 * subscriptions, (1) drain rate of a plain JMS consumer vs Haechi's ingest (decode, H2, hand-off to the alarm sink)
 * from the same backlog, after two warm-up rounds, (2) publish-to-alarm-board latency at 1,000 alarms/s for both at
 * once, (3) FX pulses during a 10,000-alarm burst with the real main window open, then during a second one.
 */
public final class IngestBench {
    static final int BACKLOG = 40_000;
    static final int ROUNDS = 3;
    static final int WARMUP_ROUNDS = 2;
    /**
     * A run leaves about 330 MB of broker journal, paging and cache behind; left in /tmp run after run they filled
     * the disk until the broker's disk limit (Artemis blocks producers above 90% use) stopped a run's publisher.
     */
    static final String KEEP_DATA = "haechi.bench.keepData";
    private static final long RUN_BYTES = 400L * 1024 * 1024;

    private IngestBench() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Files.createTempDirectory("haechi-bench-ingest");
        boolean keep = Boolean.getBoolean(KEEP_DATA);
        if (!keep) {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(dir), "bench-cleanup"));
        }
        System.out.println("machine: " + Runtime.getRuntime().availableProcessors() + " cores; data in " + dir
                + (keep ? " (kept)" : " (deleted at exit; -D" + KEEP_DATA + "=true keeps it)"));
        warnIfDiskNearlyFull(dir);
        String only = args.length > 0 ? args[0] : "";
        if (only.equals("burst")) {
            // Only phase (3), for profiling the FX thread.
            BurstRun.Result burst = BurstRun.run(dir.resolve("burst"));
            printSecondStorm(burst);
            System.out.printf("RESULT ingest burst_pulse_p99_ms=%.1f burst_pulse_max_ms=%.1f%n", burst.p99(),
                    burst.max());
            System.exit(0);
        }
        double[] ratios = new double[ROUNDS];
        LatencyRun.Result latency = null;
        try (BenchBroker broker = new BenchBroker(dir.resolve("broker"));
             CacheStores cache = CacheStores.open(dir.resolve("cache"))) {
            new RawConsumer(broker.url, null).close();
            try (BusService first = startHaechi(broker.url, cache, new AtomicLong())) {
                // Creates the durable subscription the backlog will wait in.
                await(first::isConnected, 60);
                Thread.sleep(500);
            }
            if (!only.equals("latency")) {
                ratios = drainRounds(broker, cache);
            }
            if (!only.equals("drain")) {
                latency = LatencyRun.run(broker.url, cache);
            }
        }
        java.util.Arrays.sort(ratios);
        if (only.equals("drain")) {
            // Only phase (1), for comparing ingest changes.
            System.out.printf("RESULT ingest ratio=%.2f%n", ratios[ROUNDS / 2]);
            System.exit(0);
        }
        if (only.equals("latency")) {
            // Only phase (2), on a JVM that phase (1) has not warmed: its figures are higher and noisier than a full
            // run's, so compare only runs of this mode with each other.
            System.out.printf("RESULT ingest p99_ratio=%.2f%n", latency.haechiP99() / latency.rawP99());
            System.exit(0);
        }
        BurstRun.Result burst = BurstRun.run(dir.resolve("burst"));
        printSecondStorm(burst);
        System.out.printf("RESULT ingest ratio=%.2f p99_ratio=%.2f burst_pulse_p99_ms=%.1f burst_pulse_max_ms=%.1f%n",
                ratios[ROUNDS / 2], latency.haechiP99() / latency.rawP99(), burst.p99(), burst.max());
        System.exit(0);
    }

    private static void printSecondStorm(BurstRun.Result burst) {
        System.out.printf("second storm, console in service (not the result): burst_pulse_p99_ms=%.1f "
                + "burst_pulse_max_ms=%.1f%n", burst.inServiceP99(), burst.inServiceMax());
    }

    /**
     * Phase (1): {@value #WARMUP_ROUNDS} rounds to let the JIT compile both consumers' paths (not counted: in a
     * 40,000-alarm drain on a fresh JVM the C2 compiler takes most of a core, measured with per-thread CPU), then
     * {@value #ROUNDS} measured rounds, each the raw consumer then Haechi on the same backlog size.
     */
    private static double[] drainRounds(BenchBroker broker, CacheStores cache) throws Exception {
        double[] ratios = new double[ROUNDS];
        for (int round = -WARMUP_ROUNDS; round < ROUNDS; round++) {
            broker.publishBacklog("r" + (round + WARMUP_ROUNDS) + "-", BACKLOG);
            Drain raw = drainRaw(broker.url);
            Drain haechi = drainHaechi(broker.url, cache);
            String name = round < 0 ? "warm-up round " + (round + WARMUP_ROUNDS + 1) : "round " + (round + 1);
            System.out.printf("%s: raw consumer %.0f alarms/s, Haechi ingest %.0f alarms/s, ratio %.2f%n", name,
                    raw.rate(), haechi.rate(), haechi.rate() / raw.rate());
            System.out.printf("  mean batch of %d, raw: %s; process busy %.2f cores%n", BatchCycles.FULL,
                    raw.cycles().describe(), raw.cores());
            System.out.printf("  mean batch of %d, Haechi: %s; process busy %.2f cores%n", BatchCycles.FULL,
                    haechi.cycles().describe(), haechi.cores());
            if (round >= 0) {
                ratios[round] = haechi.rate() / raw.rate();
            }
        }
        return ratios;
    }

    /**
     * One drain of the backlog: its rate, where its consumer thread's time went per batch, and how many cores this
     * process kept busy meanwhile (broker, client and consumer together; JIT and GC included).
     */
    record Drain(double rate, BatchCycles cycles, double cores) {
    }

    /**
     * Timed like Haechi's drain, from before the consumer connects: until session 6 the raw consumer's connection
     * and subscription were made before its clock started, while Haechi's were inside its time.
     */
    static Drain drainRaw(String url) throws Exception {
        long cpu = ProcessCpu.ticks(ProcessHandle.current().pid());
        long t0 = System.nanoTime();
        try (RawConsumer raw = new RawConsumer(url, null)) {
            raw.start();
            await(() -> raw.received.get() >= BACKLOG, 300);
            return drain(raw.received.get(), t0, cpu, raw.cycles);
        }
    }

    static Drain drainHaechi(String url, CacheStores cache) throws Exception {
        AtomicLong count = new AtomicLong();
        BatchCycles cycles = new BatchCycles();
        IngestListener timings = new IngestListener() {
            @Override
            public void received(String address, int n) {
            }

            @Override
            public void rejected(String address, int n) {
            }

            @Override
            public void batchStored(String address, BatchCycle cycle) {
                cycles.add(cycle);
            }
        };
        long cpu = ProcessCpu.ticks(ProcessHandle.current().pid());
        long t0 = System.nanoTime();
        try (BusService bus = startHaechi(url, cache, batch -> count.addAndGet(batch.size()), timings)) {
            await(() -> count.get() >= BACKLOG, 300);
            return drain(count.get(), t0, cpu, cycles);
        }
    }

    private static Drain drain(long messages, long startNanos, long startTicks, BatchCycles cycles) {
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        double cpuSeconds = (ProcessCpu.ticks(ProcessHandle.current().pid()) - startTicks)
                / ProcessCpu.TICKS_PER_SECOND;
        return new Drain(messages / seconds, cycles, cpuSeconds / seconds);
    }

    /** Haechi's real ingest path; the alarm sink counts what reaches it. */
    static BusService startHaechi(String url, CacheStores cache, AtomicLong alarmsHandedOver) {
        return startHaechi(url, cache, batch -> alarmsHandedOver.addAndGet(batch.size()));
    }

    static BusService startHaechi(String url, CacheStores cache, java.util.function.Consumer<List<Alarm>> sink) {
        return startHaechi(url, cache, sink, IngestListener.NONE);
    }

    private static BusService startHaechi(String url, CacheStores cache,
                                          java.util.function.Consumer<List<Alarm>> sink, IngestListener listener) {
        IngestSinks sinks = new IngestSinks(sink::accept, a -> { }, p -> { }, w -> { }, listener);
        BusService bus = new BusService(new BusConfig(url, null, null, "bench-haechi"),
                Map.of(org.haechi.messaging.bus.BusAddresses.ALARMS,
                        IngestHandlers.create(cache, sinks).get(org.haechi.messaging.bus.BusAddresses.ALARMS)),
                cache.db(), cache.actions(), s -> { });
        bus.start();
        return bus;
    }

    /**
     * Artemis blocks every producer while its disk is more than 90% used, reckoned as 1 - usable / total space (which
     * can be far above what {@code df} shows as used), and a run would then hang. A run writes about 330 MB.
     */
    private static void warnIfDiskNearlyFull(Path dir) throws IOException {
        FileStore store = Files.getFileStore(dir);
        double afterRun = 1.0 - (store.getUsableSpace() - RUN_BYTES) / (double) store.getTotalSpace();
        if (afterRun > 0.9) {
            System.out.printf("WARNING: with this run's data the disk of %s would be %.1f%% used as the broker reckons"
                    + " it; above 90%% it stops taking messages and the run would hang. Free some space first.%n",
                    dir, afterRun * 100);
        }
    }

    /**
     * Deletes a folder and everything in it (the JVM is ending). Broker threads may still add a file meanwhile (the
     * console of the burst phase is not closed before the exit), so a second pass follows; what is left is reported.
     */
    static void deleteTree(Path dir) {
        for (int pass = 0; pass < 2 && Files.exists(dir); pass++) {
            try {
                Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                    @Override
                    public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                        Files.deleteIfExists(file);
                        return FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult visitFileFailed(Path file, IOException e) {
                        return FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
                        try {
                            Files.deleteIfExists(d);
                        } catch (DirectoryNotEmptyException addedMeanwhile) {
                            // the next pass
                        }
                        return FileVisitResult.CONTINUE;
                    }
                });
            } catch (IOException | RuntimeException e) {
                // the next pass, or the report below
            }
        }
        if (Files.exists(dir)) {
            System.err.println("could not delete all benchmark data in " + dir);
        }
    }

    static void await(java.util.function.BooleanSupplier condition, int seconds) throws InterruptedException {
        await(condition, seconds, 5);
    }

    static void await(java.util.function.BooleanSupplier condition, int seconds, int pollMs)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(pollMs);
        }
        if (!condition.getAsBoolean()) {
            throw new IllegalStateException("benchmark condition not reached in " + seconds + " s");
        }
    }

    static double[] toMillis(ConcurrentLinkedQueue<Long> nanos) {
        List<Long> list = new ArrayList<>(nanos);
        return list.stream().mapToDouble(n -> n / 1e6).toArray();
    }
}
