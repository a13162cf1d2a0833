package org.haechi.map.layer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
    private List<Alarm> alarms = List.of();
    private String selectedId;
    private Runnable repaint = () -> { };
    private final MarkerSprites sprites = new MarkerSprites();

    @Override
    public void attach(Runnable repaintRequest) {
        repaint = repaintRequest;
    }

    /** Replaces the alarms shown. FX thread. */
    public void setAlarms(List<Alarm> open) {
        alarms = new ArrayList<>(open.stream().filter(a -> a.location() != null).toList());
        repaint.run();
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

    static Color colour(Severity s) {
        return switch (s) {
            case CRITICAL -> Color.web("#ff3b3b");
            case HIGH -> Color.web("#ff8c2e");
            case MEDIUM -> Color.web("#ffd23f");
            case LOW -> Color.web("#7fb7ff");
        };
    }

    @Override
    public void draw(GraphicsContext g, Viewport v) {
        boolean flashOn = (System.currentTimeMillis() / 500) % 2 == 0;
        for (int i = alarms.size() - 1; i >= DETAILED; i--) {
            Alarm a = alarms.get(i);
            g.setFill(colour(a.severity()));
            // Whole pixels: the renderer fills an aligned rectangle without anti-aliasing work.
            g.fillRect(Math.round(v.screenX(WebMercator.x(a.location().lon()))) - 2,
                    Math.round(v.screenY(WebMercator.y(a.location().lat()))) - 2, 4, 4);
        }
        for (int i = Math.min(alarms.size(), DETAILED) - 1; i >= 0; i--) {
            Alarm a = alarms.get(i);
            double x = v.screenX(WebMercator.x(a.location().lon()));
            double y = v.screenY(WebMercator.y(a.location().lat()));
            if (x < -20 || y < -20 || x > v.width() + 20 || y > v.height() + 20) {
                continue;
            }
            Color c = colour(a.severity());
            boolean fresh = a.state() == AlarmState.NEW;
            double r = fresh && flashOn ? 11 : 8;
            sprites.draw(g, c.deriveColor(0, 1, 1, fresh ? 0.9 : 0.5), r, x, y);
            if (a.id().equals(selectedId)) {
                g.setStroke(Color.web("#00e5ff"));
                g.setLineWidth(3);
                g.strokeOval(x - 18, y - 18, 36, 36);
            }
        }
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
