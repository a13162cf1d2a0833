package org.haechi.core.alarm;

import java.time.Clock;
import java.time.Duration;

/**
 * A hybrid logical clock (Kulkarni et al., "Logical Physical Clocks", 2014) for one node: it stamps local events
 * with timestamps that follow the wall clock closely, never go backwards, and are always after every timestamp the
 * node has observed, so an action taken after seeing another always orders after it, whatever the clock skew.
 * Thread-safe; one per console, for the life of the console.
 *
 * <p>When the counter would pass {@link HybridTimestamp#MAX_COUNTER} (ten thousand events in one millisecond) the
 * clock moves its logical wall time one millisecond ahead instead, which keeps the text form fixed-width and the
 * order intact.
 */
public final class HybridClock {
    /**
     * How far ahead of this node's physical clock an observed timestamp may be and still be taken in: consoles keep
     * their clocks within seconds of each other, and a day is beyond any honest skew.
     */
    public static final long MAX_AHEAD_MILLIS = Duration.ofDays(1).toMillis();
    private final String node;
    private final Clock wall;
    private long lastWall;
    private int lastCounter;

    /**
     * @param node the node id stamped on every timestamp (the console id)
     * @param wall the physical clock, injectable for tests
     */
    public HybridClock(String node, Clock wall) {
        this.node = node;
        this.wall = wall;
        new HybridTimestamp(0, 0, node); // validates the node id
    }

    public String node() {
        return node;
    }

    /** Stamps a local event (an operator action): after every timestamp made or observed so far. */
    public synchronized HybridTimestamp now() {
        long physical = physical();
        if (physical > lastWall) {
            lastWall = physical;
            lastCounter = 0;
        } else {
            increment(lastCounter);
        }
        return current();
    }

    /**
     * Takes in a timestamp received from another node (or read back from storage), so that later local events
     * order after it; returns the timestamp of this receive event. One more than {@link #MAX_AHEAD_MILLIS} ahead of
     * the physical clock is not taken in.
     */
    public synchronized HybridTimestamp observe(HybridTimestamp remote) {
        long physical = physical();
        if (remote.wallMillis() - physical > MAX_AHEAD_MILLIS) {
            // A node whose clock is wrong by days (or a stamp made up by a third party): following it would drag
            // this clock, and every clock that hears from this one, there. The stamp still orders its own event.
            return current();
        }
        long previous = lastWall;
        long max = Math.max(previous, Math.max(remote.wallMillis(), physical));
        if (max == previous && max == remote.wallMillis()) {
            increment(Math.max(lastCounter, remote.counter()));
        } else if (max == previous) {
            increment(lastCounter);
        } else if (max == remote.wallMillis()) {
            lastWall = max;
            increment(remote.counter());
        } else {
            lastWall = max;
            lastCounter = 0;
        }
        return current();
    }

    /** The last timestamp made or observed (the epoch, counter 0, before the first event). */
    public synchronized HybridTimestamp latest() {
        return current();
    }

    private void increment(int from) {
        if (from >= HybridTimestamp.MAX_COUNTER) {
            lastWall++;
            lastCounter = 0;
        } else {
            lastCounter = from + 1;
        }
    }

    private long physical() {
        return Math.min(Math.max(wall.millis(), 0), HybridTimestamp.MAX_WALL);
    }

    private HybridTimestamp current() {
        return new HybridTimestamp(Math.min(lastWall, HybridTimestamp.MAX_WALL), lastCounter, node);
    }
}
