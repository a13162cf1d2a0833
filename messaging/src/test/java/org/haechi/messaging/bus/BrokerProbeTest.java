package org.haechi.messaging.bus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

/** The probe the bus uses to tell a stalled reconnection from a broker that is really gone; real sockets. */
class BrokerProbeTest {

    @Test
    void findsEveryEndpointOfAnHaListWithItsPort() {
        assertThat(BrokerProbe.endpoints("(tcp://a.example:61617,tcp://10.0.0.2:61618)?ha=true&reconnectAttempts=-1"))
                .extracting(InetSocketAddress::getHostString, InetSocketAddress::getPort)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("a.example", 61617),
                        org.assertj.core.groups.Tuple.tuple("10.0.0.2", 61618));
    }

    @Test
    void aUrlWithoutPortMeansArtemissDefaultPort() {
        assertThat(BrokerProbe.endpoints("tcp://broker.seoul.example?sslEnabled=true"))
                .extracting(InetSocketAddress::getHostString, InetSocketAddress::getPort)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("broker.seoul.example", 61616));
    }

    @Test
    void readsBracketedIpv6Addresses() {
        assertThat(BrokerProbe.endpoints("(tcp://[::1]:61700,tcp://[fd00::5],tcp://[fe80::1%eth0]:61617?x=y)?ha=true"))
                .extracting(InetSocketAddress::getHostString, InetSocketAddress::getPort)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("::1", 61700),
                        org.assertj.core.groups.Tuple.tuple("fd00::5", 61616),
                        org.assertj.core.groups.Tuple.tuple("fe80::1%eth0", 61617));
    }

    @Test
    void somethingThatIsNoEndpointGivesNone() {
        assertThat(BrokerProbe.endpoints("vm://0")).isEmpty();
        assertThat(BrokerProbe.endpoints("tcp://host:99999")).as("no such port").isEmpty();
        assertThat(BrokerProbe.endpoints("tcp://host:123456789012")).as("far past any port").isEmpty();
        assertThat(BrokerProbe.endpoints("udp://231.7.7.7:9876")).as("discovery, not a broker").isEmpty();
        assertThat(BrokerProbe.anyAnswers("not a url")).isFalse();
    }

    @Test
    void answersWhenAnyEndpointAcceptsAConnection() throws IOException {
        try (ServerSocket listening = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            int closedPort = closedPort();
            assertThat(BrokerProbe.anyAnswers("(tcp://127.0.0.1:" + closedPort + ",tcp://127.0.0.1:"
                    + listening.getLocalPort() + ")?ha=true")).isTrue();
            assertThat(BrokerProbe.anyAnswers("tcp://127.0.0.1:" + closedPort)).isFalse();
        }
    }

    @Test
    void answersOnIpv6Loopback() throws IOException {
        InetAddress v6 = InetAddress.getByName("::1");
        ServerSocket listening;
        try {
            listening = new ServerSocket(0, 5, v6);
        } catch (IOException noIpv6) {
            assumeTrue(false, "no IPv6 loopback here: " + noIpv6);
            return;
        }
        try (listening) {
            assertThat(BrokerProbe.anyAnswers("tcp://[::1]:" + listening.getLocalPort())).isTrue();
        }
    }

    private static int closedPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
