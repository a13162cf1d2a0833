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
 * most one hand-off to the FX thread is pending at a time (batched with other tiles' by {@link FxFrameBatch}), so
 * frames the FX thread has not shown yet are dropped, and the image is only ever touched on the FX thread. The
 * requested size follows the tile, at the picture's true aspect once known, so libvlc scales and JavaFX draws the
 * picture one to one.
 */
final class FxFrameSurface implements FrameSink {
    private final ImageView view;
    private final FxFrameBatch batch;
    private final AtomicBoolean handOffPending = new AtomicBoolean();
    private final Object lock = new Object();
    private volatile double boxWidth = 640;
    private volatile double boxHeight = 360;
    private volatile double aspect = Double.NaN;
    private volatile int[] sourceSize;
    private int[] staging = new int[0];
    private int stagingWidth;
    private int stagingHeight;
    private PixelBuffer<IntBuffer> pixels;
    private long framesShown;
    private long firstShownNanos = -1;

    FxFrameSurface(ImageView view, FxFrameBatch batch) {
        this.view = view;
        this.batch = batch;
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
        // The same whole, even sizes as the buffer asked of libvlc, so JavaFX draws it one to one, unscaled.
        int[] size = evenFit(Math.min(boxWidth, boxHeight * a), a);
        if (pixels != null && drawsOneToOne(pixels.getWidth(), pixels.getHeight(), size, a, boxWidth, boxHeight)) {
            // Of the right shape, within the tile, at most 2 pixels larger or 10% smaller than wanted: draw it as it
            // is. A picture scaled by even one pixel is filtered, which on the software pipeline costs several times
            // a copy.
            size = new int[] {pixels.getWidth(), pixels.getHeight()};
        }
        view.setPreserveRatio(false);
        view.setFitWidth(size[0]);
        view.setFitHeight(size[1]);
    }

    /** Whether a buffer of that size may be drawn unscaled in place of {@code wanted}, inside a tile of that box. */
    static boolean drawsOneToOne(int width, int height, int[] wanted, double aspect, double boxWidth,
                                 double boxHeight) {
        return sameShape(width, height, aspect) && width <= wanted[0] + 2 && height <= wanted[1] + 2
                && width <= boxWidth && height <= boxHeight && width >= wanted[0] * 0.9 && height >= wanted[1] * 0.9;
    }

    /**
     * Whether a buffer is of the picture's shape: its height within 2 pixels of what its width and the display
     * aspect give (whole, even sizes cannot always be exact; a padded decoder buffer is 7% off at 360p).
     */
    static boolean sameShape(int width, int height, double aspect) {
        return Math.abs(width / aspect - height) <= 2;
    }

    private static int[] evenFit(double width, double aspect) {
        int w = Math.max(2, (int) Math.round(width)) & ~1;
        int h = Math.max(2, (int) Math.round(w / aspect)) & ~1;
        return new int[] {w, h};
    }

    @Override
    public int[] targetSize(int sourceWidth, int sourceHeight) {
        sourceSize = new int[] {sourceWidth, sourceHeight};
        return fitted(sourceWidth, sourceHeight);
    }

    private int[] fitted(int sourceWidth, int sourceHeight) {
        double a = aspect;
        double sourceAspect = Double.isFinite(a) && a > 0 ? a : (double) sourceWidth / sourceHeight;
        return evenFit(Math.min(sourceWidth, Math.min(boxWidth, boxHeight * sourceAspect)), sourceAspect);
    }

    /**
     * Whether the frames libvlc gives are not of the picture's shape (it was asked before the shape was known): a
     * restart, which now asks for the right shape, lets JavaFX draw them unscaled.
     */
    boolean misshapen() {
        double a = aspect;
        int w;
        int h;
        synchronized (lock) {
            w = stagingWidth;
            h = stagingHeight;
        }
        return w > 0 && h > 0 && Double.isFinite(a) && a > 0 && !sameShape(w, h, a);
    }

    /**
     * Whether the tile is now much larger or smaller than the frames libvlc was asked for, or the frames are of the
     * wrong shape (worth a restart).
     */
    boolean needsRescale() {
        if (misshapen()) {
            return true;
        }
        int w;
        int h;
        synchronized (lock) {
            w = stagingWidth;
            h = stagingHeight;
        }
        if (w == 0 || h == 0) {
            return false;
        }
        int[] source = sourceSize;
        if (source == null) {
            return false;
        }
        int[] wanted = fitted(source[0], source[1]);
        double ratio = (double) wanted[0] * wanted[1] / ((double) w * h);
        return ratio > 1.5 || ratio < 0.5;
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
            batch.submit(this);
        }
    }

    /** FX thread: shows the newest staged frame (called by the batch). */
    void showLatest() {
        handOffPending.set(false);
        synchronized (lock) {
            if (stagingWidth == 0) {
                return;
            }
            if (pixels == null || pixels.getWidth() != stagingWidth || pixels.getHeight() != stagingHeight) {
                IntBuffer buffer = IntBuffer.allocate(stagingWidth * stagingHeight);
                pixels = new PixelBuffer<>(stagingWidth, stagingHeight, buffer, PixelFormat.getIntArgbPreInstance());
                view.setImage(new WritableImage(pixels));
                fit();
            }
            pixels.getBuffer().put(0, staging, 0, stagingWidth * stagingHeight);
        }
        pixels.updateBuffer(b -> null);
        if (framesShown++ == 0) {
            firstShownNanos = System.nanoTime();
        }
    }

    /** FX thread: frames that reached the screen since the last {@link #clear()}. */
    long framesShown() {
        return framesShown;
    }

    /** FX thread: {@link System#nanoTime()} when the first frame since the last clear reached the FX thread, or -1. */
    long firstShownNanos() {
        return firstShownNanos;
    }

    /** FX thread: forget the picture (a new camera). */
    void clear() {
        aspect = Double.NaN;
        fit();
        view.setImage(null);
        pixels = null;
        synchronized (lock) {
            stagingWidth = 0;
            stagingHeight = 0;
        }
        sourceSize = null;
        framesShown = 0;
        firstShownNanos = -1;
    }
}
