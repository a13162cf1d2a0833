package org.haechi.video;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.application.Platform;

/**
 * Hands the new frames of many tiles to the FX thread together, at a bounded rate: libvlc's threads queue a surface
 * with a frame to show, and one runLater shows every queued surface. Unpaced, nine 15 frame/s cameras keep JavaFX
 * rendering 60 times a second, each time for one or two tiles; paced at {@link #setMaxRate} the FX thread renders
 * a few times less often, each time every tile that changed, and each tile still shows the newest frame. Any thread
 * may submit; surfaces are shown on the FX thread.
 */
final class FxFrameBatch {
    private static final ScheduledExecutorService PACER = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "haechi-video-pacer");
        t.setDaemon(true);
        return t;
    });
    private final ConcurrentLinkedQueue<FxFrameSurface> pending = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private volatile long minIntervalNanos;
    private volatile long lastDrainNanos;

    /** At most {@code hz} hand-offs a second (0: as they come). */
    void setMaxRate(int hz) {
        minIntervalNanos = hz <= 0 ? 0 : 1_000_000_000L / hz;
    }

    void submit(FxFrameSurface surface) {
        pending.add(surface);
        if (scheduled.compareAndSet(false, true)) {
            long wait = lastDrainNanos + minIntervalNanos - System.nanoTime();
            if (wait <= 0) {
                Platform.runLater(this::drain);
            } else {
                PACER.schedule(() -> Platform.runLater(this::drain), wait, TimeUnit.NANOSECONDS);
            }
        }
    }

    private void drain() {
        lastDrainNanos = System.nanoTime();
        scheduled.set(false);
        for (FxFrameSurface s = pending.poll(); s != null; s = pending.poll()) {
            s.showLatest();
        }
    }
}
