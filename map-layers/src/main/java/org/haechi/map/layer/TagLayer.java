package org.haechi.map.layer;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import org.haechi.core.position.TagPosition;
import org.haechi.map.view.MapFeature;
import org.haechi.map.view.MapLayer;
import org.haechi.map.view.Viewport;
import org.haechi.map.view.WebMercator;

/**
 * Tagged people: latest position and a bounded trail each. A tag whose last fix is older than {@link #STALE_AFTER}
 * is drawn as a grey ring without its trail: its position is where it was, not where it is. FX thread only.
 */
public final class TagLayer implements MapLayer {
    /** A tag not heard from for this long is drawn as stale. */
    public static final Duration STALE_AFTER = Duration.ofMinutes(10);
    private static final Color STALE = Color.web("#9aa5b1");
    private static final Color TRAIL = Color.web("#ff6fd8", 0.45);
    private final int trailLength;
    private final Clock clock;
    private final Map<String, Track> tracks = new HashMap<>();
    private Runnable repaint = () -> { };

    /** {@code clock}: tells a device clock that is wrong ({@link TagPosition#replaces}). */
    public TagLayer(int trailLength, Clock clock) {
        this.trailLength = trailLength;
        this.clock = clock;
    }

    private static final class Track {
        final ArrayDeque<double[]> trail = new ArrayDeque<>();
        TagPosition last;
    }

    @Override
    public void attach(Runnable repaintRequest) {
        repaint = repaintRequest;
    }

    /**
     * Adds fixes: an older fix than the last known is ignored, unless the last known is far ahead of the clock
     * ({@link TagPosition#replaces}). FX thread.
     */
    public void addFixes(List<TagPosition> fixes) {
        Instant now = clock.instant();
        for (TagPosition p : fixes) {
            Track t = tracks.computeIfAbsent(p.personId(), k -> new Track());
            if (!p.replaces(t.last, now)) {
                continue;
            }
            t.last = p;
            t.trail.addLast(new double[] {WebMercator.x(p.location().lon()), WebMercator.y(p.location().lat())});
            while (t.trail.size() > trailLength) {
                t.trail.removeFirst();
            }
        }
        repaint.run();
    }

    public int size() {
        return tracks.size();
    }

    /** Latest fixes of every tag (for zone queries). FX thread. */
    public List<TagPosition> latest() {
        return tracks.values().stream().map(t -> t.last).toList();
    }

    @Override
    public boolean dynamic() {
        return true;
    }

    @Override
    public String name() {
        return "tags";
    }

    @Override
    public Color legendColour() {
        return Color.web("#ff6fd8");
    }

    @Override
    public void draw(GraphicsContext g, Viewport v) {
        Instant staleBefore = clock.instant().minus(STALE_AFTER);
        boolean trails = v.resolution() < 20;
        // Thousands of tags zoomed out: squares rasterise several times faster than anti-aliased dots.
        boolean cheap = v.resolution() > 5;
        g.setStroke(TRAIL);
        g.setLineWidth(1.5);
        g.setFill(Color.web("#ff6fd8"));
        double minX = v.minX();
        double maxX = v.maxX();
        double minY = v.minY();
        double maxY = v.maxY();
        for (Track t : tracks.values()) {
            double[] head = t.trail.peekLast();
            if (head == null || head[0] < minX || head[0] > maxX || head[1] < minY || head[1] > maxY) {
                continue;
            }
            if (t.last.fixAt().isBefore(staleBefore)) {
                g.setStroke(STALE);
                g.strokeOval(v.screenX(head[0]) - 3.5, v.screenY(head[1]) - 3.5, 7, 7);
                g.setStroke(TRAIL);
                continue;
            }
            if (trails && t.trail.size() > 1) {
                g.beginPath();
                boolean first = true;
                for (double[] p : t.trail) {
                    if (first) {
                        g.moveTo(v.screenX(p[0]), v.screenY(p[1]));
                        first = false;
                    } else {
                        g.lineTo(v.screenX(p[0]), v.screenY(p[1]));
                    }
                }
                g.stroke();
            }
            if (cheap) {
                g.fillRect(v.screenX(head[0]) - 2.5, v.screenY(head[1]) - 2.5, 5, 5);
            } else {
                g.fillOval(v.screenX(head[0]) - 3, v.screenY(head[1]) - 3, 6, 6);
            }
        }
    }

    @Override
    public Optional<MapFeature> hit(Viewport v, double sx, double sy) {
        for (Track t : tracks.values()) {
            double[] head = t.trail.peekLast();
            if (head != null && Math.hypot(v.screenX(head[0]) - sx, v.screenY(head[1]) - sy) <= 6) {
                TagPosition p = t.last;
                boolean stale = p.fixAt().isBefore(clock.instant().minus(STALE_AFTER));
                return Optional.of(new MapFeature("tag", p.personId(), "Tagged person " + p.personId()
                        + (stale ? " (no fix for " + Duration.between(p.fixAt(), clock.instant()).toMinutes()
                        + " min)" : ""),
                        Map.of("tag", p.personId(), "fix", p.fixAt().toString(), "accuracy",
                                String.format("%.0f m", p.accuracyM()), "position",
                                String.format("%.6f, %.6f", p.location().lat(), p.location().lon())),
                        p.location().lat(), p.location().lon()));
            }
        }
        return Optional.empty();
    }
}
