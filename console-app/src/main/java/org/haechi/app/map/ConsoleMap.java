package org.haechi.app.map;

import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.scene.paint.Color;
import org.haechi.core.alarm.Alarm;
import org.haechi.core.asset.Asset;
import org.haechi.core.asset.AssetKind;
import org.haechi.core.geo.GeoPoint;
import org.haechi.core.position.TagPosition;
import org.haechi.core.warning.Warning;
import org.haechi.map.layer.AlarmLayer;
import org.haechi.map.layer.AssetLayer;
import org.haechi.map.layer.BasemapLayer;
import org.haechi.map.layer.TagLayer;
import org.haechi.map.layer.ZoneLayer;
import org.haechi.map.view.MapView;

/**
 * The console's map: the map control with its layers in drawing order, fed with assets, fixes, warnings and alarms.
 * Asset updates may come from any thread and are applied at most once a second; everything else on the FX thread.
 */
public final class ConsoleMap implements AutoCloseable {
    private final MapView view = new MapView();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "haechi-map-worker");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        return t;
    });
    private final Map<String, Asset> assets = new ConcurrentHashMap<>();
    private final Map<String, Asset> streamed = new ConcurrentHashMap<>();
    private final AtomicBoolean assetsChanged = new AtomicBoolean();
    private final AssetLayer cameras;
    private final AssetLayer accessPoints;
    private final AssetLayer schools;
    private final TagLayer tags;
    private final ZoneLayer zones;
    private final Clock clock;
    /** The warnings in force when the zones were last drawn for a change of time. */
    private List<Warning> inForceDrawn = List.of();
    private final AlarmLayer alarms = new AlarmLayer();
    private final org.haechi.map.layer.DrawLayer drawn = new org.haechi.map.layer.DrawLayer();
    private final BasemapLayer basemap;
    /** Shortest time between two redraws of the alarm layer caused by new alarms. */
    static final long ALARM_REDRAW_NANOS = java.util.concurrent.TimeUnit.MILLISECONDS.toNanos(400);
    private List<Alarm> alarmsToShow = List.of();
    private final org.haechi.app.Throttle alarmRedraw = new org.haechi.app.Throttle(ALARM_REDRAW_NANOS,
            System::nanoTime, () -> alarms.setAlarms(alarmsToShow));
    private final javafx.animation.AnimationTimer alarmRedrawPoll = alarmRedraw.pulsePoller();

    public ConsoleMap(boolean korean, Clock clock) throws IOException {
        view.setId("map");
        this.clock = clock;
        zones = new ZoneLayer(clock);
        tags = new TagLayer(60, clock);
        cameras = new AssetLayer("cameras", AssetKind.CAMERA, Color.web("#4da3ff"), 3, worker);
        accessPoints = new AssetLayer("access points", AssetKind.ACCESS_POINT, Color.web("#42d392"), 6, worker);
        schools = new AssetLayer("schools", AssetKind.SCHOOL, Color.web("#f2c14e"), 25, worker);
        basemap = BasemapLayer.seoul(korean);
        view.addLayer(basemap);
        view.addLayer(zones);
        view.addLayer(schools);
        view.addLayer(accessPoints);
        view.addLayer(cameras);
        view.addLayer(tags);
        view.addLayer(alarms);
        view.addLayer(drawn);
        alarmRedrawPoll.start();
    }

    /** Adds (or replaces) an imported layer under the basemap's other layers' names. FX thread. */
    public void addImportedLayer(String name, List<org.haechi.map.importer.ImportedFeature> features) {
        String layerName = "imported: " + name;
        view.layers().removeIf(e -> e.layer().name().equals(layerName));
        var layer = new org.haechi.map.layer.FeatureLayer(layerName, javafx.scene.paint.Color.web("#c792ea"),
                features);
        view.addLayer(layer);
        // Keep imported layers above the basemap and below the live ones: move it after the zones.
        var entry = view.layers().remove(view.layers().size() - 1);
        view.layers().add(2, entry);
        view.requestRepaint();
    }

    public org.haechi.map.layer.DrawLayer drawLayer() {
        return drawn;
    }

    /** Places to search, from the basemap and the assets known now. FX thread. */
    public PlaceIndex places() {
        return PlaceIndex.build(basemap, assets.values());
    }

    /**
     * The tagged people, cameras, schools and access points inside a zone, as clickable features, people first: a
     * list cut for length must not lose them behind thousands of access points. A tag whose last fix is older than
     * {@link TagLayer#STALE_AFTER} is of kind TAG_STALE: it was inside, it may not be now. Asked on the FX thread,
     * worked out on the map's worker (a city-wide zone holds tens of thousands of assets), handed to {@code result}
     * on the FX thread, or why not to {@code failed}.
     */
    public void contentsOf(org.haechi.map.query.ZoneContents zone,
                           java.util.function.Consumer<List<org.haechi.map.view.MapFeature>> result,
                           java.util.function.Consumer<String> failed) {
        ZoneCount.onWorker(worker, () -> List.of(zone), tags.latest(), indexes(), clock.instant(), result, failed);
    }

    /**
     * What is inside a warning's areas (its polygons and circles; an area given only by geocodes has no shape and
     * holds nothing here), each feature once, people first, as for a drawn zone.
     */
    public void contentsOf(Warning warning, java.util.function.Consumer<List<org.haechi.map.view.MapFeature>> result,
                           java.util.function.Consumer<String> failed) {
        ZoneCount.onWorker(worker, () -> ZoneCount.shapesOf(warning), tags.latest(), indexes(), clock.instant(),
                result, failed);
    }

    /** The asset indexes as they are now, cameras, schools, access points. FX thread. */
    private List<org.haechi.map.layer.PointIndex> indexes() {
        return List.of(cameras.index(), schools.index(), accessPoints.index());
    }

    public MapView view() {
        return view;
    }

    /** Records new or changed assets; any thread. */
    public void putAssets(Collection<Asset> changed) {
        for (Asset a : changed) {
            assets.put(a.id(), a);
            if (a.kind() == AssetKind.CAMERA && a.hasStream()) {
                streamed.put(a.id(), a);
            } else {
                streamed.remove(a.id()); // an update without a stream clears it (WIRE.md: an omitted field is cleared)
            }
        }
        assetsChanged.set(true);
    }

    /** FX thread, about once a second: rebuilds the asset layers' indexes (off the FX thread) if assets changed. */
    public void flushAssets() {
        if (assetsChanged.getAndSet(false)) {
            List<Asset> snapshot = new ArrayList<>(assets.values());
            cameras.setAssets(snapshot);
            accessPoints.setAssets(snapshot);
            schools.setAssets(snapshot);
        }
    }

    public int assetCount() {
        return assets.size();
    }

    /** The camera with a stream of that id, or null. Any thread. */
    public Asset camera(String id) {
        return streamed.get(id);
    }

    public Collection<Asset> streamedCameras() {
        return streamed.values();
    }

    /** Cameras that can see {@code p} (field of view and range), nearest first. FX thread. */
    public List<Asset> camerasSeeing(org.haechi.core.geo.GeoPoint p) {
        return org.haechi.map.query.CameraVisibility.camerasSeeing(p, cameras.index()).stream()
                .map(org.haechi.map.query.CameraVisibility.Sighting::camera).toList();
    }

    /**
     * The cameras to put on the wall for a point: those with a stream that can see it, nearest first, then the
     * nearest other cameras with a stream. FX thread.
     */
    public List<Asset> wallCamerasFor(org.haechi.core.geo.GeoPoint p, int count) {
        java.util.LinkedHashMap<String, Asset> chosen = new java.util.LinkedHashMap<>();
        camerasSeeing(p).stream().filter(Asset::hasStream).limit(count).forEach(a -> chosen.put(a.id(), a));
        streamed.values().stream()
                .sorted(java.util.Comparator.comparingDouble(a -> a.location().distanceMetres(p)))
                .filter(a -> !chosen.containsKey(a.id())).limit(Math.max(0, count - chosen.size()))
                .forEach(a -> chosen.put(a.id(), a));
        return List.copyOf(chosen.values());
    }

    public void addFixes(List<TagPosition> fixes) {
        tags.addFixes(fixes);
    }

    public int tagCount() {
        return tags.size();
    }

    public void applyWarnings(List<Warning> warnings) {
        zones.apply(warnings);
    }

    /** The live warnings in force now, with or without a shape on the map. FX thread. */
    public List<Warning> warningsInForce() {
        List<Warning> now = zones.active();
        if (!now.equals(inForceDrawn)) {
            inForceDrawn = now;
            zones.redraw(); // one began or ended with the clock: the map follows the list
        }
        return now;
    }

    /** Centres the map on a point, no closer than it is now or 20 m a pixel. FX thread. */
    public void centreOn(GeoPoint p) {
        view.centreOn(p, Math.max(view.viewport().resolution(), 20));
    }

    /**
     * Shows these open alarms (queue order) on the map. During a storm the alarm layer is redrawn at most
     * {@code 1 / ALARM_REDRAW} times a second, with the list's content at that moment; the last change is always
     * drawn. FX thread.
     */
    public void showAlarms(List<Alarm> open) {
        alarmsToShow = open;
        alarmRedraw.request();
    }

    /**
     * Draws {@code samples} in place of the alarms, at once (no throttle), for the start-up warm-up's off-screen
     * renderings, until {@link #drawAlarmsAgain()}. FX thread.
     */
    public void drawMeanwhile(List<Alarm> samples) {
        alarms.setAlarms(samples);
        view.paintNow();
    }

    /** Ends {@link #drawMeanwhile(List)}: draws the alarms shown before it again, at once. FX thread. */
    public void drawAlarmsAgain() {
        drawMeanwhile(alarmsToShow);
    }

    /** Centres on an alarm and rings it. */
    public void focus(Alarm alarm) {
        alarms.setSelected(alarm == null ? null : alarm.id());
        if (alarm != null && alarm.location() != null) {
            view.centreOn(alarm.location(), Math.min(view.viewport().resolution(), 4));
        }
    }

    @Override
    public void close() {
        alarmRedrawPoll.stop();
        worker.shutdownNow();
    }
}
