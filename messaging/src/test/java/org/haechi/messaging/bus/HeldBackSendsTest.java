package org.haechi.messaging.bus;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.jms.Connection;
import jakarta.jms.DeliveryMode;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Set;
import org.apache.activemq.artemis.api.core.RoutingType;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.config.CoreAddressConfiguration;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.config.impl.SecurityConfiguration;
import org.apache.activemq.artemis.core.security.Role;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.core.settings.impl.AddressFullMessagePolicy;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.apache.activemq.artemis.spi.core.security.ActiveMQJAASSecurityManager;
import org.apache.activemq.artemis.spi.core.security.jaas.InVMLoginModule;
import org.haechi.core.alarm.ActionKind;
import org.haechi.core.alarm.Alarm;
import org.haechi.core.alarm.AlarmState;
import org.haechi.core.alarm.AlarmType;
import org.haechi.core.alarm.Severity;
import org.haechi.core.bus.BusStatus;
import org.haechi.messaging.cache.CacheStores;
import org.haechi.messaging.cache.OperatorActions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A broker that holds back the console's sends (a full actions address with the BLOCK policy, as a full disk does to
 * every address), or refuses them (its security does not let the console's user send actions): the operator is told,
 * the action stays pending, and goes out once the broker takes it.
 */
class HeldBackSendsTest {
    static final int LIMIT = 20_000;
    private static final String PASSWORD = "s3cret-pass";
    @TempDir
    Path dir;
    EmbeddedActiveMQ broker;
    String url;

    @AfterEach
    void stop() throws Exception {
        if (broker != null) {
            broker.stop();
        }
    }

    @Test
    void aHeldBackActionIsReportedAndGoesOutOnceTheBrokerTakesIt() throws Exception {
        startBrokerWithSmallBlockingActionsAddress();
        BusIngestTest.subscribeAndLeave(url, "ws-away", BusAddresses.ACTIONS);
        fillActionsAddress();

        Collected collected = new Collected();
        try (CacheStores cache = CacheStores.open(dir.resolve("cache"));
             BusService bus = acknowledgeUntilHeldBack(cache, collected, null, "held-1")) {
            assertThat(lastStatus(collected).sendsHeldBack()).isTrue();
            assertThat(lastStatus(collected).connected()).isTrue();
            assertThat(lastStatus(collected).detail()).isEqualTo(url);
            assertThat(cache.actions().outbox()).hasSize(1);
            assertThat(cache.alarms().find("held-1").pending()).isTrue();

            drain("ws-away");
            Collected.await(() -> Collected.quietly(() -> cache.actions().outbox().isEmpty()), 30);
            Collected.await(() -> !lastStatus(collected).sendsHeldBack(), 10);
            assertThat(cache.actions().outbox()).isEmpty();
            assertThat(lastStatus(collected).sendsHeldBack()).isFalse();
            assertThat(lastStatus(collected).connected()).isTrue();
        }
    }

    @Test
    void anOutboxTheBrokerRefusesIsReportedAndSentAgainOnceItIsAllowed() throws Exception {
        startSecureBrokerWhereOperatorsMayNotSendTo(BusAddresses.ACTIONS);
        Collected collected = new Collected();
        try (CacheStores cache = CacheStores.open(dir.resolve("cache"));
             BusService bus = acknowledgeUntilHeldBack(cache, collected, "op-kim", "refused-1")) {
            assertThat(lastStatus(collected).sendsHeldBack()).isTrue();
            assertThat(lastStatus(collected).connected()).isTrue();
            assertThat(cache.actions().outbox()).hasSize(1);

            broker.getActiveMQServer().getSecurityRepository().addMatch(BusAddresses.ACTIONS, Set.of(allowed()));
            Collected.await(() -> Collected.quietly(() -> cache.actions().outbox().isEmpty()), 30);
            Collected.await(() -> !lastStatus(collected).sendsHeldBack(), 10);
            assertThat(cache.actions().outbox()).isEmpty();
            assertThat(cache.alarms().find("refused-1").pending()).isFalse();
            assertThat(lastStatus(collected).sendsHeldBack()).isFalse();
        }
    }

    /**
     * Starts the console (as {@code user} with the test password, or with no login when null), lets it store one alarm
     * from the bus, acknowledges it, and waits until the broker holds the outbox back.
     */
    private BusService acknowledgeUntilHeldBack(CacheStores cache, Collected collected, String user, String alarmId)
            throws Exception {
        BusService bus = new BusService(new BusConfig(url, user, user == null ? null : PASSWORD, "ws-test"),
                IngestHandlers.create(cache, collected.sinks()), cache.db(), cache.actions(), collected.statuses::add);
        try {
            bus.reportHeldBackAfter(Duration.ofSeconds(2));
            bus.start();
            Collected.await(collected::connected, 20);
            publishAlarm(alarmId);
            Collected.await(() -> Collected.quietly(() -> cache.alarms().find(alarmId) != null), 20);
            new OperatorActions(cache, "op-kim", "ws-test", Clock.systemUTC())
                    .perform(alarmId, ActionKind.ACKNOWLEDGE, null);
            bus.publishOutbox();
            Collected.await(() -> lastStatus(collected).sendsHeldBack(), 30);
            return bus;
        } catch (Exception | AssertionError e) {
            bus.close();
            throw e;
        }
    }

    private static Role allowed() {
        return new Role("operator", true, true, true, true, true, true, true, true);
    }

    @Test
    void actionsTheBrokerRefusesDoNotHoldBackTheAlarmsTheConsoleRaised() throws Exception {
        startSecureBrokerWhereOperatorsMayNotSendTo(BusAddresses.ACTIONS);
        Collected collected = new Collected();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Alarm offline = new Alarm("cam-offline-cam-gn-00017-" + now.toEpochMilli(), AlarmType.CAMERA_OFFLINE,
                "CAMERA_OFFLINE", Severity.HIGH, now, now, null, "cam-gn-00017", "Camera offline", Map.of(),
                AlarmState.NEW, false);
        try (CacheStores cache = CacheStores.open(dir.resolve("cache"));
             BusService bus = new BusService(new BusConfig(url, "op-kim", PASSWORD, "ws-test"),
                     IngestHandlers.create(cache, collected.sinks()), cache.db(), cache.actions(), cache.raised(),
                     collected.statuses::add)) {
            cache.raised().raise(offline, "ws-test", "op-kim");
            new OperatorActions(cache, "op-kim", "ws-test", Clock.systemUTC())
                    .perform(offline.id(), ActionKind.ACKNOWLEDGE, null);
            bus.start();
            Collected.await(collected::connected, 20);
            Collected.await(() -> lastStatus(collected).sendsHeldBack(), 20);
            Collected.await(() -> Collected.quietly(() -> cache.raised().queued().isEmpty()), 20);
            assertThat(cache.raised().queued()).as("the raised alarm went out").isEmpty();
            assertThat(cache.actions().outbox()).as("the action waits").hasSize(1);
            assertThat(lastStatus(collected).sendsHeldBack()).isTrue();

            broker.getActiveMQServer().getSecurityRepository().addMatch(BusAddresses.ACTIONS, Set.of(allowed()));
            Collected.await(() -> Collected.quietly(() -> cache.actions().outbox().isEmpty()), 30);
            Collected.await(() -> !lastStatus(collected).sendsHeldBack(), 10);
            assertThat(cache.actions().outbox()).isEmpty();
            assertThat(lastStatus(collected).sendsHeldBack()).isFalse();
        }
    }

    /** A broker with a login, whose operators may do anything but send on {@code address}. */
    private void startSecureBrokerWhereOperatorsMayNotSendTo(String address) throws Exception {
        int port = BusIngestTest.freePort();
        url = "tcp://127.0.0.1:" + port;
        ConfigurationImpl config = new ConfigurationImpl();
        config.setPersistenceEnabled(false);
        config.setSecurityEnabled(true);
        config.setJMXManagementEnabled(false);
        config.addAcceptorConfiguration("core", url);
        config.putSecurityRoles("#", Set.of(allowed()));
        Role mayNotSend = new Role("operator", false, true, true, true, true, true, false, true);
        config.putSecurityRoles(address, Set.of(mayNotSend));
        SecurityConfiguration users = new SecurityConfiguration();
        users.addUser("op-kim", PASSWORD);
        users.addRole("op-kim", "operator");
        broker = new EmbeddedActiveMQ().setConfiguration(config)
                .setSecurityManager(new ActiveMQJAASSecurityManager(InVMLoginModule.class.getName(), users));
        broker.start();
    }

    @Test
    void aHeldBackActionOutlivesTheBrokerGoingAwayAndGoesOutToTheBrokerThatComesBack() throws Exception {
        startBrokerWithSmallBlockingActionsAddress();
        BusIngestTest.subscribeAndLeave(url, "ws-away", BusAddresses.ACTIONS);
        fillActionsAddress();

        Collected collected = new Collected();
        try (CacheStores cache = CacheStores.open(dir.resolve("cache"));
             BusService bus = acknowledgeUntilHeldBack(cache, collected, null, "away-1")) {
            assertThat(lastStatus(collected).sendsHeldBack()).isTrue();

            broker.stop();
            Collected.await(() -> !lastStatus(collected).connected(), 30);
            assertThat(lastStatus(collected).connected()).isFalse();
            assertThat(lastStatus(collected).sendsHeldBack()).as("offline is never also held back").isFalse();
            assertThat(cache.actions().outbox()).hasSize(1);

            // The broker comes back empty (not persistent), with room on its actions address.
            startBrokerWithSmallBlockingActionsAddress(Integer.parseInt(url.substring(url.lastIndexOf(':') + 1)));
            Collected.await(() -> Collected.quietly(() -> cache.actions().outbox().isEmpty()), 60);
            Collected.await(() -> lastStatus(collected).connected() && !lastStatus(collected).sendsHeldBack(), 20);
            assertThat(cache.actions().outbox()).isEmpty();
            assertThat(cache.alarms().find("away-1").pending()).isFalse();
            assertThat(lastStatus(collected).connected()).isTrue();
            assertThat(lastStatus(collected).sendsHeldBack()).isFalse();
        }
    }

    private void startBrokerWithSmallBlockingActionsAddress() throws Exception {
        startBrokerWithSmallBlockingActionsAddress(BusIngestTest.freePort());
    }

    private void startBrokerWithSmallBlockingActionsAddress(int port) throws Exception {
        url = "tcp://127.0.0.1:" + port;
        ConfigurationImpl config = new ConfigurationImpl();
        config.setPersistenceEnabled(false);
        config.setSecurityEnabled(false);
        config.setJMXManagementEnabled(false);
        config.addAcceptorConfiguration("core", url);
        config.addAddressSetting(BusAddresses.ACTIONS, new AddressSettings().setMaxSizeBytes(LIMIT)
                .setAddressFullMessagePolicy(AddressFullMessagePolicy.BLOCK)
                .setDefaultAddressRoutingType(RoutingType.MULTICAST));
        for (String address : BusAddresses.ALL) {
            config.addAddressConfiguration(new CoreAddressConfiguration().setName(address)
                    .addRoutingType(RoutingType.MULTICAST));
        }
        broker = new EmbeddedActiveMQ().setConfiguration(config);
        broker.start();
    }

    /**
     * Puts more than the address's limit in it (the away console's subscription keeps it there). This producer got
     * its credits before the address filled, so its own sends do not wait; a producer that asks later gets none.
     */
    private void fillActionsAddress() throws Exception {
        try (Connection c = new ActiveMQConnectionFactory(url).createConnection();
             Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE)) {
            MessageProducer p = s.createProducer(s.createTopic(BusAddresses.ACTIONS));
            p.setDeliveryMode(DeliveryMode.NON_PERSISTENT);
            for (int i = 0; i < 6; i++) {
                p.send(s.createTextMessage("x".repeat(4_000)));
            }
        }
        assertThat(broker.getActiveMQServer().getPagingManager()
                .getPageStore(SimpleString.of(BusAddresses.ACTIONS)).getAddressSize()).isGreaterThan(LIMIT);
    }

    private void publishAlarm(String id) throws Exception {
        try (Connection c = new ActiveMQConnectionFactory(url).createConnection("op-kim", PASSWORD);
             Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE)) {
            MessageProducer p = s.createProducer(s.createTopic(BusAddresses.ALARMS));
            p.setDeliveryMode(DeliveryMode.PERSISTENT);
            p.send(s.createTextMessage(BusIngestTest.alarm(id)));
        }
    }

    /** The away console comes back and takes everything waiting for it. */
    private void drain(String consoleId) throws Exception {
        try (Connection c = new ActiveMQConnectionFactory(url).createConnection()) {
            c.setClientID(consoleId);
            Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageConsumer consumer = s.createDurableConsumer(s.createTopic(BusAddresses.ACTIONS),
                    consoleId + "." + BusAddresses.ACTIONS);
            c.start();
            while (consumer.receive(1000) != null) {
                // taken and acknowledged
            }
        }
    }

    private static BusStatus lastStatus(Collected collected) {
        return collected.statuses.get(collected.statuses.size() - 1);
    }
}
