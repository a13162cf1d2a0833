package org.haechi.map.layer;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.TextAlignment;
import org.haechi.core.geo.GeoPoint;
import org.haechi.map.view.MapFonts;
import org.haechi.map.view.MapLayer;
import org.haechi.map.view.Viewport;
import org.haechi.map.view.WebMercator;

/**
 * What the operator draws: the sketch in progress (polygon, circle or measuring line, with a rubber band to the
 * pointer and a label), and the finished zone. FX thread only.
 */
public final class DrawLayer implements MapLayer {
    /** The shapes a sketch can be. */
    public enum Shape { POLYGON, CIRCLE, LINE }

    private final List<GeoPoint> points = new ArrayList<>();
    private Shape shape = Shape.POLYGON;
    private GeoPoint pointer;
    private String label;
    private boolean finished;
    private Runnable repaint = () -> { };

    @Override
    public void attach(Runnable repaintRequest) {
        repaint = repaintRequest;
    }

    @Override
    public boolean dynamic() {
        return true;
    }

    @Override
    public String name() {
        return "drawn zones";
    }

    @Override
    public Color legendColour() {
        return Color.web("#00e5ff");
    }

    /** Shows a sketch: its shape, points, pointer (or null) and label (or null). */
    public void show(Shape newShape, List<GeoPoint> newPoints, GeoPoint newPointer, String newLabel,
                     boolean isFinished) {
        shape = newShape;
        points.clear();
        points.addAll(newPoints);
        pointer = newPointer;
        label = newLabel;
        finished = isFinished;
        repaint.run();
    }

    /** The sketch's points as shown now. */
    public List<GeoPoint> points() {
        return List.copyOf(points);
    }

    public void clear() {
        points.clear();
        pointer = null;
        label = null;
        repaint.run();
    }

    @Override
    public void draw(GraphicsContext g, Viewport v) {
        if (points.isEmpty()) {
            return;
        }
        List<GeoPoint> all = new ArrayList<>(points);
        if (pointer != null && !finished) {
            all.add(pointer);
        }
        g.setStroke(Color.web("#00e5ff"));
        g.setFill(Color.web("#00e5ff", 0.15));
        g.setLineWidth(2);
        g.setLineDashes(finished ? null : new double[] {6, 4});
        if (shape == Shape.CIRCLE && all.size() >= 2) {
            GeoPoint c = all.get(0);
            double r = c.distanceMetres(all.get(1)) * WebMercator.scale(c.lat()) / v.resolution();
            double x = sx(v, c);
            double y = sy(v, c);
            g.fillOval(x - r, y - r, 2 * r, 2 * r);
            g.strokeOval(x - r, y - r, 2 * r, 2 * r);
        } else {
            g.beginPath();
            for (int i = 0; i < all.size(); i++) {
                if (i == 0) {
                    g.moveTo(sx(v, all.get(i)), sy(v, all.get(i)));
                } else {
                    g.lineTo(sx(v, all.get(i)), sy(v, all.get(i)));
                }
            }
            if (shape == Shape.POLYGON) {
                g.closePath();
                g.fill();
            }
            g.stroke();
        }
        g.setLineDashes(null);
        g.setFill(Color.web("#00e5ff"));
        for (GeoPoint p : points) {
            g.fillRect(sx(v, p) - 3, sy(v, p) - 3, 6, 6);
        }
        if (label != null) {
            GeoPoint at = all.get(all.size() - 1);
            g.setFont(MapFonts.bold(13));
            g.setTextAlign(TextAlignment.LEFT);
            g.setFill(Color.BLACK);
            g.fillText(label, sx(v, at) + 11, sy(v, at) - 9);
            g.setFill(Color.WHITE);
            g.fillText(label, sx(v, at) + 10, sy(v, at) - 10);
        }
    }

    private static double sx(Viewport v, GeoPoint p) {
        return v.screenX(WebMercator.x(p.lon()));
    }

    private static double sy(Viewport v, GeoPoint p) {
        return v.screenY(WebMercator.y(p.lat()));
    }
}
