package org.haechi.app.map;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.haechi.core.geo.GeoPoint;
import org.haechi.map.layer.DrawLayer;
import org.haechi.map.query.ZoneContents;
import org.haechi.map.tool.Measure;
import org.haechi.map.view.MapTool;

/**
 * Drawing on the map: a polygon zone (click the corners, double-click to finish), a circle zone (click the centre,
 * then the edge) or a measuring line (click the points, double-click to finish; the area shows from three points).
 * A finished zone is handed to the listener with its contents query. FX thread only.
 */
public final class ZoneTool implements MapTool {
    /** What the tool draws. */
    public enum Mode { POLYGON, CIRCLE, MEASURE }

    /** A zone the operator finished drawing. */
    public record DrawnZone(String description, List<GeoPoint> outline, ZoneContents contents) {
    }

    private final Mode mode;
    private final DrawLayer layer;
    private final Consumer<DrawnZone> onZone;
    private final java.util.ResourceBundle text;
    private final List<GeoPoint> points = new ArrayList<>();
    private boolean finished;

    /** {@code text}: the operator's language, for the zone's description. */
    public ZoneTool(Mode mode, DrawLayer layer, Consumer<DrawnZone> onZone, java.util.ResourceBundle text) {
        this.mode = mode;
        this.layer = layer;
        this.onZone = onZone;
        this.text = text;
    }

    @Override
    public void click(GeoPoint p, int clickCount) {
        if (finished && clickCount >= 2) {
            return; // the second click of a double-click on a circle's edge: the zone is drawn already
        }
        if (finished) {
            points.clear();
            finished = false;
        }
        if (clickCount >= 2) {
            finish();
            return;
        }
        points.add(p);
        if (mode == Mode.CIRCLE && points.size() == 2) {
            finish();
            return;
        }
        show(null);
    }

    @Override
    public void move(GeoPoint p) {
        if (!finished && !points.isEmpty()) {
            show(p);
        }
    }

    @Override
    public void cancel() {
        points.clear();
        finished = false;
        layer.clear();
    }

    private void finish() {
        if (mode == Mode.POLYGON) {
            // A double-click back on the first corner closes the ring: that corner is not a new one.
            dropRepeatedCorners();
        }
        int needed = mode == Mode.CIRCLE ? 2 : mode == Mode.POLYGON ? 3 : 2;
        if (points.size() < needed) {
            show(null);
            return; // not a zone yet: the operator goes on clicking corners
        }
        finished = true;
        show(null);
        if (mode == Mode.POLYGON) {
            onZone.accept(new DrawnZone(String.format(text.getString("zone.polygon"),
                    Measure.formatArea(Measure.areaSquareMetres(points))),
                    List.copyOf(points), ZoneContents.polygon(points)));
        } else if (mode == Mode.CIRCLE) {
            double radius = points.get(0).distanceMetres(points.get(1));
            onZone.accept(new DrawnZone(String.format(text.getString("zone.circle"), Measure.formatLength(radius)),
                    List.copyOf(points),
                    ZoneContents.circle(points.get(0), radius)));
        }
    }

    /** Removes a corner equal to the one before it, and a last corner equal to the first. */
    private void dropRepeatedCorners() {
        for (int i = points.size() - 1; i > 0; i--) {
            if (points.get(i).equals(points.get(i - 1))) {
                points.remove(i);
            }
        }
        while (points.size() > 1 && points.get(points.size() - 1).equals(points.get(0))) {
            points.remove(points.size() - 1);
        }
    }

    private void show(GeoPoint pointer) {
        List<GeoPoint> all = new ArrayList<>(points);
        if (pointer != null) {
            all.add(pointer);
        }
        DrawLayer.Shape shape = switch (mode) {
            case POLYGON -> DrawLayer.Shape.POLYGON;
            case CIRCLE -> DrawLayer.Shape.CIRCLE;
            case MEASURE -> DrawLayer.Shape.LINE;
        };
        layer.show(shape, points, pointer, label(all), finished);
    }

    /** The measure shown next to the pointer. */
    String label(List<GeoPoint> all) {
        return switch (mode) {
            case POLYGON -> all.size() >= 3 ? Measure.formatArea(Measure.areaSquareMetres(all)) : null;
            case CIRCLE -> all.size() >= 2 ? "r " + Measure.formatLength(all.get(0).distanceMetres(all.get(1)))
                    : null;
            case MEASURE -> all.size() < 2 ? null : Measure.formatLength(Measure.lengthMetres(all))
                    + (all.size() >= 3 ? "  (" + Measure.formatArea(Measure.areaSquareMetres(all)) + ")" : "");
        };
    }
}
