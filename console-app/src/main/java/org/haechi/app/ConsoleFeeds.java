package org.haechi.app;

import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.haechi.app.alarm.AlarmBoardViewModel;
import org.haechi.app.map.ConsoleMap;
import org.haechi.app.metrics.ConsoleMetrics;
import org.haechi.core.alarm.Alarm;
import org.haechi.core.position.TagPosition;
import org.haechi.core.warning.Warning;
import org.haechi.messaging.bus.IngestSinks;
import org.haechi.messaging.cache.CacheStores;
import org.haechi.messaging.codec.CapCodec;

/**
 * Carries ingested data to the views: consumer threads offer, and once per pulse the FX thread applies each kind
 * in one batch. Also loads the cache at start so the console opens with what it knew. Start and stop on FX thread.
 */
final class ConsoleFeeds {
    private static final Logger LOG = Logger.getLogger(ConsoleFeeds.class.getName());
    /** Alarms staged in one pulse up to which the queue changes at once (steady traffic, an operator's action). */
    static final int TRICKLE = 100;
    /** Shortest time between two changes of the queue while more than a trickle arrives. */
    static final long QUEUE_REFRESH_NANOS = java.util.concurrent.TimeUnit.MILLISECONDS.toNanos(250);
    private final FxBatcher<Alarm> alarms;
    private final Throttle queueRefresh;
    private final javafx.animation.AnimationTimer queueRefreshPoll;
    private final FxBatcher<TagPosition> positions;
    private final FxBatcher<Warning> warnings;
    private final ConsoleMap map;
    private final AlarmBoardViewModel board;
    private final ConsoleMetrics metrics;

    ConsoleFeeds(AlarmBoardViewModel board, ConsoleMap map, ConsoleMetrics metrics) {
        this.map = map;
        this.metrics = metrics;
        // Staging an alarm is cheap (a new critical one rings at once); the queue and the map change at most once a
        // pulse, after the pulse's share of the hand-off (bounded in time, the rest waits for the next pulse). A
        // trickle is shown at the pulse it arrives in; during a storm the queue changes at most every
        // QUEUE_REFRESH (each change lays out and repaints the table), and the last change is always shown.
        this.queueRefresh = new Throttle(QUEUE_REFRESH_NANOS, System::nanoTime, () -> {
            board.publish();
            map.showAlarms(board.openAlarms());
        });
        this.queueRefreshPoll = queueRefresh.pulsePoller();
        this.board = board;
        this.alarms = new FxBatcher<>(board::stage, 500, FxBatcher.DEFAULT_BUDGET_NANOS, this::refreshQueue,
                System::nanoTime);
        this.positions = new FxBatcher<>(map::addFixes, 20_000);
        this.warnings = new FxBatcher<>(map::applyWarnings, 1000);
    }

    /** FX thread, after a pulse's hand-off of alarms. */
    private void refreshQueue() {
        if (board.stagedCount() <= TRICKLE && alarms.idle()) {
            queueRefresh.runNow();
        } else {
            queueRefresh.request();
        }
    }

    IngestSinks sinks() {
        return new IngestSinks(alarms::offer, map::putAssets, positions::offer, warnings::offer, metrics);
    }

    /** Alarms raised by this console itself, shown like ingested ones. Any thread. */
    void offerAlarms(List<Alarm> stored) {
        alarms.offer(stored);
    }

    void start() {
        alarms.start();
        queueRefreshPoll.start();
        positions.start();
        warnings.start();
    }

    void stop() {
        alarms.stop();
        queueRefreshPoll.stop();
        positions.stop();
        warnings.stop();
    }

    private void loadImportedLayers(CacheStores cache) throws Exception {
        var store = new org.haechi.messaging.cache.ImportedLayerStore(cache.db());
        var wkt = new org.locationtech.jts.io.WKTReader();
        var json = new com.fasterxml.jackson.databind.ObjectMapper();
        for (String layer : store.layers()) {
            List<org.haechi.map.importer.ImportedFeature> features = new java.util.ArrayList<>();
            for (var row : store.load(layer)) {
                features.add(new org.haechi.map.importer.ImportedFeature(row.id(), wkt.read(row.wkt()),
                        json.readValue(row.propertiesJson(), new com.fasterxml.jackson.core.type.TypeReference<
                                java.util.Map<String, String>>() { })));
            }
            javafx.application.Platform.runLater(() -> map.addImportedLayer(layer, features));
        }
    }

    /**
     * Reads what the cache holds, off the FX thread, and offers it like fresh traffic. The bus must not start before
     * the returned future completes (it always completes normally): a snapshot read before a live update and offered
     * after it would put the older state back on the screen.
     */
    java.util.concurrent.CompletableFuture<Void> loadFromCache(CacheStores cache) {
        var loaded = new java.util.concurrent.CompletableFuture<Void>();
        Thread loader = new Thread(() -> {
            try {
                cache.alarms().loadOpen(2000, alarms::offer);
                map.putAssets(cache.assets().loadAll());
                positions.offer(cache.positions().loadTrails(java.time.Instant.now().minus(
                        java.time.Duration.ofMinutes(2))));
                positions.offer(cache.positions().loadLatest());
                // What the bus changes is on its way; the bus may start. Warnings are applied in any order
                // (ZoneLayer), and the bus never feeds the imported layers.
                loaded.complete(null);
                loadImportedLayers(cache);
                CapCodec cap = new CapCodec();
                for (String body : cache.warnings().loadBodies()) {
                    try {
                        warnings.offer(List.of(cap.decode(body)));
                    } catch (Exception e) {
                        LOG.warning("a cached warning no longer decodes: " + e.getMessage());
                    }
                }
            } catch (Exception e) {
                LOG.log(Level.SEVERE, "could not read the cache", e);
            } finally {
                loaded.complete(null);
            }
        }, "haechi-cache-load");
        loader.setDaemon(true);
        loader.start();
        return loaded;
    }
}
