package org.haechi.app.map;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import javafx.application.Platform;
import org.haechi.core.position.TagPosition;
import org.haechi.core.warning.Warning;
import org.haechi.core.warning.WarningArea;
import org.haechi.map.layer.AssetLayer;
import org.haechi.map.layer.PointIndex;
import org.haechi.map.layer.TagLayer;
import org.haechi.map.query.ZoneContents;
import org.haechi.map.view.MapFeature;

/**
 * Counts who and what is inside zones, off the FX thread: the tagged people first (those not heard from for
 * {@link TagLayer#STALE_AFTER} apart, as TAG_STALE), then cameras, schools and access points, each feature once.
 * Stateless.
 */
final class ZoneCount {
    private static final Logger LOG = Logger.getLogger(ZoneCount.class.getName());

    private ZoneCount() {
    }

    /**
     * On {@code worker}: what the shapes hold, from the tags and indexes as they were when asked; then, on the FX
     * thread, the list to {@code result}, or why not to {@code failed}.
     */
    static void onWorker(Executor worker, Supplier<List<ZoneContents>> shapes, List<TagPosition> latest,
                         List<PointIndex> indexes, Instant now, Consumer<List<MapFeature>> result,
                         Consumer<String> failed) {
        try {
            worker.execute(() -> {
                try {
                    Map<String, MapFeature> inside = new LinkedHashMap<>();
                    for (ZoneContents shape : shapes.get()) {
                        contents(shape, latest, indexes, now).forEach(f -> inside.putIfAbsent(f.layer() + ":" + f.id(),
                                f));
                    }
                    List<MapFeature> items = new ArrayList<>(inside.values());
                    items.sort(Comparator.comparingInt(f -> kindRank(ZoneContentsView.kindOf(f))));
                    Platform.runLater(() -> result.accept(items));
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "zone contents not worked out", e);
                    Platform.runLater(() -> failed.accept(String.valueOf(e)));
                }
            });
        } catch (RejectedExecutionException closing) {
            failed.accept("the map is closing");
        }
    }

    /** A warning's polygons and circles as zones (an area with only geocodes has none). */
    static List<ZoneContents> shapesOf(Warning w) {
        List<ZoneContents> shapes = new ArrayList<>();
        for (WarningArea a : w.areas()) {
            a.polygons().forEach(ring -> shapes.add(ZoneContents.polygon(ring)));
            a.circles().forEach(c -> shapes.add(ZoneContents.circle(c.centre(), c.radiusKm() * 1000)));
        }
        return shapes;
    }

    private static int kindRank(String kind) {
        int i = ZoneContentsView.KINDS.indexOf(kind);
        return i < 0 ? ZoneContentsView.KINDS.size() : i;
    }

    private static List<MapFeature> contents(ZoneContents zone, List<TagPosition> latest, List<PointIndex> indexes,
                                             Instant now) {
        List<MapFeature> out = new ArrayList<>();
        Instant staleBefore = now.minus(TagLayer.STALE_AFTER);
        List<TagPosition> inside = zone.tagsIn(latest);
        for (boolean stale : new boolean[] {false, true}) {
            for (TagPosition t : inside) {
                if (t.fixAt().isBefore(staleBefore) == stale) {
                    out.add(new MapFeature("tag", t.personId(), "Tagged person " + t.personId(), Map.of("kind",
                            stale ? "TAG_STALE" : "TAG", "tag", t.personId(), "fix", t.fixAt().toString()),
                            t.location().lat(), t.location().lon()));
                }
            }
        }
        for (PointIndex index : indexes) {
            zone.assetsIn(index).forEach(a -> out.add(AssetLayer.feature(a)));
        }
        return out;
    }
}
