package org.haechi.sim;

import jakarta.jms.JMSException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.haechi.core.asset.Asset;
import org.haechi.core.geo.GeoPoint;
import org.haechi.messaging.bus.BusAddresses;
import org.haechi.messaging.codec.AlarmCodec;
import org.haechi.messaging.codec.AssetCodec;
import org.haechi.messaging.codec.CapCodec;
import org.haechi.messaging.codec.PositionCodec;
import org.haechi.sim.data.DistrictLookup;
import org.haechi.sim.data.SeoulData;
import org.haechi.sim.traffic.AlarmFactory;
import org.haechi.sim.traffic.SimPublisher;
import org.haechi.sim.traffic.TagWalker;
import org.haechi.sim.traffic.WarningFactory;
import org.haechi.sim.video.TestStreamServer;

/**
 * Stands in for Seoul's field systems on the bus: publishes the asset registry (once per work folder), tag
 * positions every second, alarms of every type, and CAP warnings; serves local RTSP test streams. Everything runs
 * on its own thread; {@link #start()} once, {@link #close()} at shutdown.
 */
public final class FieldSimulator implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(FieldSimulator.class.getName());
    private static final String REGISTRY_MARKER = "registry-published-v1";
    private final SimOptions options;
    private final String brokerUrl;
    private final Clock clock;
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "haechi-field-sim");
        t.setDaemon(true);
        return t;
    });
    private final ScheduledExecutorService registryThread = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "haechi-field-sim-registry");
        t.setDaemon(true);
        return t;
    });
    private final TestStreamServer streams;
    private final Random random = new Random();
    private SimPublisher publisher;
    private TagWalker walker;
    private AlarmFactory alarms;

    public FieldSimulator(SimOptions options, String brokerUrl, Clock clock) {
        this.options = options;
        this.brokerUrl = brokerUrl;
        this.clock = clock;
        this.streams = new TestStreamServer(options.workDir().resolve("clips"));
    }

    /** Starts streams (in the background) and traffic. */
    public void start() {
        thread.execute(this::startOnThread);
    }

    private void startOnThread() {
        try {
            SeoulData data = SeoulData.load();
            SimRegistry registry = new SimRegistry(data, streamUrls());
            publisher = new SimPublisher(brokerUrl, null, null);
            publishWarnings();
            List<GeoPoint> sites = Stream.of(registry.realCameras(), data.accessPoints(), data.schools())
                    .flatMap(List::stream).map(Asset::location).toList();
            List<GeoPoint> homes = data.schools().stream().map(Asset::location).toList();
            walker = new TagWalker(sites, homes, options.tags(), 7);
            alarms = new AlarmFactory(registry.realCameras(), data.accessPoints(), data.schools(),
                    new DistrictLookup(data.districts())::nameAt, 11);
            publishAlarms(12 + options.stormAlarms());
            thread.scheduleAtFixedRate(this::publishPositions, 0, 1, TimeUnit.SECONDS);
            scheduleNextAlarm();
            registryThread.execute(() -> publishRegistry(registry));
            Thread server = new Thread(this::startStreams, "haechi-sim-streams");
            server.setDaemon(true);
            server.start();
        } catch (IOException | JMSException | RuntimeException e) {
            LOG.log(Level.SEVERE, "field simulator stopped: " + e.getMessage(), e);
        }
    }

    /** The URLs the streams will have: fixed ports, so the registry can name them before they are up. */
    private List<String> streamUrls() {
        List<String> urls = new ArrayList<>();
        if (options.streams() > 0 && TestStreamServer.toolsAvailable()) {
            for (int i = 0; i < options.streams(); i++) {
                urls.add(TestStreamServer.url("cam" + (i + 1), options.firstStreamPort() + i));
            }
        } else if (options.streams() > 0) {
            LOG.warning("no test streams: ffmpeg and cvlc (package vlc-bin) are needed");
        }
        return urls;
    }

    private void startStreams() {
        for (int i = 0; i < streamUrlsCount(); i++) {
            try {
                streams.serve("cam" + (i + 1), "HAECHI TEST CAM " + (i + 1), options.firstStreamPort() + i);
            } catch (IOException e) {
                LOG.warning("test stream " + (i + 1) + " not served: " + e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private int streamUrlsCount() {
        return TestStreamServer.toolsAvailable() ? options.streams() : 0;
    }

    /**
     * Publishes the registry (once per work folder; afterwards only the streamed cameras) on its own thread and
     * connection, so alarms and positions keep flowing while 126,000 assets go out.
     */
    private void publishRegistry(SimRegistry registry) {
        Path marker = options.workDir().resolve(REGISTRY_MARKER);
        List<Asset> all = Files.exists(marker) ? registry.realCameras().stream().filter(Asset::hasStream).toList()
                : registry.all();
        AssetCodec codec = new AssetCodec();
        try (SimPublisher registryPublisher = new SimPublisher(brokerUrl, null, null)) {
            for (Asset a : all) {
                registryPublisher.send(BusAddresses.ASSETS, codec.encode(a), true, null);
            }
            Files.createDirectories(options.workDir());
            Files.writeString(marker, Instant.now(clock) + " " + all.size() + " assets\n");
            LOG.info("published " + all.size() + " assets");
        } catch (JMSException | IOException e) {
            LOG.warning("registry not fully published: " + e.getMessage());
        }
    }

    private void publishWarnings() throws JMSException {
        CapCodec cap = new CapCodec();
        for (var w : WarningFactory.atStart(Instant.now(clock))) {
            publisher.send(BusAddresses.WARNINGS, cap.encode(w), true, w.identifier());
        }
    }

    private void publishPositions() {
        try {
            PositionCodec codec = new PositionCodec();
            for (var fix : walker.step(1.0, Instant.now(clock))) {
                publisher.send(BusAddresses.POSITIONS, codec.encode(fix), false, null);
            }
        } catch (JMSException | RuntimeException e) {
            LOG.log(Level.FINE, "positions not sent", e);
        }
    }

    private void scheduleNextAlarm() {
        long delay = (long) (options.alarmIntervalMs() * (0.3 + random.nextDouble() * 1.4));
        thread.schedule(() -> {
            publishAlarms(1);
            scheduleNextAlarm();
        }, delay, TimeUnit.MILLISECONDS);
    }

    /** Publishes {@code count} alarms now (on the simulator's thread). */
    public void publishAlarms(int count) {
        AlarmCodec codec = new AlarmCodec();
        try {
            for (int i = 0; i < count; i++) {
                Instant now = Instant.now(clock);
                var alarm = alarms.next(now, walker.randomTag(now));
                publisher.send(BusAddresses.ALARMS, codec.encode(alarm), true, alarm.id());
            }
        } catch (JMSException | RuntimeException e) {
            LOG.log(Level.WARNING, "alarms not sent: " + e.getMessage());
        }
    }

    @Override
    public void close() {
        registryThread.shutdownNow();
        thread.shutdownNow();
        try {
            thread.awaitTermination(3, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        streams.close();
        if (publisher != null) {
            try {
                publisher.close();
            } catch (JMSException e) {
                LOG.log(Level.FINE, "close", e);
            }
        }
    }
}
