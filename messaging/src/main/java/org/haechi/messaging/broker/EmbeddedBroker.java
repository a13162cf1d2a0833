package org.haechi.messaging.broker;

import java.nio.file.Path;
import org.apache.activemq.artemis.api.core.QueueConfiguration;
import org.apache.activemq.artemis.api.core.RoutingType;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.config.CoreAddressConfiguration;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.JournalType;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.core.settings.impl.AddressFullMessagePolicy;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;
import org.haechi.messaging.bus.BusAddresses;

/**
 * The embedded Artemis broker of the default mode: persistent, in the data folder, listening on 127.0.0.1 only
 * for Artemis core and AMQP clients. Start once, stop at shutdown; any thread.
 */
public final class EmbeddedBroker implements AutoCloseable {
    /** Where messages go that failed delivery 5 times. */
    public static final String DEAD_LETTER = BusAddresses.DEAD_LETTER;
    /** Where expired messages go. */
    public static final String EXPIRED = "haechi.expired";
    private final EmbeddedActiveMQ server = new EmbeddedActiveMQ();
    private final String acceptorUrl;

    /** A broker storing its journal under {@code dir}, listening on 127.0.0.1:{@code port}. */
    public EmbeddedBroker(Path dir, int port) {
        this.acceptorUrl = "tcp://127.0.0.1:" + port + "?protocols=CORE,AMQP";
        ConfigurationImpl config = new ConfigurationImpl();
        config.setName("haechi-embedded");
        config.setPersistenceEnabled(true);
        config.setSecurityEnabled(false);
        config.setJMXManagementEnabled(false);
        config.setJournalType(JournalType.NIO);
        // 0.5 ms instead of 3.33 ms: a synchronous persistent send drops from about 3.6 ms to 0.8 ms (FACTS.md).
        config.setJournalBufferTimeout_NIO(500_000);
        config.setJournalDirectory(dir.resolve("journal").toString());
        config.setBindingsDirectory(dir.resolve("bindings").toString());
        config.setPagingDirectory(dir.resolve("paging").toString());
        config.setLargeMessagesDirectory(dir.resolve("large-messages").toString());
        try {
            config.addAcceptorConfiguration("haechi", acceptorUrl);
        } catch (Exception e) {
            throw new IllegalArgumentException("bad acceptor " + acceptorUrl, e);
        }
        AddressSettings settings = new AddressSettings()
                .setDefaultAddressRoutingType(RoutingType.MULTICAST)
                .setDefaultQueueRoutingType(RoutingType.MULTICAST)
                .setMaxSizeBytes(64L * 1024 * 1024)
                .setAddressFullMessagePolicy(AddressFullMessagePolicy.PAGE)
                // A message no client can even read (a broken producer) is redelivered at most 5 times, then kept
                // in haechi.dead-letter for inspection.
                .setMaxDeliveryAttempts(5)
                .setDeadLetterAddress(SimpleString.of(DEAD_LETTER))
                .setExpiryAddress(SimpleString.of(EXPIRED));
        config.addAddressSetting("haechi.#", settings);
        for (String name : new String[] {DEAD_LETTER, EXPIRED}) {
            config.addAddressConfiguration(new CoreAddressConfiguration().setName(name)
                    .addRoutingType(RoutingType.ANYCAST)
                    .addQueueConfig(QueueConfiguration.of(name).setRoutingType(RoutingType.ANYCAST)));
            config.addAddressSetting(name, new AddressSettings().setMaxSizeBytes(16L * 1024 * 1024)
                    .setAddressFullMessagePolicy(AddressFullMessagePolicy.PAGE));
        }
        // Pre-created as multicast so that an AMQP or core producer that knows only the name reaches every console.
        for (String address : BusAddresses.ALL) {
            config.addAddressConfiguration(new CoreAddressConfiguration().setName(address)
                    .addRoutingType(RoutingType.MULTICAST));
        }
        server.setConfiguration(config);
    }

    public void start() throws Exception {
        server.start();
    }

    /** The URL a client on this machine uses to reach the broker. */
    public String clientUrl() {
        return acceptorUrl.substring(0, acceptorUrl.indexOf('?'));
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }
}
