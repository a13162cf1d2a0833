package org.haechi.messaging.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.haechi.core.alarm.ActionKind;
import org.haechi.core.alarm.Alarm;
import org.haechi.core.alarm.AlarmState;
import org.haechi.core.alarm.HybridTimestamp;
import org.haechi.core.alarm.OperatorAction;
import org.haechi.core.alarm.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The alarm and action consumers store at the same moment, on connections of their own, as they do when a console
 * drains both subscriptions after a reconnection. An acknowledgement stored while its alarm is being inserted must
 * end up folded into the alarm, with its state change audited, whichever commits first. Before the fold lock was
 * taken ahead of the insert, each transaction missed the other's uncommitted row, and this test found an alarm left
 * NEW on this console only (review, session 10).
 */
class AlarmActionRaceTest {
    static final int ALARMS = 300;
    @TempDir
    Path dir;

    @Test
    void anActionStoredWhileItsAlarmIsInsertedIsAlwaysFoldedIn() throws Exception {
        try (CacheStores stores = CacheStores.open(dir)) {
            List<Alarm> alarms = new ArrayList<>();
            List<OperatorAction> acks = new ArrayList<>();
            for (int i = 0; i < ALARMS; i++) {
                String id = "race-" + i;
                alarms.add(AlarmStoreTest.alarm(id, Severity.HIGH, i));
                acks.add(new OperatorAction("ack-" + i, id, ActionKind.ACKNOWLEDGE, "op-lee", "ws-b",
                        HybridTimestamp.ofInstant(Instant.parse("2026-11-28T05:00:00Z").plusMillis(i), "ws-b"),
                        null, null, null, null));
            }
            CyclicBarrier together = new CyclicBarrier(2);
            ExecutorService two = Executors.newFixedThreadPool(2);
            try {
                Future<?> alarmSide = two.submit(() -> oneByOne(stores, together, alarms,
                        (c, batch) -> stores.actions().insertAlarms(c, batch)));
                Future<?> actionSide = two.submit(() -> oneByOne(stores, together, acks,
                        (c, batch) -> stores.actions().record(c, batch, true)));
                alarmSide.get(60, TimeUnit.SECONDS);
                actionSide.get(60, TimeUnit.SECONDS);
            } finally {
                two.shutdownNow();
            }
            List<String> notAcknowledged = new ArrayList<>();
            try (Connection c = stores.db().connect()) {
                for (Alarm a : alarms) {
                    if (stores.alarms().workflow(c, a.id()).state() != AlarmState.ACKNOWLEDGED) {
                        notAcknowledged.add(a.id());
                    }
                }
            }
            assertThat(notAcknowledged).isEmpty();
            // Every state change is audited: a fold that updated a row it could not yet read wrote none.
            Set<String> audited = stores.actions().audit().read(0, 10 * ALARMS).stream()
                    .filter(r -> r.kind().equals(AuditLog.STATE_CHANGE)).map(AuditRecord::subject)
                    .collect(Collectors.toSet());
            assertThat(alarms.stream().map(Alarm::id).filter(id -> !audited.contains(id)).toList()).isEmpty();
            assertThat(stores.actions().audit().verify().ok()).isTrue();
        }
    }

    @FunctionalInterface
    interface Store<T> {
        void store(Connection c, List<T> batch) throws SQLException;
    }

    /**
     * Stores each item in a transaction of its own, tried again on a concurrent write as the ingest does; both sides
     * start each item together, so every alarm meets its acknowledgement in flight.
     */
    static <T> Void oneByOne(CacheStores stores, CyclicBarrier together, List<T> items, Store<T> store)
            throws Exception {
        try (Connection c = stores.db().connect()) {
            c.setAutoCommit(false);
            for (T item : items) {
                together.await(30, TimeUnit.SECONDS);
                for (int attempt = 1; ; attempt++) {
                    try {
                        store.store(c, List.of(item));
                        c.commit();
                        break;
                    } catch (SQLException e) {
                        c.rollback();
                        if (attempt == 5) {
                            throw e;
                        }
                    }
                }
            }
        }
        return null;
    }
}
