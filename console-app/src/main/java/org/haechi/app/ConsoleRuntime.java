package org.haechi.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.haechi.app.metrics.CacheStats;
import org.haechi.core.bus.BusStatus;
import org.haechi.core.bus.BusStatusListener;
import org.haechi.core.bus.DeadLetters;
import org.haechi.messaging.broker.EmbeddedBroker;
import org.haechi.messaging.bus.BusConfig;
import org.haechi.messaging.bus.BusService;
import org.haechi.messaging.bus.ConsoleIdentity;
import org.haechi.messaging.bus.IngestHandlers;
import org.haechi.messaging.bus.IngestSinks;
import org.haechi.messaging.cache.CacheStores;
import org.haechi.messaging.cache.OperatorActions;
import org.haechi.sim.FieldSimulator;
import org.haechi.sim.SimOptions;

/**
 * The console's non-UI services and their lifecycle: cache, embedded broker (default mode), bus, simulator and the
 * cache poll. {@link #open} then {@link #connect} once, {@link #close()} once, from the FX launcher thread or a test.
 * Shutdown order: simulator, bus consumers, broker, poll, cache.
 */
public final class ConsoleRuntime implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(ConsoleRuntime.class.getName());
    private final LaunchOptions options;
    /** Guards starting the broker, bus and simulator against {@link #close()}. */
    private final Object lifecycle = new Object();
    private boolean closed;
    private final Clock clock;
    private final CacheStores cache;
    private final String consoleId;
    private final BackgroundPriority background = new BackgroundPriority();
    private final ScheduledExecutorService poll = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "haechi-cache-poll");
        t.setDaemon(true);
        return t;
    });
    private volatile CacheStats stats = CacheStats.EMPTY;
    private EmbeddedBroker broker;
    private volatile BusService bus;
    private FieldSimulator simulator;

    private ConsoleRuntime(LaunchOptions options, Clock clock, CacheStores cache, String consoleId) {
        this.options = options;
        this.clock = clock;
        this.cache = cache;
        this.consoleId = consoleId;
    }

    /** Opens the data folder and the cache (works with no broker at all). */
    public static ConsoleRuntime open(LaunchOptions options, Clock clock) throws IOException, SQLException {
        Files.createDirectories(options.dataDir());
        String id = ConsoleIdentity.loadOrCreate(options.dataDir());
        return new ConsoleRuntime(options, clock, CacheStores.open(options.dataDir().resolve("cache")), id);
    }

    /** Starts the bus with the credentials of the environment (HAECHI_BROKER_USER / HAECHI_BROKER_PASSWORD). */
    public void connect(IngestSinks sinks, BusStatusListener status) throws Exception {
        connect(sinks, status, System.getenv("HAECHI_BROKER_USER"), System.getenv("HAECHI_BROKER_PASSWORD"));
    }

    /**
     * Starts the embedded broker (default mode), the bus, the simulator and the cache poll. The password is kept in
     * memory only, never written.
     */
    public void connect(IngestSinks sinks, BusStatusListener status, String user, String password)
            throws Exception {
        java.util.concurrent.CountDownLatch connected = new java.util.concurrent.CountDownLatch(1);
        String url;
        // Under the lifecycle lock: close() comes before or after, never between (it runs on the FX thread, this on
        // a thread of its own).
        synchronized (lifecycle) {
            if (closed) {
                throw new IllegalStateException("the console is closing");
            }
            url = startBus(sinks, status, user, password, connected);
        }
        if (options.simulate()) {
            // The console's durable subscriptions must exist before the simulator's first registry goes out.
            if (!connected.await(15, TimeUnit.SECONDS)) {
                LOG.warning("bus not connected after 15 s; the simulator starts anyway");
            }
            SimOptions sim = new SimOptions(options.dataDir().resolve("sim"), 500, 4000, options.stormAlarms(), 4,
                    8554);
            synchronized (lifecycle) {
                if (!closed) {
                    simulator = new FieldSimulator(sim, url, clock);
                    simulator.start();
                }
            }
        }
    }

    /** Starts the embedded broker (if it is the default), the bus and the cache poll; returns the broker URL. */
    private String startBus(IngestSinks sinks, BusStatusListener status, String user, String password,
                            java.util.concurrent.CountDownLatch connected) throws Exception {
        String url = options.brokerUrl();
        BusConfig.useStorePasswords(System.getenv());
        if (options.embeddedBroker()) {
            broker = new EmbeddedBroker(options.dataDir().resolve("broker"), options.embeddedPort());
            broker.start();
            url = broker.clientUrl();
        }
        BusConfig config = new BusConfig(url, user, password, consoleId);
        bus = new BusService(config, IngestHandlers.create(cache, sinks), cache.db(), cache.actions(), cache.raised(),
                new BusStatusListener() {
                    @Override
                    public void statusChanged(BusStatus s) {
                        if (s.connected()) {
                            connected.countDown();
                        }
                        status.statusChanged(s);
                    }

                    @Override
                    public void deadLettersCounted(DeadLetters deadLetters) {
                        status.deadLettersCounted(deadLetters);
                    }

                    @Override
                    public void loginRefused(String user) {
                        status.loginRefused(user);
                    }
                });
        bus.countDeadLettersIn(options.deadLetterAddress());
        bus.onOwnActionsPublished(sinks.alarms());
        bus.start();
        poll.scheduleWithFixedDelay(this::refreshStats, 0, 2, TimeUnit.SECONDS);
        poll.scheduleWithFixedDelay(background::apply, 0, 2, TimeUnit.SECONDS);
        poll.scheduleWithFixedDelay(this::purgeOld, 1, 1, TimeUnit.MINUTES);
        return url;
    }

    private void refreshStats() {
        try {
            stats = new CacheStats(cache.alarms().countAll(), cache.alarms().countOpen(), cache.rejected().count(),
                    cache.db().sizeBytes());
        } catch (SQLException e) {
            LOG.log(Level.WARNING, "cache statistics unavailable", e);
        }
    }

    /**
     * Every minute: old tag trails and the oldest rejections go, so that the cache stays bounded. Whatever fails, the
     * next minute tries again (an exception would end the schedule).
     */
    private void purgeOld() {
        try {
            java.time.Instant now = clock.instant();
            cache.positions().purgeTrails(now.minus(options.trailRetention()), now);
        } catch (SQLException | RuntimeException e) {
            LOG.log(Level.WARNING, "trail retention not applied this time", e);
        }
        try {
            cache.rejected().purgeOldest();
        } catch (SQLException | RuntimeException e) {
            LOG.log(Level.WARNING, "old rejected messages not deleted this time", e);
        }
    }

    public CacheStats stats() {
        return stats;
    }

    public CacheStores cache() {
        return cache;
    }

    public String consoleId() {
        return consoleId;
    }

    /** Records this operator's actions (outbox first) and asks the bus to publish them. */
    public OperatorActions operatorActions() {
        return new OperatorActions(cache, options.operator(), consoleId, clock);
    }

    /** New credentials for the bus (the operator logged in again); kept in memory only. Any thread. */
    public void login(String user, String password) {
        BusService b = bus;
        if (b != null) {
            b.login(user, password);
        }
    }

    /** Publishes pending own actions now, if connected. */
    public void publishOutbox() {
        if (bus != null) {
            bus.publishOutbox();
        }
    }

    public BusStatus offlineStatus(String why) {
        return new BusStatus(false, clock.instant(), why);
    }

    public Path dataDir() {
        return options.dataDir();
    }

    @Override
    public void close() {
        synchronized (lifecycle) {
            closed = true;
        }
        if (simulator != null) {
            simulator.close();
        }
        if (bus != null) {
            bus.close();
        }
        if (broker != null) {
            try {
                broker.close();
            } catch (Exception e) {
                LOG.log(Level.WARNING, "broker stop", e);
            }
        }
        poll.shutdownNow();
        cache.close();
    }
}
