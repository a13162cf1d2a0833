package org.haechi.messaging.broker;

import java.nio.file.Path;
import org.apache.activemq.artemis.api.core.RoutingType;
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
                .setAddressFullMessagePolicy(AddressFullMessagePolicy.PAGE);
        config.addAddressSetting("haechi.#", settings);
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
