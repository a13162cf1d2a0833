package org.haechi.app;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import javafx.animation.AnimationTimer;

/**
 * Carries items from foreign threads (JMS consumers, timers) to the FX thread: {@link #offer} from any thread, and
 * once per pulse the FX thread receives what was queued since, in arrival order, as lists of at most
 * {@code chunk} items. The pulse's hand-off stops when its time budget is spent and the rest waits for the next
 * pulse, so a storm cannot freeze a frame; nothing is dropped. After the last list of a pulse, {@code afterPulse}
 * runs once (where a consumer that staged the lists applies them as one change). {@link #start()} and
 * {@link #stop()} on the FX thread.
 */
public final class FxBatcher<T> {
    /** Default FX time per pulse for a hand-off: a quarter of a 60 Hz frame. */
    public static final long DEFAULT_BUDGET_NANOS = TimeUnit.MILLISECONDS.toNanos(4);
    private final ConcurrentLinkedQueue<T> queue = new ConcurrentLinkedQueue<>();
    private final Consumer<List<T>> onFxThread;
    private final Runnable afterPulse;
    private final int chunk;
    private final long budgetNanos;
    private final LongSupplier clock;
    private AnimationTimer timer;

    /** Up to {@code chunk} items per list, lists until {@link #DEFAULT_BUDGET_NANOS} is spent in a pulse. */
    public FxBatcher(Consumer<List<T>> onFxThread, int chunk) {
        this(onFxThread, chunk, DEFAULT_BUDGET_NANOS, () -> { }, System::nanoTime);
    }

    /**
     * @param onFxThread  receives the items, in arrival order, at most {@code chunk} at a time
     * @param chunk       the most items in one list
     * @param budgetNanos time per pulse after which no further list is handed over (the first always is)
     * @param afterPulse  runs once at the end of every pulse that handed something over
     * @param clock       nanosecond clock (tests give their own)
     */
    public FxBatcher(Consumer<List<T>> onFxThread, int chunk, long budgetNanos, Runnable afterPulse,
                     LongSupplier clock) {
        if (chunk < 1) {
            throw new IllegalArgumentException("chunk must be at least 1");
        }
        this.onFxThread = onFxThread;
        this.chunk = chunk;
        this.budgetNanos = budgetNanos;
        this.afterPulse = afterPulse;
        this.clock = clock;
    }

    public void offer(List<T> items) {
        queue.addAll(items);
    }

    /** Items waiting for a later pulse. Any thread (a snapshot; walks the queue: for tests and diagnostics). */
    public int backlog() {
        return queue.size();
    }

    /** Whether nothing waits for a later pulse. Any thread (a snapshot; constant time, unlike a count). */
    public boolean idle() {
        return queue.isEmpty();
    }

    public void start() {
        if (timer == null) {
            timer = new AnimationTimer() {
                @Override
                public void handle(long now) {
                    drain();
                }
            };
        }
        timer.start();
    }

    public void stop() {
        if (timer != null) {
            timer.stop();
        }
    }

    /**
     * FX thread: hands over what is queued, a list of at most {@code chunk} items at a time, until the queue is
     * empty or the pulse's budget is spent (the first list always goes, so a backlog always shrinks); then runs
     * {@code afterPulse} if anything was handed over.
     */
    public void drain() {
        if (queue.isEmpty()) {
            return;
        }
        long start = clock.getAsLong();
        boolean handed = false;
        do {
            List<T> batch = new ArrayList<>(Math.min(chunk, 1024));
            T item;
            while (batch.size() < chunk && (item = queue.poll()) != null) {
                batch.add(item);
            }
            if (batch.isEmpty()) {
                break;
            }
            onFxThread.accept(batch);
            handed = true;
        } while (!queue.isEmpty() && clock.getAsLong() - start < budgetNanos);
        if (handed) {
            afterPulse.run();
        }
    }
}
