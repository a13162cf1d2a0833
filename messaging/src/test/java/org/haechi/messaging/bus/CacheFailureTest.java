package org.haechi.messaging.bus;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.jms.Connection;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import java.nio.file.Path;
import java.sql.SQLException;
import java.sql.Statement;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.h2.api.Trigger;
import org.haechi.core.alarm.Alarm;
import org.haechi.messaging.broker.EmbeddedBroker;
import org.haechi.messaging.cache.CacheStores;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The cache fails to write (as on a full disk) while alarms arrive, with the embedded broker's real settings (at
 * most 5 deliveries, then the dead-letter address): the alarms wait on the broker, the failure is reported, and once
 * the cache works again every alarm is stored once and none was dead-lettered.
 */
class CacheFailureTest {
    @TempDir
    Path dir;
    EmbeddedBroker broker;

    /** Fails every write into the alarm table while {@link #failing}: a real H2 error with an I/O error's code. */
    public static final class FailingWrites implements Trigger {
        static volatile boolean failing;

        @Override
        public void fire(java.sql.Connection conn, Object[] oldRow, Object[] newRow) throws SQLException {
            if (failing) {
                throw new SQLException("IO Exception: No space left on device (test)", "HY000", 90028);
            }
        }
    }

    @AfterEach
    void stop() throws Exception {
        FailingWrites.failing = false;
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void alarmsWaitOnTheBrokerWhileTheCacheFailsAndAreStoredOnceItWorks() throws Exception {
        broker = new EmbeddedBroker(dir.resolve("broker"), BusIngestTest.freePort());
        broker.start();
        Collected collected = new Collected();
        try (CacheStores cache = CacheStores.open(dir.resolve("cache"));
             BusService bus = new BusService(new BusConfig(broker.clientUrl(), null, null, "ws-test"),
                     IngestHandlers.create(cache, collected.sinks()), cache.db(), cache.actions(),
                     collected.statuses::add)) {
            try (var c = cache.db().connect(); Statement s = c.createStatement()) {
                s.execute("CREATE TRIGGER alarm_fails BEFORE INSERT ON alarm FOR EACH ROW CALL '"
                        + FailingWrites.class.getName() + "'");
            }
            FailingWrites.failing = true;
            bus.start();
            Collected.await(collected::connected, 20);
            BusIngestTest.publish(broker.clientUrl(), BusAddresses.ALARMS, BusIngestTest.alarms("f-", 20));

            Collected.await(() -> !collected.storeFailures.isEmpty(), 20);
            assertThat(collected.storeFailures).singleElement().asString()
                    .startsWith(BusAddresses.ALARMS).contains("No space left on device");
            // Long enough for five redeliveries, had the batch been handed back to the broker at each failure.
            Thread.sleep(7000);
            assertThat(cache.alarms().countAll()).isZero();
            assertThat(collected.storeFailures).hasSize(1);

            FailingWrites.failing = false;
            Collected.await(() -> Collected.quietly(() -> cache.alarms().countAll() == 20), 60);
            assertThat(cache.alarms().countAll()).isEqualTo(20);
            Collected.await(() -> collected.alarms.size() >= 20, 10);
            assertThat(collected.alarms).extracting(Alarm::id).doesNotHaveDuplicates().hasSize(20);
            assertThat(collected.storeRecoveries.get()).isEqualTo(1);
        }
        assertThat(deadLettered()).isZero();
    }

    private int deadLettered() throws Exception {
        int n = 0;
        try (Connection c = new ActiveMQConnectionFactory(broker.clientUrl()).createConnection();
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
