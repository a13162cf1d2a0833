package org.haechi.messaging.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.haechi.core.alarm.ActionKind;
import org.haechi.core.alarm.Alarm;
import org.haechi.core.alarm.AlarmState;
import org.haechi.core.alarm.AlarmType;
import org.haechi.core.alarm.HybridTimestamp;
import org.haechi.core.alarm.OperatorAction;
import org.haechi.core.alarm.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The race TwoConsolesTest met about one run in three: this console's outbox marks its own claim published while
 * the ingest stores an earlier claim from another console, on the same alarm, at the same moment. Whatever the
 * interleaving, the stored workflow must be the fold of both (the earlier claim wins). Bounded: 150 rounds.
 */
class ConcurrentFoldTest {
    static final int ROUNDS = 150;
    @TempDir
    Path dir;

    @Test
    void markingPublishedWhileAnotherConsolesActionArrivesLosesNothing() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try (CacheStores cache = CacheStores.open(dir)) {
            Instant t = Instant.parse("2026-11-28T05:00:00Z");
            List<String> wrong = new ArrayList<>();
            for (int i = 0; i < ROUNDS; i++) {
                String id = "race-" + i;
                Alarm alarm = new Alarm(id, AlarmType.EMERGENCY_BELL, "EMERGENCY_BELL", Severity.HIGH, t, t, null,
                        null, null, Map.of(), AlarmState.NEW, false);
                OperatorAction own = new OperatorAction("own-" + i, id, ActionKind.ASSIGN, "op-kim", "ws-a",
                        HybridTimestamp.ofInstant(t.plusSeconds(7), "ws-a"), null, "op-kim", null, null);
                OperatorAction foreign = new OperatorAction("foreign-" + i, id, ActionKind.ASSIGN, "op-lee", "ws-b",
                        HybridTimestamp.ofInstant(t, "ws-b"), null, "op-lee", null, null);
                try (Connection c = cache.db().connect()) {
                    c.setAutoCommit(false);
                    cache.alarms().insertNew(c, List.of(alarm));
                    cache.actions().record(c, List.of(own), false);
                    c.commit();
                }
                CyclicBarrier start = new CyclicBarrier(2);
                Future<?> ingest = pool.submit(() -> {
                    start.await();
                    try (Connection c = cache.db().connect()) {
                        c.setAutoCommit(false);
                        cache.actions().record(c, List.of(foreign), true);
                        c.commit();
                    }
                    return null;
                });
                Future<?> outbox = pool.submit(() -> {
                    start.await();
                    cache.actions().markPublished(own);
                    return null;
                });
                ingest.get(30, TimeUnit.SECONDS);
                outbox.get(30, TimeUnit.SECONDS);
                AlarmStore.Workflow w = cache.alarms().workflow(id);
                if (!"op-lee".equals(w.assignee())) {
                    wrong.add(id + " -> " + w.assignee());
                }
            }
            assertThat(wrong).as("alarms whose stored fold missed the other console's earlier claim").isEmpty();
            assertThat(cache.actions().audit().verify().ok()).isTrue();
        } finally {
            pool.shutdownNow();
        }
    }
}
