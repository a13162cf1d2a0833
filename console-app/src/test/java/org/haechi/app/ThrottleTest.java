package org.haechi.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ThrottleTest {
    final AtomicLong clock = new AtomicLong(1_000);
    final AtomicInteger runs = new AtomicInteger();
    final Throttle throttle = new Throttle(100, clock::get, runs::incrementAndGet);

    @Test
    void firstRequestRunsAtOnceAndTheNextWaitForTheInterval() {
        throttle.request();
        assertThat(runs).hasValue(1);
        clock.addAndGet(30);
        throttle.request();
        throttle.request();
        throttle.poll();
        assertThat(runs).hasValue(1);
        assertThat(throttle.pending()).isTrue();
        clock.addAndGet(70);
        throttle.poll();
        assertThat(runs).hasValue(2);
        assertThat(throttle.pending()).isFalse();
        throttle.poll();
        assertThat(runs).hasValue(2);
    }

    @Test
    void aStormRunsOncePerIntervalAndItsLastRequestIsNotLost() {
        for (int t = 0; t < 1_000; t += 10) {
            throttle.request();
            clock.addAndGet(10);
            throttle.poll();
        }
        assertThat(runs.get()).isBetween(10, 11);
        clock.addAndGet(100);
        throttle.poll();
        assertThat(throttle.pending()).isFalse();
    }

    @Test
    void runNowServesAWaitingRequest() {
        throttle.request();
        clock.addAndGet(10);
        throttle.request();
        throttle.runNow();
        assertThat(runs).hasValue(2);
        clock.addAndGet(500);
        throttle.poll();
        assertThat(runs).hasValue(2);
    }
}
