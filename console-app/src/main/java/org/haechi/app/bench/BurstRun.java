package org.haechi.app.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.haechi.app.HaechiApp;
import org.haechi.app.LaunchOptions;
import org.haechi.messaging.bus.BusAddresses;

/**
 * Two 10,000-alarm bursts into the real main window (embedded broker, no simulator), each measured as the time
 * between FX pulses from its first alarm sent until all are in the cache and two more seconds have passed (a pulse
 * interval bounds the pulse's duration from above). The first storm hits a console started seconds before, whose
 * JIT compilers are still busy with the code the storm runs for the first time; the second hits the same console in
 * service, which is what a control room runs. Both are printed; the result is the first's, as before there were
 * two.
 */
final class BurstRun {
    static final int BURST = 10_000;
    /**
     * One client for every poll of the console's metrics, polled every {@value #POLL_MS} ms: a client per poll every
     * 5 ms started 200 threads a second in the measured process during the storm.
     */
    private static final HttpClient METRICS_CLIENT = HttpClient.newHttpClient();
    private static final int POLL_MS = 50;

    record Result(double p99, double max, double inServiceP99, double inServiceMax) {
    }

    private BurstRun() {
    }

    static Result run(Path dataDir) throws Exception {
        int brokerPort = BenchBroker.freePort();
        int metricsPort = BenchBroker.freePort();
        System.setProperty("haechi.noExit", "true");
        HaechiApp.useOptions(new LaunchOptions(null, dataDir, false, Locale.ENGLISH, null, 0, metricsPort, "bench",
                0, brokerPort, BusAddresses.DEAD_LETTER,
                LaunchOptions.DEFAULT_TRAIL_RETENTION));
        LatencyRun.startFx();
        HaechiApp app = new HaechiApp();
        onFx(() -> {
            try {
                app.start(new Stage());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        IngestBench.await(() -> metrics(metricsPort).contains("haechi_broker_connected 1.0"), 60, POLL_MS);
        Thread.sleep(3000);
        Percentiles first = storm("burst-", BURST, brokerPort, metricsPort);
        System.out.println("pulse intervals during the first " + BURST + "-alarm burst after start (cold JVM): "
                + first.summary(" ms"));
        Percentiles inService = storm("burst2-", 2 * BURST, brokerPort, metricsPort);
        System.out.println("pulse intervals during a " + BURST + "-alarm burst into the console in service: "
                + inService.summary(" ms"));
        onFx(app::stop);
        return new Result(first.p(99), first.max(), inService.p(99), inService.max());
    }

    /** Sends a burst, and returns the FX pulse intervals until the cache holds {@code cachedAfter} alarms. */
    private static Percentiles storm(String prefix, int cachedAfter, int brokerPort, int metricsPort)
            throws Exception {
        ConcurrentLinkedQueue<Double> pulses = new ConcurrentLinkedQueue<>();
        AnimationTimer timer = new AnimationTimer() {
            private long last;

            @Override
            public void handle(long now) {
                if (last != 0) {
                    pulses.add((now - last) / 1e6);
                }
                last = now;
            }
        };
        onFx(timer::start);
        long start = System.nanoTime();
        try (BenchBroker.Publisher publisher = new BenchBroker.Publisher("tcp://127.0.0.1:" + brokerPort)) {
            publisher.publishBacklog(prefix, BURST);
        }
        long sent = System.nanoTime();
        IngestBench.await(() -> metrics(metricsPort).contains("haechi_cache_alarms " + cachedAfter + ".0"), 180,
                POLL_MS);
        // How long the storm lasted for the console: a slower ingest spreads the same work over more pulses.
        System.out.printf("storm %s: %d alarms sent in %.2f s, all in the cache %.2f s after the first was sent%n",
                prefix, BURST, (sent - start) / 1e9, (System.nanoTime() - start) / 1e9);
        Thread.sleep(2000);
        onFx(timer::stop);
        return new Percentiles(pulses.stream().mapToDouble(Double::doubleValue).toArray());
    }

    static void onFx(Runnable r) throws Exception {
        CompletableFuture<Void> done = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                r.run();
                done.complete(null);
            } catch (RuntimeException e) {
                done.completeExceptionally(e);
            }
        });
        done.get();
    }

    static String metrics(int port) {
        try {
            return METRICS_CLIENT.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                    + "/metrics")).build(), HttpResponse.BodyHandlers.ofString()).body();
        } catch (Exception e) {
            return "";
        }
    }
}
