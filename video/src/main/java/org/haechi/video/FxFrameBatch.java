package org.haechi.video;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.application.Platform;

/**
 * Hands the new frames of many tiles to the FX thread together: libvlc's threads queue a surface with a frame to
 * show, and one runLater shows every queued surface, so a 16-tile wall crosses to the FX thread once per batch
 * rather than once per frame. Any thread may submit; surfaces are shown on the FX thread.
 */
final class FxFrameBatch {
    private final ConcurrentLinkedQueue<FxFrameSurface> pending = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean scheduled = new AtomicBoolean();

    void submit(FxFrameSurface surface) {
        pending.add(surface);
        if (scheduled.compareAndSet(false, true)) {
            Platform.runLater(this::drain);
        }
    }

    private void drain() {
        scheduled.set(false);
        for (FxFrameSurface s = pending.poll(); s != null; s = pending.poll()) {
            s.showLatest();
        }
    }
}
