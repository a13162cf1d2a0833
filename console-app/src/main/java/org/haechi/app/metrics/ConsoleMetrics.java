package org.haechi.app.metrics;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.exporter.httpserver.HTTPServer;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.haechi.core.bus.BatchCycle;
import org.haechi.core.bus.IngestListener;

/**
 * The console's metrics (Prometheus client): what IT monitoring scrapes, and the numbers the status bar shows.
 * Counters and gauges are thread-safe; {@link #serve(int)} once, {@link #close()} at shutdown.
 */
public final class ConsoleMetrics implements IngestListener, AutoCloseable {
    private final PrometheusRegistry registry = new PrometheusRegistry();
    private final Counter received = Counter.builder().name("haechi_messages_received_total")
            .help("Messages received from the bus, by address").labelNames("address").register(registry);
    private final Counter rejected = Counter.builder().name("haechi_messages_rejected_total")
            .help("Messages that broke the wire contract, by address").labelNames("address").register(registry);
    private final Gauge brokerConnected = Gauge.builder().name("haechi_broker_connected")
            .help("1 while connected to the broker, else 0").register(registry);
    private final Gauge sendsHeldBack = Gauge.builder().name("haechi_bus_sends_held_back")
            .help("1 while the broker holds back this console's sends (its disk or an address is full), else 0")
            .register(registry);
    private final Gauge deadLettered = Gauge.builder().name("haechi_bus_dead_lettered")
            .help("Messages in the broker's dead-letter address at the last count (browsed every 30 s)")
            .register(registry);
    private final Histogram mapFrame = Histogram.builder().name("haechi_map_frame_seconds")
            .help("Time to draw one map frame").classicOnly()
            .classicUpperBounds(0.002, 0.004, 0.008, 0.016, 0.033, 0.05, 0.1, 0.25, 1).register(registry);
    private final Histogram batchPhase = Histogram.builder().name("haechi_ingest_batch_phase_seconds")
            .help("Where a stored batch's time went on its consumer thread: receive (idle waiting included), store, "
                    + "cache_commit, bus_commit; by address").classicOnly()
            .classicUpperBounds(0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.25, 1)
            .labelNames("address", "phase").register(registry);
    private final Gauge storeFailing = Gauge.builder().name("haechi_cache_store_failing")
            .help("1 while the cache cannot store messages from an address (they wait on the broker), else 0")
            .labelNames("address").register(registry);
    /** Why the cache cannot store, by address; empty while it can. */
    private final Map<String, String> storeFailures = new ConcurrentHashMap<>();
    private HTTPServer server;

    public ConsoleMetrics(Supplier<CacheStats> cache, LongSupplier tilesPlaying) {
        GaugeWithCallback.builder().name("haechi_alarms_open").help("Open alarms in the cache")
                .callback(cb -> cb.call(cache.get().openAlarms())).register(registry);
        GaugeWithCallback.builder().name("haechi_cache_alarms").help("Distinct alarms in the cache")
                .callback(cb -> cb.call(cache.get().alarms())).register(registry);
        GaugeWithCallback.builder().name("haechi_cache_bytes").help("Size of the cache file")
                .callback(cb -> cb.call(cache.get().bytes())).register(registry);
        GaugeWithCallback.builder().name("haechi_video_tiles_playing").help("Camera tiles showing live video")
                .callback(cb -> cb.call(tilesPlaying.getAsLong())).register(registry);
    }

    /** Serves /metrics on 127.0.0.1 only. */
    public void serve(int port) throws IOException {
        server = HTTPServer.builder().hostname("127.0.0.1").port(port).registry(registry).buildAndStart();
    }

    @Override
    public void received(String address, int count) {
        received.labelValues(address).inc(count);
    }

    @Override
    public void rejected(String address, int count) {
        rejected.labelValues(address).inc(count);
    }

    @Override
    public void batchStored(String address, BatchCycle cycle) {
        batchPhase.labelValues(address, "receive").observe(cycle.receiveNanos() / 1e9);
        batchPhase.labelValues(address, "store").observe(cycle.storeNanos() / 1e9);
        batchPhase.labelValues(address, "cache_commit").observe(cycle.cacheCommitNanos() / 1e9);
        batchPhase.labelValues(address, "bus_commit").observe(cycle.busCommitNanos() / 1e9);
    }

    @Override
    public void storeFailed(String address, String reason) {
        storeFailures.put(address, reason == null ? "unknown error" : reason);
        storeFailing.labelValues(address).set(1);
    }

    @Override
    public void storeRecovered(String address) {
        storeFailures.remove(address);
        storeFailing.labelValues(address).set(0);
    }

    /** Why the cache cannot store messages now (the first address's reason), or null while it can. */
    public String storeFailure() {
        return storeFailures.values().stream().findFirst().orElse(null);
    }

    public void deadLettered(int count) {
        deadLettered.set(count);
    }

    public void brokerConnected(boolean connected) {
        brokerConnected.set(connected ? 1 : 0);
    }

    public void sendsHeldBack(boolean heldBack) {
        sendsHeldBack.set(heldBack ? 1 : 0);
    }

    public void mapFrame(double seconds) {
        mapFrame.observe(seconds);
    }

    /** Rejections counted since start, all addresses. */
    public long rejectedTotal() {
        return (long) rejected.collect().getDataPoints().stream().mapToDouble(d -> d.getValue()).sum();
    }

    /** Messages received since start, all addresses. */
    public long receivedTotal() {
        return (long) received.collect().getDataPoints().stream().mapToDouble(d -> d.getValue()).sum();
    }

    public PrometheusRegistry registry() {
        return registry;
    }

    @Override
    public void close() {
        if (server != null) {
            server.close();
        }
    }
}
