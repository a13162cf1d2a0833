package org.haechi.app.bench;

import jakarta.jms.Connection;
import jakarta.jms.DeliveryMode;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import javafx.application.Platform;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.haechi.app.FxBatcher;
import org.haechi.app.alarm.AlarmBoardViewModel;
import org.haechi.core.alarm.Alarm;
import org.haechi.messaging.bus.BusAddresses;
import org.haechi.messaging.bus.BusService;
import org.haechi.messaging.cache.CacheStores;

/**
 * Publish-to-view-model latency at a steady 1,000 alarms/s: the raw consumer's publish-to-receive against Haechi's
 * publish-to-row-in-the-alarm-board-view-model (ingest, H2 commit, one hand-off per FX pulse as in the console,
 * upsert), both subscribed at once to the same stream.
 */
final class LatencyRun {
    static final int RATE = 1000;
    static final int SECONDS = 20;
    static final int WARMUP_SECONDS = 3;

    record Result(double rawP50, double rawP99, double haechiP50, double haechiP99) {
    }

    private LatencyRun() {
    }

    static Result run(String url, CacheStores cache) throws Exception {
        startFx();
        ConcurrentLinkedQueue<Long> raw = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Long> haechi = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Long> stored = new ConcurrentLinkedQueue<>();
        AtomicLong measureFrom = new AtomicLong(Long.MAX_VALUE);
        AtomicLong shown = new AtomicLong();
        AlarmBoardViewModel board = new AlarmBoardViewModel((id, kind, note) -> null, Runnable::run,
                Platform::runLater);
        FxBatcher<Alarm> toBoard = new FxBatcher<>(batch -> {
            board.upsert(batch);
            long now = System.nanoTime();
            for (Alarm a : batch) {
                long sent = Long.parseLong(a.attributes().get("t"));
                if (sent >= measureFrom.get()) {
                    haechi.add(now - sent);
                }
            }
            shown.addAndGet(batch.size());
        }, 5000);
        Platform.runLater(toBoard::start);
        int total = RATE * SECONDS;
        try (RawConsumer rawConsumer = new RawConsumer(url, n -> {
            if (System.nanoTime() - n >= measureFrom.get()) {
                raw.add(n);
            }
        }); BusService bus = IngestBench.startHaechi(url, cache, batch -> {
                 long now = System.nanoTime();
                 for (Alarm a : batch) {
                     long sent = Long.parseLong(a.attributes().get("t"));
                     if (sent >= measureFrom.get()) {
                         stored.add(now - sent);
                     }
                 }
                 toBoard.offer(batch);
             })) {
            rawConsumer.start();
            Thread.sleep(2000);
            publishSteadily(url, total, measureFrom);
            IngestBench.await(() -> rawConsumer.received.get() >= total && shown.get() >= total, 120);
        } finally {
            Platform.runLater(toBoard::stop);
        }
        Percentiles r = new Percentiles(IngestBench.toMillis(raw));
        Percentiles h = new Percentiles(IngestBench.toMillis(haechi));
        System.out.println("latency at " + RATE + " alarms/s, raw consumer: " + r.summary(" ms"));
        System.out.println("latency at " + RATE + " alarms/s, Haechi stored (before the hand-off to the FX thread): "
                + new Percentiles(IngestBench.toMillis(stored)).summary(" ms"));
        System.out.println("latency at " + RATE + " alarms/s, Haechi to alarm board: " + h.summary(" ms"));
        return new Result(r.p(50), r.p(99), h.p(50), h.p(99));
    }

    static void startFx() {
        try {
            Platform.startup(() -> { });
        } catch (IllegalStateException alreadyStarted) {
            // started by an earlier phase
        }
        Platform.setImplicitExit(false);
    }

    private static void publishSteadily(String url, int total, AtomicLong measureFrom) throws Exception {
        try (Connection c = new ActiveMQConnectionFactory(url + "?blockOnDurableSend=false").createConnection();
             Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE)) {
            MessageProducer p = s.createProducer(s.createTopic(BusAddresses.ALARMS));
            p.setDeliveryMode(DeliveryMode.PERSISTENT);
            long start = System.nanoTime();
            long interval = 1_000_000_000L / RATE;
            for (int i = 0; i < total; i++) {
                long due = start + i * interval;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                }
                if (i == RATE * WARMUP_SECONDS) {
                    measureFrom.set(System.nanoTime());
                }
                p.send(s.createTextMessage(BenchBroker.alarm("lat-" + i, System.nanoTime())));
            }
        }
    }
}
