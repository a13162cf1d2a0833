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

    /** The URL with client-side reconnection turned on unless the caller chose otherwise. */
    public String urlWithReconnect() {
        if (brokerUrl.contains("reconnectAttempts")) {
            return brokerUrl;
        }
        String sep = brokerUrl.contains("?") ? "&" : "?";
        return brokerUrl + sep + "reconnectAttempts=-1&retryInterval=500&retryIntervalMultiplier=1.5"
                + "&maxRetryInterval=5000";
    }

    @Override
    public String toString() {
        return "BusConfig[" + brokerUrl + ", user=" + user + ", console=" + consoleId + "]";
    }
}
