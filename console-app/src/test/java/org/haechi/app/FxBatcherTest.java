package org.haechi.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Drains by hand (no FX toolkit, no timer) with a clock the test moves. */
class FxBatcherTest {
    final AtomicLong clock = new AtomicLong();
    final List<List<Integer>> lists = new ArrayList<>();
    final AtomicInteger pulsesEnded = new AtomicInteger();

    /** Each list handed over "takes" {@code nanosPerList} of the pulse's budget of 10. */
    FxBatcher<Integer> batcher(int chunk, long nanosPerList) {
        return new FxBatcher<>(batch -> {
            lists.add(batch);
            clock.addAndGet(nanosPerList);
        }, chunk, 10, pulsesEnded::incrementAndGet, clock::get);
    }

    static List<Integer> upTo(int n) {
        return IntStream.range(0, n).boxed().toList();
    }

    List<Integer> handedOver() {
        return lists.stream().flatMap(List::stream).toList();
    }

    @Test
    void aPulseStopsWhenItsBudgetIsSpentAndTheRestFollowsInOrder() {
        FxBatcher<Integer> b = batcher(100, 4);
        b.offer(upTo(1000));
        b.drain();
        // lists at 0, 4 and 8 ns of the budget of 10: three lists, then the pulse ends
        assertThat(lists).hasSize(3).allSatisfy(l -> assertThat(l).hasSize(100));
        assertThat(b.backlog()).isEqualTo(700);
        assertThat(pulsesEnded).hasValue(1);
        while (b.backlog() > 0) {
            b.drain();
        }
        assertThat(handedOver()).isEqualTo(upTo(1000));
        assertThat(pulsesEnded).hasValue(4);
    }

    @Test
    void theFirstListOfAPulseGoesEvenWhenItAloneIsOverBudget() {
        FxBatcher<Integer> b = batcher(10, 1_000);
        b.offer(upTo(25));
        b.drain();
        b.drain();
        b.drain();
        assertThat(lists).extracting(List::size).containsExactly(10, 10, 5);
        assertThat(handedOver()).isEqualTo(upTo(25));
    }

    @Test
    void nothingQueuedMeansNoListAndNoEndOfPulse() {
        FxBatcher<Integer> b = batcher(10, 1);
        b.drain();
        assertThat(lists).isEmpty();
        assertThat(pulsesEnded).hasValue(0);
    }

    @Test
    void itemsOfferedWhileDrainingAreKeptInOrder() throws Exception {
        FxBatcher<Integer> b = batcher(7, 3);
        Thread producer = new Thread(() -> {
            for (int i = 0; i < 5000; i += 50) {
                b.offer(IntStream.range(i, i + 50).boxed().toList());
            }
        });
        producer.start();
        while (producer.isAlive() || b.backlog() > 0) {
            b.drain();
        }
        producer.join();
        b.drain();
        assertThat(handedOver()).isEqualTo(upTo(5000));
        assertThat(lists).allSatisfy(l -> assertThat(l).hasSizeLessThanOrEqualTo(7));
    }
}
