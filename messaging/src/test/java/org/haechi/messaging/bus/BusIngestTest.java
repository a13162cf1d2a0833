package org.haechi.messaging.bus;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.jms.Connection;
import jakarta.jms.DeliveryMode;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.haechi.core.alarm.Alarm;
import org.haechi.core.alarm.AlarmState;
import org.haechi.core.bus.BatchCycle;
import org.haechi.core.bus.RejectedMessage;
import org.haechi.messaging.broker.EmbeddedBroker;
import org.haechi.messaging.cache.CacheStores;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole ingest path with a real embedded Artemis broker on 127.0.0.1 and a real H2 file. */
class BusIngestTest {
    @TempDir
    Path dir;
    EmbeddedBroker broker;
    CacheStores cache;
    BusService bus;
    final Collected collected = new Collected();

    @AfterEach
    void stop() throws Exception {
        if (bus != null) {
            bus.close();
        }
        if (broker != null) {
            broker.close();
        }
        if (cache != null) {
            cache.close();
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    void startConsole(String url) throws Exception {
        cache = CacheStores.open(dir.resolve("cache"));
        bus = new BusService(new BusConfig(url, null, null, "ws-test"),
                IngestHandlers.create(cache, collected.sinks()), cache.db(), cache.actions(), collected.statuses::add);
        bus.onOwnActionsPublished(collected.alarms::addAll);
        bus.start();
    }

    void startBrokerAndConsole() throws Exception {
        broker = new EmbeddedBroker(dir.resolve("broker"), freePort());
        broker.start();
        startConsole(broker.clientUrl());
        Collected.await(collected::connected, 20);
    }

    /** {@code count} valid alarm bodies with ids prefix0, prefix1, ... */
    static List<String> alarms(String prefix, int count) {
        List<String> bodies = new java.util.ArrayList<>();
        for (int i = 0; i < count; i++) {
            bodies.add(alarm(prefix + i));
        }
        return bodies;
    }

    static String alarm(String id) {
        return "{\"schema\":\"haechi.alarm/1\",\"id\":\"" + id + "\",\"type\":\"EMERGENCY_BELL\",\"severity\":"
                + "\"CRITICAL\",\"occurredAt\":\"2026-11-28T05:12:00Z\",\"location\":{\"lat\":37.4979,"
                + "\"lon\":127.0276},\"title\":\"Emergency bell\"}";
    }

    /** A durable subscription on {@code address} of a console that is away: what is sent waits in it. */
    static void subscribeAndLeave(String url, String consoleId, String address) throws Exception {
        try (Connection c = new ActiveMQConnectionFactory(url).createConnection()) {
            c.setClientID(consoleId);
            Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
            s.createDurableConsumer(s.createTopic(address), consoleId + "." + address).close();
        }
    }

    static void publish(String url, String address, List<String> bodies) throws Exception {
        try (Connection c = new ActiveMQConnectionFactory(url).createConnection();
             Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE)) {
            MessageProducer p = s.createProducer(s.createTopic(address));
            p.setDeliveryMode(DeliveryMode.PERSISTENT);
            for (String body : bodies) {
                p.send(s.createTextMessage(body));
            }
        }
    }

    /**
     * A bytes body is read as UTF-8 (WIRE.md); one in another encoding, as a Korean system writing CP949 sends, is
     * rejected with the reason rather than stored with its Hangul turned into replacement characters (review,
     * session 11).
     */
    @Test
    void aBytesBodyMustBeUtf8() throws Exception {
        startBrokerAndConsole();
        String korean = alarm("bytes-ko").replace("Emergency bell", "비상벨");
        try (Connection c = new ActiveMQConnectionFactory(broker.clientUrl()).createConnection();
             Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE)) {
            MessageProducer p = s.createProducer(s.createTopic(BusAddresses.ALARMS));
            for (java.nio.charset.Charset cs : List.of(java.nio.charset.Charset.forName("MS949"),
                    java.nio.charset.StandardCharsets.UTF_8)) {
                jakarta.jms.BytesMessage m = s.createBytesMessage();
                m.writeBytes(korean.replace("bytes-ko", "bytes-" + cs.name()).getBytes(cs));
                p.send(m);
            }
        }
        Collected.await(() -> collected.alarms.size() == 1 && Collected.quietly(() -> cache.rejected().count() == 1),
                20);
        assertThat(collected.alarms).singleElement().satisfies(a -> {
            assertThat(a.id()).isEqualTo("bytes-UTF-8");
            assertThat(a.title()).isEqualTo("비상벨");
        });
        assertThat(cache.rejected().newest(1)).singleElement().satisfies(r ->
                assertThat(r.reason()).contains("a bytes body that is not UTF-8"));
    }

    @Test
    void publishedAlarmsReachCacheAndSinkOnceAndBadOnesAreKeptAsRejected() throws Exception {
        startBrokerAndConsole();
        List<String> bodies = alarms("a-", 300);
        bodies.add(alarm("a-7"));
        bodies.add("{\"schema\":\"haechi.alarm/1\",\"id\":\"broken\"");
        bodies.add(alarm("a-300").replace("37.4979", "97.5"));
        publish(broker.clientUrl(), BusAddresses.ALARMS, bodies);

        Collected.await(() -> collected.received.get() >= 303, 30);
        assertThat(collected.received.get()).isEqualTo(303);
        assertThat(collected.alarms).extracting(Alarm::id).doesNotHaveDuplicates().hasSize(300);
        assertThat(cache.alarms().countAll()).isEqualTo(300);
        assertThat(collected.rejected.get()).isEqualTo(2);
        assertThat(cache.rejected().newest(10)).extracting(RejectedMessage::reason)
                .anyMatch(r -> r.contains("not valid JSON")).anyMatch(r -> r.contains("outside -90..90"));
        assertThat(cache.rejected().newest(10)).allMatch(r -> r.address().equals(BusAddresses.ALARMS));
    }

    @Test
    void everyAcknowledgedBatchTellsWhereItsTimeWent() throws Exception {
        startBrokerAndConsole();
        List<String> bodies = alarms("t-", 120);
        bodies.add("not json");
        publish(broker.clientUrl(), BusAddresses.ALARMS, bodies);

        Collected.await(() -> collected.alarmCycles.stream().mapToInt(BatchCycle::messages).sum() >= 121, 30);
        assertThat(collected.alarmCycles).isNotEmpty();
        assertThat(collected.alarmCycles.stream().mapToInt(BatchCycle::messages).sum()).isEqualTo(121);
        assertThat(collected.alarmCycles).allSatisfy(c -> {
            assertThat(c.storeNanos()).isPositive();
            assertThat(c.cacheCommitNanos()).isPositive();
            assertThat(c.busCommitNanos()).as("a durable address commits its JMS transaction").isPositive();
            assertThat(c.receiveNanos()).isNotNegative();
        });
    }

    @Test
    void anUnreadableBodyIsRejectedAndTheConsumerGoesOn() throws Exception {
        startBrokerAndConsole();
        // A core message typed as text whose body is not a string: reading it throws inside the JMS client.
        try (var locator = org.apache.activemq.artemis.api.core.client.ActiveMQClient.createServerLocator(
                broker.clientUrl()); var factory = locator.createSessionFactory();
             var session = factory.createSession()) {
            var producer = session.createProducer(BusAddresses.ALARMS);
            var m = session.createMessage(org.apache.activemq.artemis.api.core.Message.TEXT_TYPE, true);
            m.getBodyBuffer().writeBytes(new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9});
            producer.send(m);
        }
        publish(broker.clientUrl(), BusAddresses.ALARMS, List.of(alarm("after-garbage")));
        // Two sessions drain the alarms (ADR 0007): the good alarm may be stored before the garbage is looked at.
        Collected.await(() -> collected.alarms.size() == 1 && collected.rejected.get() >= 1, 20);
        assertThat(collected.alarms).extracting(Alarm::id).containsExactly("after-garbage");
        // The client cannot hand the message over, so it cannot acknowledge it either: the broker redelivers it at
        // most 5 times (then dead-letters it); each delivery is recorded, and the consumer goes on.
        assertThat(collected.rejected.get()).isBetween(1, 5);
        assertThat(cache.rejected().newest(5).get(0).reason()).contains("body could not be read");
    }

    @Test
    void anActionThatArrivesBeforeItsAlarmStillApplies() throws Exception {
        startBrokerAndConsole();
        String close = "{\"schema\":\"haechi.action/1\",\"actionId\":\"act-1\",\"alarmId\":\"early\","
                + "\"kind\":\"ACKNOWLEDGE\",\"operator\":\"op-lee\",\"console\":\"ws-other\","
                + "\"at\":\"2026-11-28T05:13:00Z\"}";
        publish(broker.clientUrl(), BusAddresses.ACTIONS, List.of(close));
        Collected.await(() -> collected.received.get() >= 1, 20);
        publish(broker.clientUrl(), BusAddresses.ALARMS, List.of(alarm("early")));
        Collected.await(() -> collected.alarms.size() == 1, 20);
        assertThat(collected.alarms.get(0).state()).isEqualTo(AlarmState.ACKNOWLEDGED);
        assertThat(cache.alarms().find("early").state()).isEqualTo(AlarmState.ACKNOWLEDGED);
    }

    @Test
    void consoleOpensOfflineFromCacheAndConnectsWhenTheBrokerComes() throws Exception {
        int port = freePort();
        String url = "tcp://127.0.0.1:" + port;
        startConsole(url);
        Collected.await(() -> !collected.statuses.isEmpty() && collected.statuses.get(
                collected.statuses.size() - 1).detail() != null && !collected.statuses.get(0).connected(), 10);
        assertThat(collected.connected()).isFalse();
        assertThat(collected.statuses.get(collected.statuses.size() - 1).offlineSince()).isNotNull();

        broker = new EmbeddedBroker(dir.resolve("broker"), port);
        broker.start();
        Collected.await(collected::connected, 30);
        assertThat(collected.connected()).isTrue();
        publish(url, BusAddresses.ALARMS, List.of(alarm("late-1")));
        Collected.await(() -> collected.alarms.size() == 1, 20);
        assertThat(cache.alarms().find("late-1")).isNotNull();
    }

    @Test
    void ownActionIsPublishedFromTheOutboxAndComesBackOnce() throws Exception {
        startBrokerAndConsole();
        publish(broker.clientUrl(), BusAddresses.ALARMS, List.of(alarm("ack-me")));
        Collected.await(() -> collected.alarms.size() == 1, 20);

        var actions = new org.haechi.messaging.cache.OperatorActions(cache, "op-kim", "ws-test",
                java.time.Clock.systemUTC());
        Alarm local = actions.perform("ack-me", org.haechi.core.alarm.ActionKind.ACKNOWLEDGE, null);
        assertThat(local.state()).isEqualTo(AlarmState.ACKNOWLEDGED);
        assertThat(local.pending()).isTrue();
        bus.publishOutbox();
        Collected.await(() -> Collected.quietly(() -> cache.actions().outbox().isEmpty()
                && !cache.alarms().find("ack-me").pending()), 20);
        assertThat(cache.actions().outbox()).isEmpty();
        assertThat(cache.alarms().find("ack-me").state()).isEqualTo(AlarmState.ACKNOWLEDGED);
        assertThat(cache.alarms().find("ack-me").pending()).isFalse();
        Collected.await(() -> collected.alarms.size() == 2, 20);
        assertThat(collected.alarms.get(1)).as("the screen is told it is no longer pending")
                .isEqualTo(cache.alarms().find("ack-me"));
        Thread.sleep(500);
        assertThat(collected.alarms).as("its own copy coming back changes nothing").hasSize(2);
    }
}
