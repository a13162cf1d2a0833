package org.haechi.video;

import java.nio.ByteBuffer;
import java.nio.IntBuffer;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.application.Platform;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelBuffer;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;

/**
 * Shows frames in an ImageView through a PixelBuffer. libvlc's thread copies each frame into a staging buffer; at
 * most one hand-off to the FX thread is pending at a time, so frames the FX thread has not shown yet are dropped,
 * and the image is only ever touched on the FX thread. The requested size follows the tile, so libvlc scales.
 */
final class FxFrameSurface implements FrameSink {
    private final ImageView view;
    private final AtomicBoolean handOffPending = new AtomicBoolean();
    private final Object lock = new Object();
    private volatile double boxWidth = 640;
    private volatile double boxHeight = 360;
    private volatile double aspect = Double.NaN;
    private int[] staging = new int[0];
    private int stagingWidth;
    private int stagingHeight;
    private PixelBuffer<IntBuffer> pixels;

    FxFrameSurface(ImageView view) {
        this.view = view;
    }

    /** FX thread: the tile's size, used for scaling and for fitting the picture at its true aspect. */
    void setBox(double width, double height) {
        boxWidth = Math.max(64, width);
        boxHeight = Math.max(36, height);
        fit();
    }

    @Override
    public void displayAspect(double displayAspect) {
        aspect = displayAspect;
        Platform.runLater(this::fit);
    }

    private void fit() {
        double a = aspect;
        if (!Double.isFinite(a) || a <= 0) {
            view.setPreserveRatio(true);
            view.setFitWidth(boxWidth);
            view.setFitHeight(boxHeight);
            return;
        }
        view.setPreserveRatio(false);
        double w = Math.min(boxWidth, boxHeight * a);
        view.setFitWidth(w);
        view.setFitHeight(w / a);
    }

    @Override
    public int[] targetSize(int sourceWidth, int sourceHeight) {
        double scale = Math.min(1.0, Math.min(boxWidth / sourceWidth, boxHeight / sourceHeight));
        int w = Math.max(2, (int) Math.round(sourceWidth * scale)) & ~1;
        int h = Math.max(2, (int) Math.round(sourceHeight * scale)) & ~1;
        return new int[] {w, h};
    }

    @Override
    public void frame(ByteBuffer bgra, int width, int height) {
        synchronized (lock) {
            if (staging.length != width * height) {
                staging = new int[width * height];
            }
            stagingWidth = width;
            stagingHeight = height;
            bgra.asIntBuffer().get(0, staging, 0, width * height);
        }
        if (handOffPending.compareAndSet(false, true)) {
            Platform.runLater(this::showLatest);
        }
    }

    private void showLatest() {
        handOffPending.set(false);
        synchronized (lock) {
            if (pixels == null || pixels.getWidth() != stagingWidth || pixels.getHeight() != stagingHeight) {
                IntBuffer buffer = IntBuffer.allocate(stagingWidth * stagingHeight);
                pixels = new PixelBuffer<>(stagingWidth, stagingHeight, buffer, PixelFormat.getIntArgbPreInstance());
                view.setImage(new WritableImage(pixels));
            }
            pixels.getBuffer().put(0, staging, 0, stagingWidth * stagingHeight);
        }
        pixels.updateBuffer(b -> null);
    }

    /** FX thread: forget the picture. */
    void clear() {
        aspect = Double.NaN;
        fit();
        view.setImage(null);
        pixels = null;
    }
}
