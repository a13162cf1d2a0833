package org.haechi.messaging.bus;

/**
 * How to reach the bus.
 *
 * @param brokerUrl Artemis URL, may list several brokers for HA
 * @param user      user name or null
 * @param password  password or null (never logged)
 * @param consoleId stable console identity: JMS client id and prefix of durable subscription names
 */
public record BusConfig(String brokerUrl, String user, String password, String consoleId) {

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

    @Override
    public String toString() {
        return "BusConfig[" + brokerUrl + ", user=" + user + ", console=" + consoleId + "]";
    }
}
