package org.haechi.app;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Consumer;
import javafx.animation.AnimationTimer;

/**
 * Carries items from foreign threads (JMS consumers, timers) to the FX thread: {@link #offer} from any thread, and
 * once per pulse the FX thread receives everything queued since, as one list. One crossing per pulse, however many
 * messages arrived. {@link #start()} and {@link #stop()} on the FX thread.
 */
public final class FxBatcher<T> {
    private final ConcurrentLinkedQueue<T> queue = new ConcurrentLinkedQueue<>();
    private final Consumer<List<T>> onFxThread;
    private final int maxPerPulse;
    private final AnimationTimer timer = new AnimationTimer() {
        @Override
        public void handle(long now) {
            drain();
        }
    };

    public FxBatcher(Consumer<List<T>> onFxThread, int maxPerPulse) {
        this.onFxThread = onFxThread;
        this.maxPerPulse = maxPerPulse;
    }

    public void offer(List<T> items) {
        queue.addAll(items);
    }

    public void start() {
        timer.start();
    }

    public void stop() {
        timer.stop();
    }

    /** FX thread: hands over what is queued (bounded per pulse so a storm cannot freeze a frame). */
    public void drain() {
        if (queue.isEmpty()) {
            return;
        }
        List<T> batch = new ArrayList<>();
        T item;
        while (batch.size() < maxPerPulse && (item = queue.poll()) != null) {
            batch.add(item);
        }
        onFxThread.accept(batch);
    }
}
