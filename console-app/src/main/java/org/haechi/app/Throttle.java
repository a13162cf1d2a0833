package org.haechi.app;

import java.util.function.LongSupplier;

/**
 * Runs an action at most once per interval however often it is asked for, and never loses the last request: a
 * request within the interval of the previous run is kept and run by {@link #poll()} once the interval has passed.
 * For work whose latest state is all that matters (redrawing a layer during a storm). One thread (the FX thread).
 */
public final class Throttle {
    private final long intervalNanos;
    private final LongSupplier clock;
    private final Runnable action;
    private boolean ran;
    private long lastRun;
    private boolean pending;

    public Throttle(long intervalNanos, LongSupplier clock, Runnable action) {
        this.intervalNanos = intervalNanos;
        this.clock = clock;
        this.action = action;
    }

    /** Runs the action now if the interval since its last run has passed, else once it has (see {@link #poll()}). */
    public void request() {
        pending = true;
        poll();
    }

    /** Runs a pending request if the interval has passed; call it every pulse. */
    public void poll() {
        if (!pending) {
            return;
        }
        long now = clock.getAsLong();
        if (!ran || now - lastRun >= intervalNanos) {
            ran = true;
            lastRun = now;
            pending = false;
            action.run();
        }
    }

    /** Runs the action now, whatever the interval; a waiting request is served by this run. */
    public void runNow() {
        ran = true;
        lastRun = clock.getAsLong();
        pending = false;
        action.run();
    }

    /** An FX pulse timer that serves a waiting request once its interval has passed; its owner starts and stops it. */
    public javafx.animation.AnimationTimer pulsePoller() {
        return new javafx.animation.AnimationTimer() {
            @Override
            public void handle(long now) {
                poll();
            }
        };
    }

    /** True while a request waits for its interval. */
    public boolean pending() {
        return pending;
    }
}
