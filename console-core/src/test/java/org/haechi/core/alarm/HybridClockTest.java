package org.haechi.core.alarm;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HybridClockTest {
    final SettableClock wall = new SettableClock(1_000);
    final HybridClock clock = new HybridClock("ws-a", wall);

    @Test
    void followsTheWallClockWhenItMovesOn() {
        assertThat(clock.now()).isEqualTo(new HybridTimestamp(1_000, 0, "ws-a"));
        wall.set(1_005);
        assertThat(clock.now()).isEqualTo(new HybridTimestamp(1_005, 0, "ws-a"));
    }

    @Test
    void countsWithinOneMillisecondAndNeverGoesBackWhenTheWallClockDoes() {
        HybridTimestamp first = clock.now();
        HybridTimestamp second = clock.now();
        wall.set(400);
        HybridTimestamp third = clock.now();
        assertThat(second).isEqualTo(new HybridTimestamp(1_000, 1, "ws-a"));
        assertThat(third).isEqualTo(new HybridTimestamp(1_000, 2, "ws-a"));
        assertThat(first).isLessThan(second).isLessThan(third);
    }

    @Test
    void aLocalEventAfterARemoteOneFromAClockAheadOrdersAfterIt() {
        HybridTimestamp remote = new HybridTimestamp(60_000, 3, "ws-b");
        HybridTimestamp received = clock.observe(remote);
        assertThat(received).isEqualTo(new HybridTimestamp(60_000, 4, "ws-a"));
        assertThat(clock.now()).isEqualTo(new HybridTimestamp(60_000, 5, "ws-a")).isGreaterThan(remote);
        wall.set(60_001);
        assertThat(clock.now()).isEqualTo(new HybridTimestamp(60_001, 0, "ws-a"));
    }

    /**
     * A console whose clock is days wrong must not drag this one there (and through it every console it talks to):
     * a stamp more than a day ahead is not taken in; one up to a day ahead is.
     */
    @Test
    void aRemoteTimestampMoreThanADayAheadIsNotFollowed() {
        HybridTimestamp before = clock.now();
        long day = HybridClock.MAX_AHEAD_MILLIS;
        assertThat(clock.observe(new HybridTimestamp(1_000 + day + 1, 0, "ws-b"))).isEqualTo(before);
        assertThat(clock.now()).isEqualTo(new HybridTimestamp(1_000, 1, "ws-a"));
        assertThat(clock.observe(new HybridTimestamp(1_000 + day, 0, "ws-b")))
                .isEqualTo(new HybridTimestamp(1_000 + day, 1, "ws-a"));
    }

    @Test
    void aRemoteTimestampBehindTheWallClockOnlyCounts() {
        clock.now();
        assertThat(clock.observe(new HybridTimestamp(10, 7, "ws-b"))).isEqualTo(new HybridTimestamp(1_000, 1, "ws-a"));
        wall.set(2_000);
        assertThat(clock.observe(new HybridTimestamp(10, 7, "ws-b"))).isEqualTo(new HybridTimestamp(2_000, 0, "ws-a"));
    }

    @Test
    void equalWallTimesTakeTheGreaterCounterPlusOne() {
        clock.now();
        assertThat(clock.observe(new HybridTimestamp(1_000, 8, "ws-b"))).isEqualTo(new HybridTimestamp(1_000, 9,
                "ws-a"));
    }

    @Test
    void aFullCounterMovesTheLogicalWallTimeOn() {
        assertThat(clock.observe(new HybridTimestamp(1_000, HybridTimestamp.MAX_COUNTER, "ws-b")))
                .isEqualTo(new HybridTimestamp(1_001, 0, "ws-a"));
        assertThat(clock.now()).isEqualTo(new HybridTimestamp(1_001, 1, "ws-a"));
    }
}
