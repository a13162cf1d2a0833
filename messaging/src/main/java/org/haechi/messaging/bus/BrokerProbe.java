package org.haechi.messaging.bus;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Whether any broker of an Artemis URL accepts a TCP connection (it answers, whatever its state). Any thread. */
final class BrokerProbe {
    /** Artemis's port when a URL names none. */
    static final int DEFAULT_PORT = 61616;
    /** {@code tcp://host[:port]}, the host a name, an IPv4 address or a bracketed IPv6 address. */
    private static final Pattern ENDPOINT = Pattern.compile("tcp://(\\[[^\\]\\s]+\\]|[^:/,()?\\[\\]\\s]+)(?::(\\d+))?");
    private static final int TIMEOUT_MS = 1000;

    private BrokerProbe() {
    }

    /** The host and port of every {@code tcp://} endpoint in the URL (an HA list has several). */
    static List<InetSocketAddress> endpoints(String url) {
        List<InetSocketAddress> found = new ArrayList<>();
        Matcher m = ENDPOINT.matcher(url);
        while (m.find()) {
            String host = m.group(1);
            if (host.startsWith("[")) {
                host = host.substring(1, host.length() - 1);
            }
            String digits = m.group(2);
            int port = digits == null ? DEFAULT_PORT : digits.length() > 5 ? -1 : Integer.parseInt(digits);
            if (port >= 0 && port <= 65535) {
                found.add(InetSocketAddress.createUnresolved(host, port));
            }
        }
        return found;
    }

    static boolean anyAnswers(String url) {
        for (InetSocketAddress e : endpoints(url)) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(e.getHostString(), e.getPort()), TIMEOUT_MS);
                return true;
            } catch (IOException | IllegalArgumentException | SecurityException refused) {
                // try the next one
            }
        }
        return false;
    }
}
