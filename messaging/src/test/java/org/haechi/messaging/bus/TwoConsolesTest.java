package org.haechi.messaging.bus;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.haechi.core.alarm.ActionKind;
import org.haechi.core.alarm.AlarmState;
import org.haechi.messaging.cache.AlarmStore;
import org.haechi.messaging.cache.CacheStores;
import org.haechi.messaging.cache.OperatorActions;
import org.haechi.messaging.fault.BrokerMain;
import org.haechi.messaging.fault.ChildJvm;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two consoles of one centre on a real broker in a JVM of its own: one works offline (its network gone, then the
 * broker killed with SIGKILL while it restarts from its cache), the other online; when they are back on the bus their
 * alarms agree, every fold in full (state, claims, notes, who changed it last), nothing left pending.
 */
class TwoConsolesTest {
    static final List<String> ALARMS = List.of("x1", "x2", "x3", "x4", "x5");
    @TempDir
    Path dir;
    int port;
    ChildJvm broker;
    Console a;
    Console b;

    /** One console: its cache, its bus connection, its operator. */
    final class Console implements AutoCloseable {
        final String id;
        final CacheStores cache;
        final Collected seen = new Collected();
        final OperatorActions actions;
        BusService bus;

        Console(String id, String operator, Duration clockSkew) throws Exception {
            this.id = id;
            cache = CacheStores.open(dir.resolve(id));
            actions = new OperatorActions(cache, operator, id, Clock.offset(Clock.systemUTC(), clockSkew));
        }

        void connect() {
            bus = new BusService(new BusConfig("tcp://127.0.0.1:" + port, null, null, id),
                    IngestHandlers.create(cache, seen.sinks()), cache.db(), cache.actions(), seen.statuses::add);
            bus.start();
        }

        void disconnect() {
            bus.close();
            bus = null;
        }

        /** Every alarm's fold in full, and whether it is pending. */
        List<Object> folds() throws Exception {
            List<Object> out = new java.util.ArrayList<>();
            for (String alarm : ALARMS) {
                out.add(cache.actions().folded(alarm));
                out.add(cache.alarms().find(alarm).pending());
            }
            return out;
        }

        List<AlarmStore.Workflow> workflows() throws Exception {
            List<AlarmStore.Workflow> out = new java.util.ArrayList<>();
            for (String alarm : ALARMS) {
                out.add(cache.alarms().workflow(alarm));
            }
            return out;
        }

        @Override
        public void close() {
            if (bus != null) {
                bus.close();
            }
            cache.close();
        }
    }

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable c : new AutoCloseable[] {a, b}) {
            if (c != null) {
                c.close();
            }
        }
        if (broker != null) {
            broker.close();
        }
    }

    void startBroker() throws Exception {
        broker = new ChildJvm(BrokerMain.class, dir.resolve("broker").toString(), Integer.toString(port));
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!broker.said("READY")) {
            assertThat(System.nanoTime()).as("the broker is up within 60 s").isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    @Test
    void consolesThatActedOfflineConvergeWhenBackOnTheBus() throws Exception {
        port = BusIngestTest.freePort();
        startBroker();
        a = new Console("ws-a", "op-kim", Duration.ZERO);
        b = new Console("ws-b", "op-lee", Duration.ofSeconds(-7));
        a.connect();
        b.connect();
        Collected.await(() -> a.seen.connected() && b.seen.connected(), 30);
        BusIngestTest.publish("tcp://127.0.0.1:" + port, BusAddresses.ALARMS, ALARMS.stream()
                .map(BusIngestTest::alarm).toList());
        Collected.await(() -> a.seen.alarms.size() == 5 && b.seen.alarms.size() == 5, 30);

        // A loses its network; both consoles keep working on the same alarms.
        a.disconnect();
        a.actions.assign("x1", "op-kim", "on my way");
        b.actions.assign("x1", "op-lee", "I take it");
        a.actions.perform("x2", ActionKind.ACKNOWLEDGE, null);
        b.actions.close("x3", "FALSE_ALARM", "camera glare");
        a.actions.perform("x3", ActionKind.ESCALATE, "looks real");
        b.actions.perform("x4", ActionKind.ACKNOWLEDGE, null);
        assertThat(a.cache.alarms().find("x2").pending()).isTrue();

        // Then the broker dies, and A restarts from its cache while it is down.
        broker.kill();
        a.close();
        a = new Console("ws-a", "op-kim", Duration.ZERO);
        a.connect();
        assertThat(a.cache.alarms().countAll()).isEqualTo(5);
        Collected.await(() -> !a.seen.statuses.isEmpty(), 10);
        assertThat(a.seen.statuses).as("told of its connection").isNotEmpty();
        assertThat(a.seen.statuses).as("never connected while the broker is down").noneMatch(
                org.haechi.core.bus.BusStatus::connected);
        Thread.sleep(1000);
        assertThat(a.seen.connected()).as("shows offline").isFalse();
        a.actions.perform("x5", ActionKind.ACKNOWLEDGE, "offline ack");
        assertThat(a.cache.actions().outbox()).hasSize(4);

        // The broker comes back: the outbox is replayed and both consoles fold the same set.
        startBroker();
        Collected.await(() -> a.seen.connected() && b.seen.connected(), 60);
        Collected.await(() -> Collected.quietly(() -> a.cache.actions().outbox().isEmpty()
                && a.folds().equals(b.folds())), 60);
        assertThat(a.cache.actions().outbox()).isEmpty();
        assertThat(a.workflows()).isEqualTo(b.workflows());
        assertThat(a.folds()).as("every fold in full").isEqualTo(b.folds());
        assertThat(a.folds()).as("nothing left pending").doesNotContain(Boolean.TRUE);
        assertThat(a.cache.alarms().find("x5").state()).isEqualTo(AlarmState.ACKNOWLEDGED);
        assertThat(b.cache.alarms().find("x5").state()).isEqualTo(AlarmState.ACKNOWLEDGED);
        assertThat(a.cache.alarms().find("x2").pending()).isFalse();
        // B's clock runs 7 s behind, so its claim on x1 is the earlier one and wins on both consoles; its close of
        // x3 stands against A's later escalation (only a reopen changes a closed alarm).
        assertThat(a.cache.alarms().workflow("x1").assignee()).isEqualTo("op-lee");
        assertThat(a.cache.alarms().workflow("x3").state()).isEqualTo(AlarmState.CLOSED);
        assertThat(a.cache.alarms().workflow("x3").disposition()).isEqualTo("FALSE_ALARM");
    }
}
