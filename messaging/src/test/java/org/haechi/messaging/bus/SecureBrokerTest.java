package org.haechi.messaging.bus;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.config.impl.SecurityConfiguration;
import org.apache.activemq.artemis.core.security.Role;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.spi.core.security.ActiveMQJAASSecurityManager;
import org.apache.activemq.artemis.spi.core.security.jaas.InVMLoginModule;
import org.haechi.core.bus.BusStatus;
import org.haechi.core.bus.BusStatusListener;
import org.haechi.messaging.cache.CacheStores;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Production connections, for real: a broker on 127.0.0.1 that accepts only TLS (a keystore made by keytool) and
 * requires a login. The console connects with the trust store and its credentials, and is refused without them.
 */
class SecureBrokerTest {
    @TempDir
    static Path dir;
    static EmbeddedActiveMQ broker;
    static int port;
    static Path keystore;

    @BeforeAll
    static void startSecureBroker() throws Exception {
        keystore = dir.resolve("broker.p12");
        Process keytool = new ProcessBuilder("keytool", "-genkeypair", "-alias", "broker", "-keyalg", "RSA",
                "-keysize", "2048", "-validity", "2", "-dname", "CN=127.0.0.1", "-ext", "SAN=ip:127.0.0.1",
                "-storetype", "PKCS12", "-keystore", keystore.toString(), "-storepass", "changeit",
                "-keypass", "changeit").inheritIO().start();
        assertThat(keytool.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(keytool.exitValue()).isZero();
        port = BusIngestTest.freePort();
        ConfigurationImpl config = new ConfigurationImpl();
        config.setPersistenceEnabled(false);
        config.setSecurityEnabled(true);
        config.setJMXManagementEnabled(false);
        config.addAcceptorConfiguration("tls", "tcp://127.0.0.1:" + port + "?sslEnabled=true;keyStorePath="
                + keystore + ";keyStorePassword=changeit;keyStoreType=PKCS12");
        config.putSecurityRoles("#", Set.of(new Role("operator", true, true, true, true, true, true, true, true)));
        SecurityConfiguration users = new SecurityConfiguration();
        users.addUser("op-kim", "s3cret-pass");
        users.addRole("op-kim", "operator");
        broker = new EmbeddedActiveMQ().setConfiguration(config)
                .setSecurityManager(new ActiveMQJAASSecurityManager(InVMLoginModule.class.getName(), users));
        broker.start();
    }

    @AfterAll
    static void stop() throws Exception {
        broker.stop();
    }

    String tlsUrl() {
        return "tcp://127.0.0.1:" + port + "?sslEnabled=true&trustStorePath=" + keystore
                + "&trustStorePassword=changeit&trustStoreType=PKCS12&verifyHost=true";
    }

    BusStatus connect(String name, String url, String user, String password) throws Exception {
        Collected collected = new Collected();
        try (CacheStores cache = CacheStores.open(dir.resolve(name));
             BusService bus = new BusService(new BusConfig(url, user, password, "ws-" + name),
                     IngestHandlers.create(cache, collected.sinks()), cache.db(), cache.actions(),
                     collected.statuses::add)) {
            bus.start();
            Collected.await(() -> collected.connected() || collected.statuses.size() >= 3 || collected.statuses
                    .stream().anyMatch(st -> String.valueOf(st.detail()).contains("refused the login")), 20);
            return collected.statuses.get(collected.statuses.size() - 1);
        }
    }

    @Test
    void connectsOverTlsWithTheTrustStoreAndALogin() throws Exception {
        assertThat(connect("good", tlsUrl(), "op-kim", "s3cret-pass").connected()).isTrue();
    }

    @Test
    void aWrongPasswordIsRefusedAndSaysSo() throws Exception {
        BusStatus s = connect("bad-password", tlsUrl(), "op-kim", "wrong");
        assertThat(s.connected()).isFalse();
        assertThat(s.detail()).startsWith("the broker refused the login of op-kim: ").doesNotContain("wrong");
    }

    /**
     * Retrying refused credentials every few seconds locks a directory account within a minute; the bus waits for new
     * ones (the console asks the operator again) and connects with them at once (review, session 10).
     */
    @Test
    void aRefusedLoginIsNotRetriedAndNewCredentialsConnectAtOnce() throws Exception {
        Collected collected = new Collected();
        List<String> refused = collected.refusedLogins;
        BusStatusListener listener = collected.busListener();
        try (CacheStores cache = CacheStores.open(dir.resolve("relogin"));
             BusService bus = new BusService(new BusConfig(tlsUrl(), "op-kim", "wrong", "ws-relogin"),
                     IngestHandlers.create(cache, collected.sinks()), cache.db(), cache.actions(), listener)) {
            bus.start();
            Collected.await(() -> !refused.isEmpty(), 20);
            // At the old pace (0.5, 1, 2 s between attempts) three more attempts would have been refused by now.
            Thread.sleep(4000);
            assertThat(refused).containsExactly("op-kim");
            bus.login("op-kim", "s3cret-pass");
            Collected.await(collected::connected, 20);
            assertThat(collected.connected()).isTrue();
        }
    }

    /** TLS store passwords come from the environment, never from the address on the command line. */
    @Test
    void theTrustStorePasswordCanComeFromTheEnvironmentInsteadOfTheAddress() throws Exception {
        String noPassword = "tcp://127.0.0.1:" + port + "?sslEnabled=true&trustStorePath=" + keystore
                + "&trustStoreType=PKCS12&verifyHost=true";
        assertThat(connect("no-env-trust", noPassword, "op-kim", "s3cret-pass").connected())
                .as("without the password the trust store cannot be read").isFalse();
        try {
            BusConfig.useStorePasswords(Map.of(BusConfig.TRUST_STORE_PASSWORD_ENV, "changeit"));
            assertThat(connect("env-trust", noPassword, "op-kim", "s3cret-pass").connected()).isTrue();
        } finally {
            System.clearProperty(BusConfig.TRUST_STORE_PASSWORD_PROPERTY);
        }
    }

    @Test
    void withoutTheBrokersCertificateTheHandshakeFails() throws Exception {
        String noTrust = "tcp://127.0.0.1:" + port + "?sslEnabled=true";
        assertThat(connect("no-trust", noTrust, "op-kim", "s3cret-pass").connected()).isFalse();
    }

    @Test
    void plainTcpIsNotAccepted() throws Exception {
        assertThat(connect("plain", "tcp://127.0.0.1:" + port, "op-kim", "s3cret-pass").connected()).isFalse();
    }

    @Test
    void aListOfBrokersFailsOverToTheOneThatIsUp() throws Exception {
        int down = BusIngestTest.freePort();
        String ha = "(tcp://127.0.0.1:" + down + ",tcp://127.0.0.1:" + port + ")?ha=true&sslEnabled=true"
                + "&trustStorePath=" + keystore + "&trustStorePassword=changeit&trustStoreType=PKCS12";
        assertThat(connect("ha", ha, "op-kim", "s3cret-pass").connected()).isTrue();
    }
}
