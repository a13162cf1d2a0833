package org.haechi.app;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.jms.Connection;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.haechi.core.bus.BusStatus;
import org.haechi.core.bus.BusStatusListener;
import org.haechi.core.bus.DeadLetters;
import org.haechi.core.bus.IngestListener;
import org.haechi.messaging.bus.BusAddresses;
import org.haechi.messaging.bus.IngestSinks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The runtime on its embedded default, no window: what the bus tells reaches the composition root's listener. */
class ConsoleRuntimeTest {
    @TempDir
    Path dir;

    @AfterEach
    void clear() {
        System.clearProperty("haechi.bus.deadLetterCountSeconds");
    }

    @Test
    void theBusStatusAndTheDeadLetterCountReachTheListener() throws Exception {
        System.setProperty("haechi.bus.deadLetterCountSeconds", "1");
        int port = freePort();
        LaunchOptions options = LaunchOptions.parse(List.of("--data-dir", dir.toString(), "--no-sim",
                "--embedded-port", String.valueOf(port), "--metrics-port", "0"));
        List<BusStatus> statuses = new CopyOnWriteArrayList<>();
        List<DeadLetters> deadLetters = new CopyOnWriteArrayList<>();
        try (ConsoleRuntime runtime = ConsoleRuntime.open(options, Clock.systemUTC())) {
            runtime.connect(new IngestSinks(a -> { }, a -> { }, p -> { }, w -> { }, IngestListener.NONE),
                    new BusStatusListener() {
                        @Override
                        public void statusChanged(BusStatus status) {
                            statuses.add(status);
                        }

                        @Override
                        public void deadLettersCounted(DeadLetters counted) {
                            deadLetters.add(counted);
                        }
                    }, null, null);
            await(() -> statuses.stream().anyMatch(BusStatus::connected));
            await(() -> !deadLetters.isEmpty());
            assertThat(deadLetters).containsExactly(DeadLetters.NONE);

            sendToDeadLetterAddress("tcp://127.0.0.1:" + port, BusAddresses.ALARMS);
            await(() -> deadLetters.get(deadLetters.size() - 1).count() == 1);
            assertThat(deadLetters.get(deadLetters.size() - 1))
                    .isEqualTo(new DeadLetters(1, false, Map.of(BusAddresses.ALARMS, 1)));
        }
    }

    /** As the broker does after a message's last delivery: the original address travels as a property. */
    private static void sendToDeadLetterAddress(String url, String originalAddress) throws Exception {
        try (Connection c = new ActiveMQConnectionFactory(url).createConnection();
             Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE)) {
            MessageProducer p = s.createProducer(s.createQueue(BusAddresses.DEAD_LETTER));
            TextMessage m = s.createTextMessage("{\"schema\":\"haechi.alarm/1\"}");
            m.setStringProperty("_AMQ_ORIG_ADDRESS", originalAddress);
            p.send(m);
        }
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(condition.getAsBoolean()).as("reached within 20 s").isTrue();
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
