package org.haechi.messaging.bus;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.jms.Connection;
import jakarta.jms.DeliveryMode;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import java.nio.file.Path;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.List;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.h2.api.Trigger;
import org.haechi.core.alarm.ActionKind;
import org.haechi.core.alarm.Alarm;
import org.haechi.core.bus.RejectedMessage;
import org.haechi.messaging.broker.EmbeddedBroker;
import org.haechi.messaging.cache.CacheStores;
import org.haechi.messaging.cache.OperatorActions;
import org.haechi.messaging.codec.AlarmCodec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Store failures with the embedded broker's real settings (at most 5 deliveries, then the dead-letter address). When
 * the cache fails to write at all (as on a full disk), the alarms wait on the broker, the failure is reported, and
 * once the cache works again every alarm is stored once and none was dead-lettered; likewise when only the alarm
 * table fails and the rest of the cache works. When the cache refuses a message for its data, that message alone is
 * kept as rejected, with H2's reason, and its batch-mates are stored.
 */
class CacheFailureTest {
    @TempDir
    Path dir;
    EmbeddedBroker broker;

    /**
     * Fails the writes of the tables it is set on while {@link #failing}, with H2's error code for an I/O error;
     * {@link #probeToo}: on the cache probe's table as well, as a full disk would.
     */
    public static final class FailingWrites implements Trigger {
        static volatile boolean failing;
        static volatile boolean probeToo;
        /** A row id refused as too long, whatever {@link #failing} says. */
        static volatile String refusedId;
        private String table;

        @Override
        public void init(java.sql.Connection conn, String schema, String trigger, String table, boolean before,
                         int type) {
            this.table = table;
        }

        @Override
        public void fire(java.sql.Connection conn, Object[] oldRow, Object[] newRow) throws SQLException {
            if (newRow != null && String.valueOf(newRow[0]).equals(refusedId)) {
                throw new SQLException("Value too long for column (test)", "22001", 22001);
            }
            if (failing && (probeToo || !table.equalsIgnoreCase("cache_probe"))) {
                throw new SQLException("IO Exception: No space left on device (test)", "HY000", 90028);
            }
        }
    }

    @AfterEach
    void stop() throws Exception {
        FailingWrites.failing = false;
        FailingWrites.probeToo = false;
        FailingWrites.refusedId = null;
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void alarmsWaitOnTheBrokerWhileTheCacheFailsAndAreStoredOnceItWorks() throws Exception {
        Collected collected = new Collected();
        try (CacheStores cache = startWithFailingWrites(true);
             BusService bus = startConsole(cache, collected)) {
            publishAndWaitOutTheFailure(cache, collected, "f-", 20);
            assertThat(collected.storeFailures).singleElement().asString()
                    .startsWith(BusAddresses.ALARMS).contains("No space left on device").contains("[90028]");
            assertThat(collected.storeFailures).hasSize(1);

            FailingWrites.failing = false;
            Collected.await(() -> Collected.quietly(() -> cache.alarms().countAll() == 20), 60);
            assertThat(cache.alarms().countAll()).isEqualTo(20);
            Collected.await(() -> collected.alarms.size() >= 20, 10);
            assertThat(collected.alarms).extracting(Alarm::id).doesNotHaveDuplicates().hasSize(20);
            assertThat(collected.storeRecoveries.get()).isPositive();
        }
        assertThat(deadLettered()).isZero();
    }

    @Test
    void alarmsATableRefusesWhileTheProbeWorksWaitOnTheBrokerAsForACacheFailure() throws Exception {
        Collected collected = new Collected();
        try (CacheStores cache = startWithFailingWrites(false);
             BusService bus = startConsole(cache, collected)) {
            publishAndWaitOutTheFailure(cache, collected, "p-", 3);
            assertThat(collected.storeFailures).singleElement().asString().contains("No space left on device");
            assertThat(cache.rejected().count()).as("not the data's fault: nothing rejected").isZero();

            FailingWrites.failing = false;
            Collected.await(() -> Collected.quietly(() -> cache.alarms().countAll() == 3), 60);
            assertThat(cache.alarms().countAll()).isEqualTo(3);
            assertThat(cache.rejected().count()).isZero();
        }
        assertThat(deadLettered()).isZero();
    }

    @Test
    void anAlarmTheCacheRefusesIsKeptAsRejectedAndDoesNotTakeItsBatchMatesWithIt() throws Exception {
        Collected collected = new Collected();
        List<String> bodies = BusIngestTest.alarms("t-", 20);
        // Meets the contract; a title longer than the cache's column is cut and flagged, not refused.
        bodies.set(12, BusIngestTest.alarm("t-12").replace("Emergency bell", "x".repeat(1001)));
        try (CacheStores cache = startWithFailingWrites(false);
             BusService bus = startConsole(cache, collected)) {
            FailingWrites.failing = false;
            FailingWrites.refusedId = "t-7";
            publishInOneTransaction(bodies);

            Collected.await(() -> Collected.quietly(() -> cache.rejected().count() == 1), 30);
            Collected.await(() -> collected.alarms.size() >= 19, 10);
            assertThat(cache.alarms().countAll()).isEqualTo(19);
            assertThat(cache.alarms().find("t-7")).isNull();
            assertThat(cache.alarms().find("t-12").attributes())
                    .containsEntry(AlarmCodec.REPAIRED, "title cut from 1001 characters");
            assertThat(collected.alarms).extracting(Alarm::id).doesNotHaveDuplicates().hasSize(19)
                    .doesNotContain("t-7");
            RejectedMessage refused = cache.rejected().newest(1).get(0);
            assertThat(refused.address()).isEqualTo(BusAddresses.ALARMS);
            assertThat(refused.reason()).isEqualTo("the cache refused it: Value too long for column (test) [22001]");
            assertThat(refused.body()).isEqualTo(bodies.get(7));
            assertThat(collected.storeFailures).as("the cache itself works").isEmpty();
        }
        assertThat(deadLettered()).isZero();
    }

    /**
     * Publishes the alarms, waits until the failure is reported, then as long as five deliveries would take had the
     * batch been handed back to the broker at each failure: nothing is stored meanwhile.
     */
    private void publishAndWaitOutTheFailure(CacheStores cache, Collected collected, String prefix, int count)
            throws Exception {
        BusIngestTest.publish(broker.clientUrl(), BusAddresses.ALARMS, BusIngestTest.alarms(prefix, count));
        Collected.await(() -> !collected.storeFailures.isEmpty(), 20);
        Thread.sleep(7000);
        assertThat(cache.alarms().countAll()).isZero();
    }

    private void publishInOneTransaction(List<String> bodies) throws Exception {
        try (Connection c = new ActiveMQConnectionFactory(broker.clientUrl()).createConnection();
             Session s = c.createSession(true, Session.SESSION_TRANSACTED)) {
            MessageProducer p = s.createProducer(s.createTopic(BusAddresses.ALARMS));
            p.setDeliveryMode(DeliveryMode.PERSISTENT);
            for (String body : bodies) {
                p.send(s.createTextMessage(body));
            }
            s.commit();
        }
    }

    /**
     * An own action sent while the cache cannot mark it published is sent again within seconds once the cache works,
     * without waiting for the operator's next action or a reconnection (review, session 10).
     */
    @Test
    void anOutboxTheCacheCouldNotMarkIsDrainedAgainWhenTheCacheWorks() throws Exception {
        broker = new EmbeddedBroker(dir.resolve("broker"), BusIngestTest.freePort());
        broker.start();
        Collected collected = new Collected();
        try (CacheStores cache = CacheStores.open(dir.resolve("cache"))) {
            try (var c = cache.db().connect(); Statement s = c.createStatement()) {
                s.execute("CREATE TRIGGER action_marks_fail BEFORE UPDATE ON operator_action FOR EACH ROW CALL '"
                        + FailingWrites.class.getName() + "'");
            }
            FailingWrites.failing = true;
            try (BusService bus = startConsole(cache, collected)) {
                new OperatorActions(cache, "op-kim", "ws-test", Clock.systemUTC())
                        .perform("a-1", ActionKind.ACKNOWLEDGE, null);
                bus.publishOutbox();
                Thread.sleep(1500);
                assertThat(cache.actions().outbox()).as("sent, but not marked").hasSize(1);
                FailingWrites.failing = false;
                Collected.await(() -> Collected.quietly(() -> cache.actions().outbox().isEmpty()), 20);
                assertThat(cache.actions().outbox()).isEmpty();
            }
        }
    }

    private CacheStores startWithFailingWrites(boolean probeToo) throws Exception {
        broker = new EmbeddedBroker(dir.resolve("broker"), BusIngestTest.freePort());
        broker.start();
        CacheStores cache = CacheStores.open(dir.resolve("cache"));
        try (var c = cache.db().connect(); Statement s = c.createStatement()) {
            for (String table : new String[] {"alarm", "cache_probe"}) {
                s.execute("CREATE TRIGGER " + table + "_fails BEFORE INSERT, UPDATE ON " + table
                        + " FOR EACH ROW CALL '" + FailingWrites.class.getName() + "'");
            }
        }
        FailingWrites.probeToo = probeToo;
        FailingWrites.failing = true;
        return cache;
    }

    private BusService startConsole(CacheStores cache, Collected collected) throws Exception {
        BusService bus = new BusService(new BusConfig(broker.clientUrl(), null, null, "ws-test"),
                IngestHandlers.create(cache, collected.sinks()), cache.db(), cache.actions(), collected.statuses::add);
        bus.start();
        Collected.await(collected::connected, 20);
        return bus;
    }

    private int deadLettered() throws Exception {
        return deadLettered(broker.clientUrl());
    }

    /** Takes everything in the dead-letter address and says how many there were. */
    static int deadLettered(String url) throws Exception {
        int n = 0;
        try (Connection c = new ActiveMQConnectionFactory(url).createConnection();
             Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE)) {
            MessageConsumer consumer = s.createConsumer(s.createQueue(EmbeddedBroker.DEAD_LETTER));
            c.start();
            while (consumer.receive(1000) != null) {
                n++;
            }
        }
        return n;
    }
}
