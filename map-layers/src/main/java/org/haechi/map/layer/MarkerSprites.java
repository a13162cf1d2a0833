package org.haechi.map.layer;

import java.util.HashMap;
import java.util.Map;
import javafx.scene.SnapshotParameters;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.Image;
import javafx.scene.paint.Color;

/**
 * Ring markers rasterised once per look (colour, radius) and then copied: the software renderer (no GPU, e.g. a
 * virtual display) spends milliseconds on each anti-aliased oval, but copying a small image costs microseconds, so
 * hundreds of markers no longer hold up a frame. FX thread only (snapshots).
 */
final class MarkerSprites {
    private static final double STROKE = 1.5;
    private final Map<String, Image> cache = new HashMap<>();

    /** Draws a filled ring of radius {@code r} centred on (x, y), as {@code fillOval} + white {@code strokeOval}. */
    void draw(GraphicsContext g, Color fill, double r, double x, double y) {
        Image sprite = cache.computeIfAbsent(fill + "/" + r, k -> render(fill, r));
        double half = sprite.getWidth() / 2;
        g.drawImage(sprite, Math.round(x - half), Math.round(y - half));
    }

    private static Image render(Color fill, double r) {
        double size = Math.ceil(2 * r + 2 * STROKE);
        Canvas c = new Canvas(size, size);
        GraphicsContext g = c.getGraphicsContext2D();
        double centre = size / 2;
        g.setFill(fill);
        g.fillOval(centre - r, centre - r, 2 * r, 2 * r);
        g.setStroke(Color.WHITE);
        g.setLineWidth(STROKE);
        g.strokeOval(centre - r, centre - r, 2 * r, 2 * r);
        SnapshotParameters transparent = new SnapshotParameters();
        transparent.setFill(Color.TRANSPARENT);
        return c.snapshot(transparent, null);
    }
}
