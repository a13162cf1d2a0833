package org.haechi.messaging.bus;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;

/**
 * How to reach the bus.
 *
 * @param brokerUrl Artemis URL, may list several brokers for HA
 * @param user      user name or null
 * @param password  password or null (never logged)
 * @param consoleId stable console identity: JMS client id and prefix of durable subscription names
 */
public record BusConfig(String brokerUrl, String user, String password, String consoleId) {
    /** Environment variable of the trust store's password (TLS), never given on the command line. */
    public static final String TRUST_STORE_PASSWORD_ENV = "HAECHI_TRUSTSTORE_PASSWORD";
    /** Environment variable of the client key store's password (TLS with client certificates). */
    public static final String KEY_STORE_PASSWORD_ENV = "HAECHI_KEYSTORE_PASSWORD";
    /** The system properties Artemis's TLS connector reads a store password from when its URL names none. */
    static final String TRUST_STORE_PASSWORD_PROPERTY = "org.apache.activemq.ssl.trustStorePassword";
    static final String KEY_STORE_PASSWORD_PROPERTY = "org.apache.activemq.ssl.keyStorePassword";

    private static final Pattern PASSWORD_PARAMETER = Pattern.compile("(?i)(password=)[^&;)\\s]*");

    /**
     * The URL with client-side reconnection turned on unless the caller chose otherwise, and a bound on how long a
     * call (a commit) waits for a reconnection: 30 s, after which it fails and the batch is redelivered, instead of
     * Artemis's default of waiting for ever.
     */
    public String urlWithReconnect() {
        String url = brokerUrl;
        if (!url.contains("reconnectAttempts")) {
            url += (url.contains("?") ? "&" : "?") + "reconnectAttempts=-1&retryInterval=500"
                    + "&retryIntervalMultiplier=1.5&maxRetryInterval=5000";
        }
        if (!url.contains("callFailoverTimeout")) {
            url += (url.contains("?") ? "&" : "?") + "callFailoverTimeout=30000";
        }
        return url;
    }

    /**
     * Hands the store passwords of the environment ({@value #TRUST_STORE_PASSWORD_ENV},
     * {@value #KEY_STORE_PASSWORD_ENV}) to Artemis's TLS connector, inside this process only: a URL given on the
     * command line could be read by every user of the machine.
     */
    public static void useStorePasswords(Map<String, String> environment) {
        String trust = environment.get(TRUST_STORE_PASSWORD_ENV);
        String key = environment.get(KEY_STORE_PASSWORD_ENV);
        if (trust != null) {
            System.setProperty(TRUST_STORE_PASSWORD_PROPERTY, trust);
        }
        if (key != null) {
            System.setProperty(KEY_STORE_PASSWORD_PROPERTY, key);
        }
    }

    /**
     * Checks that Artemis can use {@code url} (parses it and builds its connectors, without connecting).
     *
     * @throws IllegalArgumentException saying why not, with any password hidden
     */
    public static void requireUsable(String url) {
        try (ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory(url)) {
            factory.getServerLocator();
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(redacted(String.valueOf(e.getMessage())), e);
        }
    }

    /** The broker URL as the operator may see it: the value of every {@code ...password=} parameter hidden. */
    public String displayUrl() {
        return redacted(brokerUrl);
    }

    /**
     * {@code text} with the value of every URL parameter whose name ends in "password" (any case) hidden; percent
     * escapes are decoded first, as Artemis decodes them ({@code trustStore%50assword} is a password too).
     */
    public static String redacted(String text) {
        return text == null ? null : PASSWORD_PARAMETER.matcher(decoded(text)).replaceAll("$1****");
    }

    /** Whether {@code url} carries a password parameter, however it is escaped. */
    public static boolean carriesPassword(String url) {
        return PASSWORD_PARAMETER.matcher(decoded(url)).find();
    }

    private static String decoded(String text) {
        if (text.indexOf('%') < 0) {
            return text;
        }
        try {
            return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return text;
        }
    }

    /** The same config with other credentials (a new login); the broker and the console's identity stay. */
    public BusConfig withLogin(String newUser, String newPassword) {
        return new BusConfig(brokerUrl, newUser, newPassword, consoleId);
    }

    @Override
    public String toString() {
        return "BusConfig[" + displayUrl() + ", user=" + user + ", console=" + consoleId + "]";
    }
}
