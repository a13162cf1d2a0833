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
    private static final Pattern ENDPOINT = Pattern.compile("tcp://([^:/,()?\\s]+):(\\d+)");
    private static final int TIMEOUT_MS = 1000;

    private BrokerProbe() {
    }

    /** The host and port of every {@code tcp://} endpoint in the URL (an HA list has several). */
    static List<InetSocketAddress> endpoints(String url) {
        List<InetSocketAddress> found = new ArrayList<>();
        Matcher m = ENDPOINT.matcher(url);
        while (m.find()) {
            found.add(InetSocketAddress.createUnresolved(m.group(1), Integer.parseInt(m.group(2))));
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
