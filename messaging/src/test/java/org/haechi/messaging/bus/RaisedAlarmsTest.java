package org.haechi.messaging.bus;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.haechi.core.alarm.Alarm;
import org.haechi.core.alarm.AlarmState;
import org.haechi.core.alarm.AlarmType;
import org.haechi.core.alarm.Severity;
import org.haechi.core.geo.GeoPoint;
import org.haechi.messaging.broker.EmbeddedBroker;
import org.haechi.messaging.cache.CacheStores;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An alarm a console raises itself (CAMERA_OFFLINE from its wall) while it is offline is stored, audited and queued
 * at once; when the console connects it reaches a second console through a real embedded broker, and comes back to
 * the first as a no-op.
 */
class RaisedAlarmsTest {
    @TempDir
    Path dir;

    @Test
    void raisedOfflineThenPublishedToTheOtherConsoles() throws Exception {
        int port = BusIngestTest.freePort();
        String url = "tcp://127.0.0.1:" + port;
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Alarm offline = new Alarm("cam-offline-cam-gn-00017-" + now.toEpochMilli(), AlarmType.CAMERA_OFFLINE,
                "CAMERA_OFFLINE", Severity.HIGH, now, now, new GeoPoint(37.5079, 127.0285), "cam-gn-00017",
                "Camera offline: Nonhyeon-ro 115-gil 55", Map.of("raisedBy", "ws-a"), AlarmState.NEW, false);
        try (CacheStores a = CacheStores.open(dir.resolve("a"));
             CacheStores b = CacheStores.open(dir.resolve("b"));
             EmbeddedBroker broker = new EmbeddedBroker(dir.resolve("broker"), port)) {
            assertThat(a.raised().raise(offline, "ws-a", "op-kim")).isNotNull();
            assertThat(a.raised().raise(offline, "ws-a", "op-kim")).as("raising twice is one alarm").isNull();
            assertThat(a.alarms().find(offline.id()).typeName()).isEqualTo("CAMERA_OFFLINE");
            assertThat(a.raised().queued()).hasSize(1);
            assertThat(a.actions().audit().verify().ok()).isTrue();
            assertThat(a.actions().audit().read(1, 10)).anyMatch(r -> r.kind().equals("ALARM_RAISED"));

            broker.start();
            Collected seenA = new Collected();
            Collected seenB = new Collected();
            try (BusService busB = new BusService(new BusConfig(url, null, null, "ws-b"),
                    IngestHandlers.create(b, seenB.sinks()), b.db(), b.actions(), seenB.statuses::add)) {
                busB.start();
                Collected.await(seenB::connected, 30);
                try (BusService busA = new BusService(new BusConfig(url, null, null, "ws-a"),
                        IngestHandlers.create(a, seenA.sinks()), a.db(), a.actions(), a.raised(),
                        seenA.statuses::add)) {
                    busA.start();
                    Collected.await(() -> seenB.alarms.size() == 1 && seenA.received.get() >= 1, 30);
                    assertThat(a.raised().queued()).isEmpty();
                }
            }
            Alarm atB = b.alarms().find(offline.id());
            assertThat(atB.type()).isEqualTo(AlarmType.CAMERA_OFFLINE);
            assertThat(atB.sourceId()).isEqualTo("cam-gn-00017");
            assertThat(atB.occurredAt()).isEqualTo(now);
            assertThat(seenA.alarms).as("its own copy is not a new alarm").isEmpty();
            assertThat(a.alarms().countAll()).isEqualTo(1);
        }
    }
}
