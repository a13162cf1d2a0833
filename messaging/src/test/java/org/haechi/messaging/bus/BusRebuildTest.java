package org.haechi.messaging.bus;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import org.haechi.core.bus.BusStatus;
import org.haechi.messaging.broker.EmbeddedBroker;
import org.haechi.messaging.cache.CacheStores;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A broker that stops answering the protocol while its port still accepts connections (hung, or another program on
 * its port): Artemis's reconnection then never completes and never gives up. The console notices, abandons that
 * connection for a new one, says so, and is back with nothing lost once a real broker answers again. Real broker,
 * real H2 file, a real silent listener; all on 127.0.0.1.
 */
class BusRebuildTest {
    @TempDir
    Path dir;
    EmbeddedBroker broker;
    CacheStores cache;
    BusService bus;
    SilentListener silent;
    final Collected collected = new Collected();

    @AfterEach
    void stop() throws Exception {
        if (bus != null) {
            bus.close();
        }
        if (silent != null) {
            silent.close();
        }
        if (broker != null) {
            broker.close();
        }
        if (cache != null) {
            cache.close();
        }
    }

    @Test
    void aReconnectionThatCannotCompleteIsAbandonedForANewConnection() throws Exception {
        int port = BusIngestTest.freePort();
        startBrokerAndConsole(port, Duration.ofSeconds(2), Duration.ofSeconds(3));
        BusIngestTest.publish(broker.clientUrl(), BusAddresses.ALARMS, List.of(BusIngestTest.alarm("before-1")));
        await(() -> stored("before-1"), 30);

        broker.close();
        broker = null;
        silent = new SilentListener(port);
        await(() -> collected.statuses.stream().anyMatch(s -> BusService.STALLED.equals(s.detail())), 60);
        assertThat(collected.statuses).anyMatch(s -> !s.connected() && BusService.STALLED.equals(s.detail()));
        assertThat(bus.isConnected()).isFalse();

        silent.close();
        silent = null;
        broker = new EmbeddedBroker(dir.resolve("broker"), port);
        broker.start();
        await(bus::isConnected, 90);
        BusIngestTest.publish(broker.clientUrl(), BusAddresses.ALARMS, List.of(BusIngestTest.alarm("after-1")));
        await(() -> stored("after-1"), 30);
        assertThat(cache.alarms().find("before-1")).isNotNull();
        assertThat(cache.alarms().find("after-1")).isNotNull();
        BusStatus last = collected.statuses.get(collected.statuses.size() - 1);
        assertThat(last.connected()).isTrue();
    }

    @Test
    void aBrokerRestartedAfterALongOutageIsNotMistakenForAStall() throws Exception {
        int port = BusIngestTest.freePort();
        // Offline longer than the rebuild threshold; Artemis's own reconnection gets 10 s once the port answers.
        startBrokerAndConsole(port, Duration.ofSeconds(1), Duration.ofSeconds(10));

        broker.close();
        broker = null;
        await(() -> !bus.isConnected(), 30);
        Thread.sleep(3000);
        broker = new EmbeddedBroker(dir.resolve("broker"), port);
        broker.start();
        await(bus::isConnected, 30);
        BusIngestTest.publish(broker.clientUrl(), BusAddresses.ALARMS, List.of(BusIngestTest.alarm("after-restart")));
        await(() -> stored("after-restart"), 30);
        assertThat(stored("after-restart")).isTrue();
        assertThat(collected.statuses).noneMatch(s -> BusService.STALLED.equals(s.detail()));
    }

    /** A real broker on the port and a console on it, connected, rebuilding after the given times. */
    private void startBrokerAndConsole(int port, Duration offline, Duration answering) throws Exception {
        broker = new EmbeddedBroker(dir.resolve("broker"), port);
        broker.start();
        cache = CacheStores.open(dir.resolve("cache"));
        bus = new BusService(new BusConfig(broker.clientUrl(), null, null, "ws-rebuild"),
                IngestHandlers.create(cache, collected.sinks()), cache.db(), cache.actions(), collected.statuses::add);
        bus.rebuildAfter(offline, answering);
        bus.start();
        await(bus::isConnected, 30);
    }

    private boolean stored(String id) {
        try {
            return cache.alarms().find(id) != null;
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void await(BooleanSupplier condition, int seconds) throws InterruptedException {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
    }

    /** Accepts connections on 127.0.0.1 and never says a word. */
    static final class SilentListener implements AutoCloseable {
        private final ServerSocket server;
        private final List<Socket> held = new CopyOnWriteArrayList<>();
        private final Thread acceptor;

        SilentListener(int port) throws IOException {
            server = new ServerSocket();
            server.setReuseAddress(true);
            server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 50);
            acceptor = new Thread(() -> {
                try {
                    while (true) {
                        held.add(server.accept());
                    }
                } catch (IOException closed) {
                    // closed by close()
                }
            }, "silent-listener");
            acceptor.setDaemon(true);
            acceptor.start();
        }

        @Override
        public void close() throws IOException {
            server.close();
            for (Socket s : held) {
                s.close();
            }
        }
    }
}
