package org.haechi.map.layer;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.TextAlignment;
import org.haechi.core.geo.GeoPoint;
import org.haechi.core.warning.CapReference;
import org.haechi.core.warning.Warning;
import org.haechi.core.warning.WarningArea;
import org.haechi.map.view.MapFeature;
import org.haechi.map.view.MapFonts;
import org.haechi.map.view.MapLayer;
import org.haechi.map.view.Viewport;
import org.haechi.map.view.WebMercator;

/**
 * Disaster zones from CAP warnings in force: polygons and circles coloured by severity, with the headline. An Update
 * or Cancel replaces or withdraws the alerts it references. FX thread only.
 */
public final class ZoneLayer implements MapLayer {
    /** Keyed by sender and identifier: CAP makes an identifier unique only for its sender. */
    private final Map<CapReference, Warning> warnings = new LinkedHashMap<>();
    /**
     * What an Update or Cancel replaced: a copy arriving later stays off the map. The most recent
     * {@value #MAX_REPLACED} are kept: a late copy comes within moments (the cache and the bus feed this layer side by
     * side), and the cache itself refuses a replaced alert at any time.
     */
    private final Set<CapReference> replaced = new LinkedHashSet<>();
    static final int MAX_REPLACED = 10_000;
    private final Clock clock;
    private Runnable repaint = () -> { };
    /**
     * Each shown warning's shapes projected once, and its label's place: a CAP polygon may have tens of thousands of
     * points, and the base layer is drawn at every step of a zoom. Dropped when the warnings change.
     */
    private final Map<Warning, Shapes> shapes = new IdentityHashMap<>();

    public ZoneLayer(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void attach(Runnable repaintRequest) {
        repaint = repaintRequest;
    }

    /** Applies warnings in arrival order. FX thread. */
    public void apply(List<Warning> incoming) {
        for (Warning w : incoming) {
            CapReference self = w.key();
            for (CapReference ref : w.supersedes()) {
                withdraw(ref);
                if (!ref.names(self)) {
                    remember(ref);
                }
            }
            if (replaced.contains(self) || replaced.contains(new CapReference(null, self.identifier()))) {
                continue; // arrived after what replaces it (the cache and the bus feed this layer side by side)
            }
            if ("Cancel".equalsIgnoreCase(w.msgType())) {
                warnings.remove(self);
            } else {
                warnings.put(self, w);
            }
        }
        Set<Warning> kept = Collections.newSetFromMap(new IdentityHashMap<>());
        kept.addAll(warnings.values());
        shapes.keySet().retainAll(kept);
        repaint.run();
    }

    /** Takes off the alerts {@code ref} names: one, or every sender's when the reference did not say its sender. */
    private void withdraw(CapReference ref) {
        if (ref.sender() == null) {
            warnings.keySet().removeIf(ref::names);
        } else {
            warnings.remove(ref);
        }
    }

    private void remember(CapReference ref) {
        replaced.remove(ref); // to the end: the most recent are kept
        replaced.add(ref);
        if (replaced.size() > MAX_REPLACED) {
            replaced.remove(replaced.iterator().next());
        }
    }

    /** Draws the zones again: warnings start and end with the clock, not only when one arrives. FX thread. */
    public void redraw() {
        repaint.run();
    }

    /** Live warnings in force now (not Test or Exercise alerts). FX thread. */
    public List<Warning> active() {
        Instant now = clock.instant();
        return warnings.values().stream().filter(w -> w.isLive() && w.isActiveAt(now)).toList();
    }

    @Override
    public String name() {
        return "disaster zones";
    }

    @Override
    public Color legendColour() {
        return Color.web("#ff8c2e");
    }

    static Color severityColour(String severity) {
        return switch (severity == null ? "" : severity) {
            case "Extreme" -> Color.web("#d6246e");
            case "Severe" -> Color.web("#ff5a36");
            case "Moderate" -> Color.web("#ff9f1c");
            default -> Color.web("#ffd23f");
        };
    }

    @Override
    public void draw(GraphicsContext g, Viewport v) {
        for (Warning w : active()) {
            Color c = severityColour(w.severity());
            g.setFill(c.deriveColor(0, 1, 1, 0.22));
            g.setStroke(c);
            g.setLineWidth(2);
            Shapes drawn = shapes.computeIfAbsent(w, Shapes::of);
            for (Ring ring : drawn.rings()) {
                ring.draw(g, v);
            }
            for (WarningArea a : w.areas()) {
                for (WarningArea.Circle circle : a.circles()) {
                    double r = circle.radiusKm() * 1000 * WebMercator.scale(circle.centre().lat()) / v.resolution();
                    double x = v.screenX(WebMercator.x(circle.centre().lon()));
                    double y = v.screenY(WebMercator.y(circle.centre().lat()));
                    g.fillOval(x - r, y - r, 2 * r, 2 * r);
                    g.strokeOval(x - r, y - r, 2 * r, 2 * r);
                }
            }
            drawn.label().ifPresent(p -> {
                g.setFill(c.brighter());
                g.setFont(MapFonts.bold(12));
                g.setTextAlign(TextAlignment.CENTER);
                g.fillText(w.event(), v.screenX(WebMercator.x(p.lon())), v.screenY(WebMercator.y(p.lat())));
            });
        }
    }

    /** Tests: how many warnings' projections are kept. */
    int shapesKept() {
        return shapes.size();
    }

    /** The benchmark's baseline: every draw projects every corner and places the label again, as before. */
    void forgetShapes() {
        shapes.clear();
    }

    /** A warning's polygons in Web Mercator, and where its label goes. */
    private record Shapes(List<Ring> rings, Optional<GeoPoint> label) {
        static Shapes of(Warning w) {
            List<Ring> rings = new ArrayList<>();
            w.areas().forEach(a -> a.polygons().forEach(p -> rings.add(Ring.of(p))));
            return new Shapes(rings, labelOf(w));
        }
    }

    /** One polygon's ring projected, with its extent. */
    private record Ring(double[] xs, double[] ys, double minX, double minY, double maxX, double maxY) {
        static Ring of(List<GeoPoint> points) {
            double[] xs = new double[points.size()];
            double[] ys = new double[points.size()];
            double minX = Double.POSITIVE_INFINITY;
            double minY = Double.POSITIVE_INFINITY;
            double maxX = Double.NEGATIVE_INFINITY;
            double maxY = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < xs.length; i++) {
                xs[i] = WebMercator.x(points.get(i).lon());
                ys[i] = WebMercator.y(points.get(i).lat());
                minX = Math.min(minX, xs[i]);
                minY = Math.min(minY, ys[i]);
                maxX = Math.max(maxX, xs[i]);
                maxY = Math.max(maxY, ys[i]);
            }
            return new Ring(xs, ys, minX, minY, maxX, maxY);
        }

        /**
         * Draws the ring unless it lies outside the view; a corner within half a pixel of the last one drawn is left
         * out (thousands of corners may share a pixel zoomed out), the last corner never.
         */
        void draw(GraphicsContext g, Viewport v) {
            if (xs.length == 0 || maxX < v.minX() || minX > v.maxX() || maxY < v.minY() || minY > v.maxY()) {
                return;
            }
            g.beginPath();
            double lastX = v.screenX(xs[0]);
            double lastY = v.screenY(ys[0]);
            g.moveTo(lastX, lastY);
            for (int i = 1; i < xs.length; i++) {
                double x = v.screenX(xs[i]);
                double y = v.screenY(ys[i]);
                if (i < xs.length - 1 && Math.abs(x - lastX) < 0.5 && Math.abs(y - lastY) < 0.5) {
                    continue;
                }
                g.lineTo(x, y);
                lastX = x;
                lastY = y;
            }
            g.closePath();
            g.fill();
            g.stroke();
        }
    }

    private static Optional<GeoPoint> labelOf(Warning w) {
        for (WarningArea a : w.areas()) {
            if (!a.circles().isEmpty()) {
                return Optional.of(a.circles().get(0).centre());
            }
            if (!a.polygons().isEmpty()) {
                org.locationtech.jts.geom.Point c = ZoneGeometry.polygon(a.polygons().get(0)).getInteriorPoint();
                return Optional.of(new GeoPoint(c.getY(), c.getX()));
            }
        }
        return Optional.empty();
    }

    @Override
    public Optional<MapFeature> hit(Viewport v, double sx, double sy) {
        GeoPoint p = new GeoPoint(WebMercator.lat(v.worldY(sy)), WebMercator.lon(v.worldX(sx)));
        for (Warning w : active()) {
            if (ZoneGeometry.contains(w, p)) {
                Map<String, String> d = new LinkedHashMap<>();
                d.put("event", w.event());
                d.put("severity", w.severity());
                d.put("urgency", w.urgency());
                d.put("certainty", w.certainty());
                d.put("valid", w.effective() + " - " + (w.expires() == null ? "open" : w.expires()));
                d.put("instruction", w.instruction());
                d.put("sender", w.sender());
                if (!w.repairs().isEmpty()) {
                    d.put("repaired", String.join("; ", w.repairs()));
                }
                return Optional.of(new MapFeature("zone", w.identifier(), w.headline(), d, p.lat(), p.lon()));
            }
        }
        return Optional.empty();
    }
}
