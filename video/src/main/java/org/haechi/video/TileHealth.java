package org.haechi.video;

import java.time.Duration;
import java.time.Instant;

/**
 * The health rules of one tile, without libvlc, so they can be tested with a made-up clock: when a picture counts
 * as stalled, when an attempt has failed, how long to wait before the next one, when a camera is offline. Fed by
 * {@link TilePlayer} with libvlc's decoded-frame count (a frozen stream that keeps its connection open sends no
 * event, and libvlc keeps repainting its last picture, so that count is the only reliable sign). Not thread-safe:
 * the video control thread only.
 */
final class TileHealth {
    /** What the player must do after an observation. */
    enum Verdict { NONE, PUBLISH, RECONNECT, FAILED }

    private final Timings timings;
    private TileStatus status = TileStatus.idle();
    private int failures;
    private int lastDecoded;
    private Instant attemptStartedAt;
    private Instant lastPictureAt;
    private Instant darkSince;
    private Instant publishedAt;

    TileHealth(Timings timings) {
        this.timings = timings;
    }

    TileStatus status() {
        return status;
    }

    Timings timings() {
        return timings;
    }

    /** A new camera (or stream) is about to play: no failures yet, dark since now; an attempt follows. */
    void begin(Instant now) {
        failures = 0;
        lastPictureAt = null;
        darkSince = now;
        status = TileStatus.idle();
    }

    /** Goes idle (the tile was cleared or hidden). */
    TileStatus idle() {
        status = TileStatus.idle();
        return status;
    }

    /** An attempt (the first or a retry) has just been started. */
    TileStatus attemptStarted(Instant now) {
        attemptStartedAt = now;
        lastDecoded = 0;
        TileState state = failures == 0 ? TileState.CONNECTING : isOffline(now) ? TileState.OFFLINE
                : TileState.RECONNECTING;
        return set(new TileStatus(state, failures, lastPictureAt, status.detail()), now);
    }

    /** Periodic check with the current attempt's decoded-frame count. */
    Verdict observe(Instant now, int decoded) {
        TileState state = status.state();
        if (state == TileState.IDLE || state == TileState.UNAVAILABLE) {
            return Verdict.NONE;
        }
        if (decoded > lastDecoded) {
            lastDecoded = decoded;
            lastPictureAt = now;
            darkSince = null;
            failures = 0;
            if (state != TileState.PLAYING || !now.isBefore(publishedAt.plus(timings.republishEvery()))) {
                set(new TileStatus(TileState.PLAYING, 0, now, null), now);
                return Verdict.PUBLISH;
            }
            return Verdict.NONE;
        }
        if (state == TileState.PLAYING) {
            if (!now.isBefore(lastPictureAt.plus(timings.stallAfter()))) {
                darkSince = lastPictureAt;
                failures = 1;
                set(new TileStatus(TileState.STALLED, 0, lastPictureAt, "no new frame for "
                        + timings.stallAfter().toSeconds() + " s"), now);
                return Verdict.RECONNECT;
            }
            return Verdict.NONE;
        }
        if (state != TileState.STALLED && !now.isBefore(attemptStartedAt.plus(timings.connectTimeout()))) {
            return Verdict.FAILED;
        }
        return checkOffline(now) ? Verdict.PUBLISH : Verdict.NONE;
    }

    /** While waiting for a retry: turns the tile OFFLINE once it has been dark long enough; true if it did. */
    boolean checkOffline(Instant now) {
        TileState state = status.state();
        if (state == TileState.OFFLINE || state == TileState.IDLE || state == TileState.PLAYING
                || state == TileState.UNAVAILABLE || !isOffline(now)) {
            return false;
        }
        set(new TileStatus(TileState.OFFLINE, Math.max(1, failures), lastPictureAt, status.detail()), now);
        return true;
    }

    /** The current attempt has failed (error, end of stream, no picture in time). */
    TileStatus failed(Instant now, String why) {
        failures++;
        TileState state = isOffline(now) ? TileState.OFFLINE : TileState.RECONNECTING;
        return set(new TileStatus(state, failures, lastPictureAt, why), now);
    }

    /** How long to wait before the next attempt: doubling from the first delay, capped (higher once offline). */
    Duration retryDelay() {
        Duration cap = status.state() == TileState.OFFLINE ? timings.offlineRetryCap() : timings.retryCap();
        int doublings = Math.min(Math.max(failures - 1, 0), 16);
        Duration delay = timings.firstRetry().multipliedBy(1L << doublings);
        return delay.compareTo(cap) > 0 ? cap : delay;
    }

    boolean isPlaying() {
        return status.state() == TileState.PLAYING;
    }

    private boolean isOffline(Instant now) {
        return darkSince != null && !now.isBefore(darkSince.plus(timings.offlineAfter()));
    }

    private TileStatus set(TileStatus s, Instant now) {
        status = s;
        publishedAt = now;
        return s;
    }

    /**
     * The delays of the health rules.
     *
     * @param stallAfter      no new frame for this long while playing: stalled
     * @param connectTimeout  no picture this long after an attempt started: the attempt failed
     * @param offlineAfter    no picture for this long: offline
     * @param firstRetry      delay before the first retry; doubled at each failure
     * @param retryCap        longest delay between retries
     * @param offlineRetryCap longest delay between retries once offline
     * @param republishEvery  while playing, how often to report the time of the last frame
     */
    record Timings(Duration stallAfter, Duration connectTimeout, Duration offlineAfter, Duration firstRetry,
                   Duration retryCap, Duration offlineRetryCap, Duration republishEvery) {

        /**
         * Stalled after 3 s, offline after 30 s without a picture ({@code -Dhaechi.video.offlineAfterSeconds}
         * changes that, for a site with flaky links or for a test).
         */
        static Timings standard() {
            return new Timings(Duration.ofSeconds(3), Duration.ofSeconds(8),
                    Duration.ofSeconds(Long.getLong("haechi.video.offlineAfterSeconds", 30)),
                    Duration.ofMillis(250), Duration.ofSeconds(1), Duration.ofSeconds(10), Duration.ofSeconds(1));
        }

        Timings withOfflineAfter(Duration d) {
            return new Timings(stallAfter, connectTimeout, d, firstRetry, retryCap, offlineRetryCap, republishEvery);
        }
    }
}
