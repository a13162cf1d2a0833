package org.haechi.messaging.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.haechi.core.alarm.ActionKind;
import org.haechi.core.alarm.AlarmFold;
import org.haechi.core.alarm.HybridClock;
import org.haechi.core.alarm.OperatorAction;
import org.haechi.core.alarm.Severity;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;

/** Two real H2 caches receive the same actions in different orders, batches and with duplicates. */
class ActionConvergenceTest {
    static final Instant T0 = Instant.parse("2026-11-28T05:00:00Z");
    static final List<String> ALARMS = List.of("a-1", "a-2", "a-3");
    @TempDir
    Path dirA;
    @TempDir
    Path dirB;
    CacheStores a;
    CacheStores b;

    @BeforeEach
    void open() throws Exception {
        a = CacheStores.open(dirA);
        b = CacheStores.open(dirB);
    }

    @AfterEach
    void close() {
        a.close();
        b.close();
    }

    /** Actions from three consoles with skewed clocks; each console sees the others' earlier actions at random. */
    static List<OperatorAction> actions(Random random) {
        List<HybridClock> clocks = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            long skew = random.nextInt(240_000) - 120_000;
            clocks.add(new HybridClock("ws-" + i, Clock.fixed(T0.plusMillis(skew), ZoneOffset.UTC)));
        }
        ActionKind[] kinds = ActionKind.values();
        List<OperatorAction> out = new ArrayList<>();
        for (int n = 0; n < 80; n++) {
            int console = random.nextInt(3);
            HybridClock clock = clocks.get(console);
            if (!out.isEmpty() && random.nextBoolean()) {
                clock.observe(out.get(random.nextInt(out.size())).at());
            }
            ActionKind kind = kinds[random.nextInt(kinds.length)];
            boolean detail = random.nextBoolean();
            out.add(new OperatorAction("act-" + n, ALARMS.get(random.nextInt(ALARMS.size())), kind,
                    "op-" + random.nextInt(3), clock.node(), clock.now(), detail ? "note " + n : null,
                    detail && kind == ActionKind.ASSIGN ? "op-" + random.nextInt(3) : null,
                    detail && kind == ActionKind.SNOOZE ? T0.plusSeconds(n * 60L) : null,
                    detail && kind == ActionKind.CLOSE ? "RESOLVED" : null));
        }
        return out;
    }

    static void insertAlarms(CacheStores stores) throws Exception {
        try (Connection c = stores.db().connect()) {
            c.setAutoCommit(false);
            List<org.haechi.core.alarm.Alarm> list = new ArrayList<>();
            for (String id : ALARMS) {
                list.add(AlarmStoreTest.alarm(id, Severity.HIGH, 1));
            }
            stores.actions().insertAlarms(c, list);
            c.commit();
        }
    }

    static void record(CacheStores stores, List<OperatorAction> batch) throws Exception {
        try (Connection c = stores.db().connect()) {
            c.setAutoCommit(false);
            stores.actions().record(c, batch, true);
            c.commit();
        }
    }

    static List<String> alarmRows(CacheStores stores) throws Exception {
        List<String> rows = new ArrayList<>();
        try (Connection c = stores.db().connect(); PreparedStatement ps = c.prepareStatement("SELECT id, state, "
                + "is_open, pending, assignee, disposition, snoozed_until FROM alarm ORDER BY id");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                rows.add(rs.getString(1) + "|" + rs.getString(2) + "|" + rs.getBoolean(3) + "|" + rs.getBoolean(4)
                        + "|" + rs.getString(5) + "|" + rs.getString(6) + "|" + rs.getTimestamp(7));
            }
        }
        return rows;
    }

    /** 25 scenarios: each a different mix of consoles' skews, kinds, duplicates, batches and arrival of the alarms. */
    static java.util.stream.LongStream seeds() {
        return java.util.stream.LongStream.rangeClosed(1, 25);
    }

    @ParameterizedTest(name = "seed {0}")
    @org.junit.jupiter.params.provider.MethodSource("seeds")
    void twoCachesFoldTheSameActionsInAnyOrderToTheSameAlarmRows(long seed) throws Exception {
        Random random = new Random(seed);
        List<OperatorAction> actions = actions(random);
        insertAlarms(a);
        for (OperatorAction x : actions) {
            record(a, List.of(x));
        }
        // B: shuffled, a third of them twice, in random batches, and the alarms arrive halfway through.
        List<OperatorAction> delivered = new ArrayList<>(actions);
        actions.stream().filter(x -> random.nextInt(3) == 0).forEach(delivered::add);
        Collections.shuffle(delivered, random);
        int i = 0;
        boolean alarmsIn = false;
        while (i < delivered.size()) {
            int end = Math.min(delivered.size(), i + 1 + random.nextInt(10));
            record(b, delivered.subList(i, end));
            i = end;
            if (!alarmsIn && i >= delivered.size() / 2) {
                insertAlarms(b);
                alarmsIn = true;
            }
        }
        assertThat(alarmRows(b)).isEqualTo(alarmRows(a)).hasSize(3);
        for (String id : ALARMS) {
            List<OperatorAction> mine = actions.stream().filter(x -> x.alarmId().equals(id)).toList();
            assertThat(a.actions().folded(id)).as("A " + id).isEqualTo(AlarmFold.fold(mine));
            assertThat(b.actions().folded(id)).as("B " + id).isEqualTo(AlarmFold.fold(mine));
            assertThat(a.alarms().workflow(id).state()).isEqualTo(AlarmFold.fold(mine).state());
        }
        assertThat(a.actions().audit().verify().ok()).isTrue();
        assertThat(b.actions().audit().verify().ok()).isTrue();
    }

    /**
     * A broken sender publishes two different copies under one action id; consoles that received them in opposite
     * orders keep the same one, and fold the same state (review, session 10: the first copy to arrive was kept).
     */
    @org.junit.jupiter.api.Test
    void twoCopiesOfOneIdWithDifferentContentEndTheSameInEitherOrder() throws Exception {
        insertAlarms(a);
        insertAlarms(b);
        HybridClock clock = new HybridClock("ws-9", Clock.fixed(T0, ZoneOffset.UTC));
        var at = clock.now();
        OperatorAction close = new OperatorAction("dup-1", "a-1", ActionKind.CLOSE, "op-kim", "ws-9", at, "done",
                null, null, "RESOLVED");
        OperatorAction escalate = new OperatorAction("dup-1", "a-2", ActionKind.ESCALATE, "op-kim", "ws-9", at,
                "worse", null, null, null);
        record(a, List.of(close));
        record(a, List.of(escalate));
        record(b, List.of(escalate));
        record(b, List.of(close));
        record(b, List.of(close, escalate));
        assertThat(alarmRows(b)).isEqualTo(alarmRows(a));
        for (String id : ALARMS) {
            assertThat(b.actions().folded(id)).as(id).isEqualTo(a.actions().folded(id));
        }
        assertThat(a.actions().folded("a-1").actions() + a.actions().folded("a-2").actions()).isEqualTo(1);
        assertThat(a.actions().audit().verify().ok()).isTrue();
        CacheStores replacedThere = AlarmFold.preferredCopy(close, escalate) == close ? b : a;
        assertThat(replacedThere.actions().audit().read(0, 100)).as("the replacement says what it replaced")
                .anySatisfy(r -> assertThat(r.details()).contains("replaces"));
    }
}
