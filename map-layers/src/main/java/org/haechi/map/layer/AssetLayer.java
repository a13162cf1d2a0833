package org.haechi.map.layer;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import javafx.application.Platform;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.shape.ArcType;
import javafx.scene.text.TextAlignment;
import org.haechi.core.asset.Asset;
import org.haechi.core.asset.AssetKind;
import org.haechi.core.asset.AssetStatus;
import org.haechi.map.view.MapFeature;
import org.haechi.map.view.MapFonts;
import org.haechi.map.view.MapLayer;
import org.haechi.map.view.Viewport;
import org.haechi.map.view.WebMercator;

/**
 * Assets of one kind (cameras, access points, schools): clustered with counts when zoomed out, one cheap marker each
 * when zoomed in; camera fields of view and school protection zones at street zoom. The index is rebuilt on the
 * map worker and swapped in on the FX thread.
 */
public final class AssetLayer implements MapLayer {
    private static final double CLUSTER_CELL_PX = 56;
    private final String name;
    private final AssetKind kind;
    private final Color colour;
    private final double clusterAbove;
    private final Executor worker;
    private final GridClusters clusters = new GridClusters();
    private final GridClusters hitClusters = new GridClusters();
    /** The viewport {@link #clusters} were last computed for while drawing, or null. */
    private Viewport clustersDrawnFor;
    private final java.util.concurrent.atomic.AtomicReference<List<Asset>> pending =
            new java.util.concurrent.atomic.AtomicReference<>();
    private PointIndex index = new PointIndex(List.of());
    private Runnable repaint = () -> { };

    /**
     * @param clusterAbove resolution (metres per pixel) above which points are clustered
     * @param worker       where indexes are built (not the FX thread)
     */
    public AssetLayer(String name, AssetKind kind, Color colour, double clusterAbove, Executor worker) {
        this.name = name;
        this.kind = kind;
        this.colour = colour;
        this.clusterAbove = clusterAbove;
        this.worker = worker;
    }

    @Override
    public void attach(Runnable repaintRequest) {
        this.repaint = repaintRequest;
    }

    /**
     * Replaces the layer's assets (those of its kind are kept). Any thread; the swap happens on the FX thread.
     * Calls faster than the worker builds coalesce: only the latest list is indexed.
     */
    public void setAssets(List<Asset> assets) {
        if (pending.getAndSet(assets) != null) {
            return;
        }
        worker.execute(() -> {
            List<Asset> latest = pending.getAndSet(null);
            PointIndex built = new PointIndex(latest.stream().filter(a -> a.kind() == kind).toList());
            Platform.runLater(() -> {
                index = built;
                clustersDrawnFor = null;
                repaint.run();
            });
        });
    }

    /** The current index. FX thread. */
    public PointIndex index() {
        return index;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Color legendColour() {
        return colour;
    }

    @Override
    public void draw(GraphicsContext g, Viewport v) {
        if (v.resolution() > clusterAbove) {
            drawClusters(g, v);
        } else {
            drawMarkers(g, v);
        }
    }

    private void drawClusters(GraphicsContext g, Viewport v) {
        clusters.compute(index.xs(), index.ys(), v, CLUSTER_CELL_PX);
        clustersDrawnFor = v;
        g.setTextAlign(TextAlignment.CENTER);
        g.setFont(MapFonts.bold(11));
        for (int c = 0; c < clusters.clusterCount(); c++) {
            int n = clusters.count(c);
            double x = clusters.screenX(c);
            double y = clusters.screenY(c);
            if (n == 1) {
                g.setFill(colour);
                g.fillRect(x - 3, y - 3, 6, 6);
                continue;
            }
            double r = Math.min(24, 7 + 3.2 * Math.log10(n) * 2);
            g.setFill(colour.deriveColor(0, 1, 1, 0.78));
            g.fillOval(x - r, y - r, 2 * r, 2 * r);
            g.setFill(Color.WHITE);
            g.fillText(n >= 10_000 ? (n / 1000) + "k" : Integer.toString(n), x, y + 4);
        }
    }

    private void drawMarkers(GraphicsContext g, Viewport v) {
        List<Integer> visible = index.query(v.minX(), v.minY(), v.maxX(), v.maxY());
        if (kind == AssetKind.CAMERA && v.resolution() < 2.5) {
            drawFieldsOfView(g, v, visible);
        }
        if (kind == AssetKind.SCHOOL && v.resolution() < 30) {
            drawProtectionZones(g, v, visible);
        }
        for (int i : visible) {
            Asset a = index.asset(i);
            g.setFill(markerColour(a));
            double x = v.screenX(index.x(i));
            double y = v.screenY(index.y(i));
            double s = kind == AssetKind.SCHOOL ? 9 : 6;
            g.fillRect(x - s / 2, y - s / 2, s, s);
            if (a.hasStream()) {
                g.setStroke(Color.WHITE);
                g.setLineWidth(1.5);
                g.strokeRect(x - s / 2 - 2, y - s / 2 - 2, s + 4, s + 4);
            }
        }
    }

    private Color markerColour(Asset a) {
        if (a.status() == AssetStatus.OFFLINE) {
            return Color.web("#e04848");
        }
        return a.isSynthetic() ? colour.deriveColor(0, 0.6, 0.85, 1) : colour;
    }

    private void drawFieldsOfView(GraphicsContext g, Viewport v, List<Integer> visible) {
        g.setFill(colour.deriveColor(0, 1, 1, 0.18));
        for (int i : visible) {
            Asset a = index.asset(i);
            if (!a.hasFieldOfView()) {
                continue;
            }
            double r = a.rangeM() * WebMercator.scale(a.location().lat()) / v.resolution();
            double x = v.screenX(index.x(i));
            double y = v.screenY(index.y(i));
            // JavaFX arcs: 0 degrees is east, counter-clockwise; compass headings are from north, clockwise.
            double start = 90 - a.headingDeg() - a.fovDeg() / 2;
            g.fillArc(x - r, y - r, 2 * r, 2 * r, start, Math.min(360, a.fovDeg()), ArcType.ROUND);
        }
    }

    private void drawProtectionZones(GraphicsContext g, Viewport v, List<Integer> visible) {
        g.setFill(Color.web("#f2c14e", 0.12));
        g.setStroke(Color.web("#f2c14e", 0.6));
        g.setLineWidth(1);
        for (int i : visible) {
            Asset a = index.asset(i);
            double metres = Double.parseDouble(a.attributes().getOrDefault("protectionZoneM", "300"));
            double r = metres * WebMercator.scale(a.location().lat()) / v.resolution();
            double x = v.screenX(index.x(i));
            double y = v.screenY(index.y(i));
            g.fillOval(x - r, y - r, 2 * r, 2 * r);
            g.strokeOval(x - r, y - r, 2 * r, 2 * r);
        }
    }

    @Override
    public Optional<MapFeature> hit(Viewport v, double sx, double sy) {
        if (v.resolution() > clusterAbove) {
            return hitCluster(v, sx, sy);
        }
        double r = 8 * v.resolution();
        double x = v.worldX(sx);
        double y = v.worldY(sy);
        int i = index.nearest(x, y, r);
        if (i < 0) {
            return Optional.empty();
        }
        // Markers on the same spot (several cameras at one site) cannot be split by zooming: list them all.
        List<Integer> here = index.query(index.x(i) - r / 4, index.y(i) - r / 4, index.x(i) + r / 4,
                index.y(i) + r / 4);
        return Optional.of(here.size() > 1 ? members(here) : feature(index.asset(i)));
    }

    private MapFeature members(List<Integer> here) {
        Map<String, String> d = new LinkedHashMap<>();
        here.stream().limit(50).forEach(j -> d.put(index.asset(j).id(), String.valueOf(index.asset(j).name())));
        if (here.size() > 50) {
            d.put("...", (here.size() - 50) + " more");
        }
        Asset first = index.asset(here.get(0));
        return new MapFeature(name, "members:" + first.id(), here.size() + " " + name + " at this spot", d,
                first.location().lat(), first.location().lon());
    }

    /**
     * Clusters under a click: those on screen (computed while drawing, in the drawn canvas's coordinates) when the
     * click is on what was drawn, else computed afresh for the click's view.
     */
    private Optional<MapFeature> hitCluster(Viewport v, double sx, double sy) {
        GridClusters found = hitClusters;
        Viewport space = v;
        double x = sx;
        double y = sy;
        Viewport drawn = clustersDrawnFor;
        if (drawn != null && drawn.resolution() == v.resolution()) {
            found = clusters;
            space = drawn;
            x = drawn.screenX(v.worldX(sx));
            y = drawn.screenY(v.worldY(sy));
        } else {
            hitClusters.compute(index.xs(), index.ys(), v, CLUSTER_CELL_PX);
        }
        for (int c = 0; c < found.clusterCount(); c++) {
            double dx = found.screenX(c) - x;
            double dy = found.screenY(c) - y;
            if (dx * dx + dy * dy <= 20 * 20) {
                int n = found.count(c);
                if (n == 1) {
                    return Optional.of(feature(index.asset(found.firstMember(c))));
                }
                return Optional.of(new MapFeature(name, "cluster:" + name, n + " " + name,
                        Map.of("count", Integer.toString(n)), WebMercator.lat(space.worldY(found.screenY(c))),
                        WebMercator.lon(space.worldX(found.screenX(c)))));
            }
        }
        return Optional.empty();
    }

    /** The details an operator sees for an asset. */
    public static MapFeature feature(Asset a) {
        Map<String, String> d = new LinkedHashMap<>();
        d.put("id", a.id());
        d.put("kind", a.kind().name());
        d.put("status", a.status().name());
        if (a.isSynthetic()) {
            d.put("synthetic", "yes: generated stand-in, not a real site");
        }
        if (a.hasStream()) {
            d.put("stream", a.streamUrl());
        }
        if (a.hasFieldOfView()) {
            d.put("field of view", String.format("heading %.0f°, %.0f°, %.0f m", a.headingDeg(), a.fovDeg(),
                    a.rangeM()));
        }
        d.put("position", String.format("%.6f, %.6f", a.location().lat(), a.location().lon()));
        a.attributes().forEach((k, val) -> {
            if (!k.equals("synthetic") && val != null && !val.isBlank()) {
                d.put(k, val);
            }
        });
        return new MapFeature("asset", a.id(), a.name() == null ? a.id() : a.name(), d, a.location().lat(),
                a.location().lon());
    }
}
