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

/**
 * A 10,000-alarm burst into the real main window (embedded broker, no simulator): the time between FX pulses from
 * the first alarm sent until all are in the cache and two more seconds have passed. A pulse interval bounds the
 * pulse's duration from above.
 */
final class BurstRun {
    static final int BURST = 10_000;

    record Result(double p99, double max) {
    }

    private BurstRun() {
    }

    static Result run(Path dataDir) throws Exception {
        int brokerPort = BenchBroker.freePort();
        int metricsPort = BenchBroker.freePort();
        System.setProperty("haechi.noExit", "true");
        HaechiApp.useOptions(new LaunchOptions(null, dataDir, false, Locale.ENGLISH, null, 0, metricsPort, "bench",
                0, brokerPort));
        LatencyRun.startFx();
        HaechiApp app = new HaechiApp();
        onFx(() -> {
            try {
                app.start(new Stage());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        IngestBench.await(() -> metrics(metricsPort).contains("haechi_broker_connected 1.0"), 60);
        Thread.sleep(3000);
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
        try (BenchBroker.Publisher publisher = new BenchBroker.Publisher("tcp://127.0.0.1:" + brokerPort)) {
            publisher.publishBacklog("burst-", BURST);
        }
        IngestBench.await(() -> metrics(metricsPort).contains("haechi_cache_alarms " + BURST + ".0"), 180);
        Thread.sleep(2000);
        onFx(timer::stop);
        onFx(app::stop);
        Percentiles p = new Percentiles(pulses.stream().mapToDouble(Double::doubleValue).toArray());
        System.out.println("pulse intervals during a " + BURST + "-alarm burst, main window open: "
                + p.summary(" ms"));
        return new Result(p.p(99), p.max());
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
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                    + "/metrics")).build(), HttpResponse.BodyHandlers.ofString()).body();
        } catch (Exception e) {
            return "";
        }
    }
}
