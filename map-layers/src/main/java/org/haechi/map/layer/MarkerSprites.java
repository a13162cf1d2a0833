package org.haechi.map.layer;

import java.util.HashMap;
import java.util.Map;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.Image;
import javafx.scene.image.PixelWriter;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;

/**
 * Ring markers rasterised once per look (colour, radius) and then copied: the software renderer (no GPU, e.g. a
 * virtual display) spends milliseconds on each anti-aliased oval, but copying a small image costs microseconds, so
 * hundreds of markers no longer hold up a frame. The sprite is computed here, pixel by pixel (a filled disc with an
 * anti-aliased edge and a white ring), rather than drawn on a canvas and snapshotted: a snapshot makes the FX thread
 * wait for the render thread, 40-80 ms each while an alarm storm keeps both busy. FX thread only.
 */
final class MarkerSprites {
    static final double STROKE = 1.5;
    private final Map<Look, Image> cache = new HashMap<>();

    private record Look(Color fill, double r) {
    }

    /** Draws a filled ring of radius {@code r} centred on (x, y), as {@code fillOval} + white {@code strokeOval}. */
    void draw(GraphicsContext g, Color fill, double r, double x, double y) {
        Image sprite = cache.computeIfAbsent(new Look(fill, r), k -> render(fill, r));
        double half = sprite.getWidth() / 2;
        g.drawImage(sprite, Math.round(x - half), Math.round(y - half));
    }

    static Image render(Color fill, double r) {
        int size = (int) Math.ceil(2 * r + 2 * STROKE);
        WritableImage image = new WritableImage(size, size);
        PixelWriter out = image.getPixelWriter();
        for (int py = 0; py < size; py++) {
            for (int px = 0; px < size; px++) {
                out.setArgb(px, py, pixel(fill, r, size / 2.0, px, py));
            }
        }
        return image;
    }

    /**
     * The sprite's pixel (px, py) as non-premultiplied ARGB: the fill covers the disc of radius {@code r} about
     * ({@code centre}, {@code centre}), the white stroke a band {@value #STROKE} px wide on its edge, over it; each
     * weighted by how much of the pixel it covers (one pixel of anti-aliasing).
     */
    static int pixel(Color fill, double r, double centre, int px, int py) {
        double d = Math.hypot(px + 0.5 - centre, py + 0.5 - centre);
        double fillCover = clamp(r - d + 0.5);
        double strokeCover = clamp(STROKE / 2 - Math.abs(d - r) + 0.5);
        double fa = fill.getOpacity() * fillCover;
        double a = strokeCover + fa * (1 - strokeCover);
        if (a <= 0) {
            return 0;
        }
        double red = (strokeCover + fill.getRed() * fa * (1 - strokeCover)) / a;
        double green = (strokeCover + fill.getGreen() * fa * (1 - strokeCover)) / a;
        double blue = (strokeCover + fill.getBlue() * fa * (1 - strokeCover)) / a;
        return channel(a) << 24 | channel(red) << 16 | channel(green) << 8 | channel(blue);
    }

    private static double clamp(double v) {
        return Math.max(0, Math.min(1, v));
    }

    private static int channel(double v) {
        return (int) Math.round(clamp(v) * 255);
    }
}
