package org.haechi.map.layer;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import org.haechi.core.alarm.Alarm;
import org.haechi.core.alarm.AlarmState;
import org.haechi.core.alarm.Severity;
import org.haechi.map.view.MapFeature;
import org.haechi.map.view.MapLayer;
import org.haechi.map.view.Viewport;
import org.haechi.map.view.WebMercator;

/**
 * Open alarms with a location: new ones flash until acknowledged; the selected one is ringed. In a storm only the
 * most urgent {@value #DETAILED} are drawn as flashing rings; the rest are small squares, so a burst of thousands
 * cannot stall the render thread. Alarms are given in queue order (most urgent first). FX thread only.
 */
public final class AlarmLayer implements MapLayer {
    static final int DETAILED = 300;
    static final long FLASH_MS = 500;
    private List<Alarm> alarms = List.of();
    private String selectedId;
    private Runnable repaint = () -> { };
    private final MarkerSprites sprites = new MarkerSprites();

    @Override
    public void attach(Runnable repaintRequest) {
        repaint = repaintRequest;
    }

    /**
     * Replaces the alarms shown. While new alarms flash, the map redraws this layer twice a second anyway
     * ({@link #animated()}), so the change is drawn by the next of those redraws (within half a second) rather than
     * by one more; otherwise at once. FX thread.
     */
    public void setAlarms(List<Alarm> open) {
        List<Alarm> located = new ArrayList<>(open.size());
        for (Alarm a : open) {
            if (a.location() != null) {
                located.add(a);
            }
        }
        boolean wasAnimated = animated();
        alarms = located;
        if (!(wasAnimated && animated())) {
            repaint.run();
        }
    }

    public void setSelected(String alarmId) {
        selectedId = alarmId;
        repaint.run();
    }

    @Override
    public boolean dynamic() {
        return true;
    }

    @Override
    public String name() {
        return "alarms";
    }

    @Override
    public Color legendColour() {
        return Color.web("#ff3b3b");
    }

    @Override
    public boolean animated() {
        return alarms.stream().limit(DETAILED).anyMatch(a -> a.state() == AlarmState.NEW);
    }

    /** New alarms' rings grow and shrink every {@value #FLASH_MS} ms: the map repaints at that rate, no faster. */
    @Override
    public long animationFrame(long epochMillis) {
        return epochMillis / FLASH_MS;
    }

    private static final Color CRITICAL = Color.web("#ff3b3b");
    private static final Color HIGH = Color.web("#ff8c2e");
    private static final Color MEDIUM = Color.web("#ffd23f");
    private static final Color LOW = Color.web("#7fb7ff");
    /** Ring fills by severity: [severity][0] new (0.9 opacity), [severity][1] handled (0.5). */
    private static final Color[][] RING = new Color[Severity.values().length][];

    static {
        for (Severity s : Severity.values()) {
            RING[s.ordinal()] = new Color[] {colour(s).deriveColor(0, 1, 1, 0.9), colour(s).deriveColor(0, 1, 1, 0.5)};
        }
    }

    static Color colour(Severity s) {
        return switch (s) {
            case CRITICAL -> CRITICAL;
            case HIGH -> HIGH;
            case MEDIUM -> MEDIUM;
            case LOW -> LOW;
        };
    }

    @Override
    public void draw(GraphicsContext g, Viewport v) {
        boolean flashOn = animationFrame(System.currentTimeMillis()) % 2 == 0;
        // The squares are drawn least urgent first, so the most urgent is on top. Where several alarms share a
        // pixel (in a storm many share a place) only the most urgent one's square is drawn: it covers the others
        // exactly (same size, opaque), so the picture is the same. Squares off the canvas are skipped.
        int n = Math.max(0, alarms.size() - DETAILED);
        long[] xs = new long[n];
        long[] ys = new long[n];
        for (int k = 0; k < n; k++) {
            Alarm a = alarms.get(DETAILED + k);
            // Whole pixels: the renderer fills an aligned rectangle without anti-aliasing work.
            xs[k] = Math.round(v.screenX(WebMercator.x(a.location().lon())));
            ys[k] = Math.round(v.screenY(WebMercator.y(a.location().lat())));
        }
        boolean[] top = visibleOnTop(xs, ys, v.width(), v.height());
        Color fill = null;
        for (int k = n - 1; k >= 0; k--) {
            if (!top[k]) {
                continue;
            }
            Color c = colour(alarms.get(DETAILED + k).severity());
            if (c != fill) {
                g.setFill(c);
                fill = c;
            }
            g.fillRect(xs[k] - 2, ys[k] - 2, 4, 4);
        }
        for (int i = Math.min(alarms.size(), DETAILED) - 1; i >= 0; i--) {
            Alarm a = alarms.get(i);
            double x = v.screenX(WebMercator.x(a.location().lon()));
            double y = v.screenY(WebMercator.y(a.location().lat()));
            if (x < -20 || y < -20 || x > v.width() + 20 || y > v.height() + 20) {
                continue;
            }
            boolean fresh = a.state() == AlarmState.NEW;
            double r = fresh && flashOn ? 11 : 8;
            sprites.draw(g, RING[a.severity().ordinal()][fresh ? 0 : 1], r, x, y);
            if (a.id().equals(selectedId)) {
                g.setStroke(Color.web("#00e5ff"));
                g.setLineWidth(3);
                g.strokeOval(x - 18, y - 18, 36, 36);
            }
        }
    }

    /**
     * For squares given most urgent first, at whole pixels: true for those to draw, the first (most urgent) at each
     * pixel and only if it touches the {@code width} x {@code height} canvas.
     */
    static boolean[] visibleOnTop(long[] xs, long[] ys, double width, double height) {
        boolean[] top = new boolean[xs.length];
        Set<Long> taken = new HashSet<>();
        for (int k = 0; k < xs.length; k++) {
            top[k] = xs[k] >= -4 && ys[k] >= -4 && xs[k] <= width + 4 && ys[k] <= height + 4
                    && taken.add((xs[k] & 0xFFFFFFFL) << 32 | (ys[k] & 0xFFFFFFFL));
        }
        return top;
    }

    @Override
    public Optional<MapFeature> hit(Viewport v, double sx, double sy) {
        for (Alarm a : alarms) {
            double x = v.screenX(WebMercator.x(a.location().lon()));
            double y = v.screenY(WebMercator.y(a.location().lat()));
            if (Math.hypot(x - sx, y - sy) <= 10) {
                return Optional.of(new MapFeature("alarm", a.id(), a.title() == null ? a.typeName() : a.title(),
                        Map.of("type", a.typeName(), "severity", a.severity().name(), "state", a.state().name(),
                                "occurred", a.occurredAt().toString()), a.location().lat(), a.location().lon()));
            }
        }
        return Optional.empty();
    }
}
