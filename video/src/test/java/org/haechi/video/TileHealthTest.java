package org.haechi.video;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The health rules on a made-up clock: stall, failure, backoff, offline. */
class TileHealthTest {
    final TileHealth health = new TileHealth(TileHealth.Timings.standard());
    Instant now = Instant.parse("2026-11-28T00:00:00Z");

    TileHealth.Verdict at(long millis, int decoded) {
        now = now.plusMillis(millis);
        return health.observe(now, decoded);
    }

    void start() {
        health.begin(now);
        health.attemptStarted(now);
    }

    @Test
    void firstDecodedFrameMakesTilePlaying() {
        start();
        assertThat(health.status().state()).isEqualTo(TileState.CONNECTING);
        assertThat(at(200, 0)).isEqualTo(TileHealth.Verdict.NONE);
        assertThat(at(200, 3)).isEqualTo(TileHealth.Verdict.PUBLISH);
        assertThat(health.status().state()).isEqualTo(TileState.PLAYING);
        assertThat(health.status().lastFrameAt()).isEqualTo(now);
    }

    @Test
    void noNewFrameForThreeSecondsIsStalledAndAsksForReconnect() {
        start();
        at(200, 5);
        Instant lastFrame = now;
        for (int i = 0; i < 14; i++) {
            assertThat(at(200, 5)).isEqualTo(TileHealth.Verdict.NONE);
        }
        assertThat(at(200, 5)).isEqualTo(TileHealth.Verdict.RECONNECT);
        assertThat(health.status().state()).isEqualTo(TileState.STALLED);
        assertThat(Duration.between(lastFrame, now)).isEqualTo(Duration.ofSeconds(3));
        health.attemptStarted(now);
        assertThat(health.status().state()).isEqualTo(TileState.RECONNECTING);
        assertThat(health.status().attempt()).isEqualTo(1);
    }

    @Test
    void playingRepublishesTheLastFrameTimeAboutOnceASecond() {
        start();
        at(200, 1);
        int publishes = 0;
        for (int i = 2; i < 12; i++) {
            publishes += at(200, i) == TileHealth.Verdict.PUBLISH ? 1 : 0;
        }
        assertThat(publishes).isEqualTo(2);
    }

    @Test
    void connectTimeoutFailsTheAttempt() {
        start();
        assertThat(at(7_900, 0)).isEqualTo(TileHealth.Verdict.NONE);
        assertThat(at(100, 0)).isEqualTo(TileHealth.Verdict.FAILED);
    }

    @Test
    void backoffDoublesAndIsCappedHigherOnceOffline() {
        start();
        health.failed(now, "refused");
        assertThat(health.retryDelay()).isEqualTo(Duration.ofMillis(250));
        health.failed(now, "refused");
        assertThat(health.retryDelay()).isEqualTo(Duration.ofMillis(500));
        for (int i = 0; i < 10; i++) {
            health.failed(now, "refused");
        }
        assertThat(health.status().state()).isEqualTo(TileState.RECONNECTING);
        assertThat(health.status().attempt()).isEqualTo(12);
        assertThat(health.retryDelay()).isEqualTo(Duration.ofSeconds(1));
        now = now.plusSeconds(30);
        health.failed(now, "refused");
        assertThat(health.status().state()).isEqualTo(TileState.OFFLINE);
        assertThat(health.retryDelay()).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void darkForThirtySecondsIsOfflineEvenBetweenAttempts() {
        start();
        at(200, 4);
        at(3_000, 4);
        assertThat(health.status().state()).isEqualTo(TileState.STALLED);
        now = now.plusSeconds(26);
        assertThat(health.checkOffline(now)).isFalse();
        now = now.plusSeconds(1);
        assertThat(health.checkOffline(now)).isTrue();
        assertThat(health.status().state()).isEqualTo(TileState.OFFLINE);
        assertThat(health.checkOffline(now.plusSeconds(5))).as("reported once").isFalse();
        health.attemptStarted(now);
        assertThat(health.status().state()).isEqualTo(TileState.OFFLINE);
        assertThat(at(300, 2)).isEqualTo(TileHealth.Verdict.PUBLISH);
        assertThat(health.status().state()).isEqualTo(TileState.PLAYING);
        assertThat(health.status().attempt()).isZero();
    }

    @Test
    void idleTileIgnoresObservations() {
        assertThat(at(10_000, 0)).isEqualTo(TileHealth.Verdict.NONE);
        assertThat(health.status().state()).isEqualTo(TileState.IDLE);
    }
}
