package org.haechi.messaging.bus;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.jms.Connection;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.haechi.core.bus.BusStatusListener;
import org.haechi.core.bus.DeadLetters;
import org.haechi.messaging.broker.EmbeddedBroker;
import org.haechi.messaging.cache.CacheStores;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Another console that cannot take its alarms (it rolls back every delivery) makes the broker dead-letter them after
 * their 5 attempts. A console that stored them counts what the dead-letter address holds and says so, without taking
 * anything from it.
 */
class DeadLettersTest {
    @TempDir
    Path dir;

    @Test
    void whatTheBrokerDeadLettersIsCountedByAddressWithoutBeingTaken() throws Exception {
        try (EmbeddedBroker broker = new EmbeddedBroker(dir.resolve("broker"), BusIngestTest.freePort())) {
            broker.start();
            String url = broker.clientUrl();
            BusIngestTest.subscribeAndLeave(url, "ws-broken", BusAddresses.ALARMS);
            Collected collected = new Collected();
            List<DeadLetters> told = collected.deadLetterCounts;
            BusStatusListener listener = collected.busListener();
            try (CacheStores cache = CacheStores.open(dir.resolve("cache"));
                 BusService bus = new BusService(new BusConfig(url, null, null, "ws-test"),
                         IngestHandlers.create(cache, collected.sinks()), cache.db(), cache.actions(), listener)) {
                bus.countDeadLettersEvery(Duration.ofMillis(500));
                bus.start();
                Collected.await(collected::connected, 20);
                Collected.await(() -> !told.isEmpty(), 10);
                assertThat(told).containsExactly(DeadLetters.NONE);

                BusIngestTest.publish(url, BusAddresses.ALARMS, BusIngestTest.alarms("dl-", 3));
                rollBackEveryDelivery(url, "ws-broken", told);

                Collected.await(() -> told.get(told.size() - 1).count() == 3, 20);
                assertThat(told.get(told.size() - 1))
                        .isEqualTo(new DeadLetters(3, false, Map.of(BusAddresses.ALARMS, 3)));
                assertThat(cache.alarms().countAll()).as("this console stored them").isEqualTo(3);
                Thread.sleep(1500);
                try (Connection c = new ActiveMQConnectionFactory(url).createConnection()) {
                    c.start();
                    assertThat(DeadLetterWatch.count(c, BusAddresses.DEAD_LETTER).count()).as("browsed, not taken").isEqualTo(3);
                }
            }
        }
    }

    /**
     * A production broker may dead-letter into another queue (Artemis's own default is {@code DLQ}): told its name,
     * the console counts what that one holds, by the address each message was first sent to.
     */
    @Test
    void aBrokersOwnDeadLetterAddressIsCountedWhenNamed() throws Exception {
        try (EmbeddedBroker broker = new EmbeddedBroker(dir.resolve("broker"), BusIngestTest.freePort())) {
            broker.start();
            String url = broker.clientUrl();
            try (Connection c = new ActiveMQConnectionFactory(url).createConnection()) {
                Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
                MessageProducer p = s.createProducer(s.createQueue("DLQ"));
                for (String from : List.of(BusAddresses.ALARMS, BusAddresses.ALARMS, BusAddresses.ACTIONS)) {
                    Message m = s.createTextMessage("{}");
                    m.setStringProperty("_AMQ_ORIG_ADDRESS", from);
                    p.send(m);
                }
            }
            Collected collected = new Collected();
            List<DeadLetters> told = collected.deadLetterCounts;
            try (CacheStores cache = CacheStores.open(dir.resolve("cache"));
                 BusService bus = new BusService(new BusConfig(url, null, null, "ws-dlq"),
                         IngestHandlers.create(cache, collected.sinks()), cache.db(), cache.actions(),
                         collected.busListener())) {
                bus.countDeadLettersIn(" DLQ ");
                bus.countDeadLettersEvery(Duration.ofMillis(300));
                bus.start();
                Collected.await(() -> !told.isEmpty(), 20);
                assertThat(told.get(0)).isEqualTo(new DeadLetters(3, false,
                        Map.of(BusAddresses.ALARMS, 2, BusAddresses.ACTIONS, 1)));
            }
            try (Connection c = new ActiveMQConnectionFactory(url).createConnection()) {
                c.start();
                assertThat(DeadLetterWatch.count(c, BusAddresses.DEAD_LETTER)).isEqualTo(DeadLetters.NONE);
            }
        }
    }

    /** A console whose every store fails: takes each delivery and rolls it back, until all 3 are dead-lettered. */
    private static void rollBackEveryDelivery(String url, String consoleId, List<DeadLetters> told) throws Exception {
        try (Connection c = new ActiveMQConnectionFactory(url).createConnection()) {
            c.setClientID(consoleId);
            Session s = c.createSession(true, Session.SESSION_TRANSACTED);
            MessageConsumer consumer = s.createDurableConsumer(s.createTopic(BusAddresses.ALARMS),
                    consoleId + "." + BusAddresses.ALARMS);
            c.start();
            long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (System.nanoTime() < until && (told.isEmpty() || told.get(told.size() - 1).count() < 3)) {
                if (consumer.receive(200) != null) {
                    s.rollback();
                }
            }
        }
    }
}
