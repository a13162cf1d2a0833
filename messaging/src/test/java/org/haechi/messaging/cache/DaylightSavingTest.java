package org.haechi.messaging.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import org.haechi.core.alarm.Alarm;
import org.haechi.core.alarm.AlarmState;
import org.haechi.core.alarm.AlarmType;
import org.haechi.core.alarm.Severity;
import org.haechi.core.geo.GeoPoint;
import org.haechi.core.position.TagPosition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Instants go into the cache and come back the same whatever the workstation's time zone, also in the hour a
 * daylight-saving zone repeats when its clocks go back (review, session 10: values passed as java.sql.Timestamp go
 * through the local time of the JVM's zone, where that hour is ambiguous).
 */
class DaylightSavingTest {
    /** Berlin's clocks go back at 01:00 UTC on 2026-10-25: local 02:30 happens at 00:30 and again at 01:30 UTC. */
    static final Instant FIRST = Instant.parse("2026-10-25T00:30:00Z");
    static final Instant SECOND = Instant.parse("2026-10-25T01:30:00Z");
    @TempDir
    Path dir;
    TimeZone before;

    @BeforeEach
    void inBerlin() {
        before = TimeZone.getDefault();
        TimeZone.setDefault(TimeZone.getTimeZone("Europe/Berlin"));
    }

    @AfterEach
    void back() {
        TimeZone.setDefault(before);
    }

    static Alarm alarm(String id, Instant at) {
        return new Alarm(id, AlarmType.CHILD_SOS, "CHILD_SOS", Severity.HIGH, at, at, new GeoPoint(37.5, 127.0),
                "tag-1", "SOS", Map.of(), AlarmState.NEW, false);
    }

    @Test
    void alarmTimesInTheRepeatedHourComeBackUnchanged() throws Exception {
        try (CacheStores stores = CacheStores.open(dir)) {
            try (Connection c = stores.db().connect()) {
                c.setAutoCommit(false);
                stores.alarms().insertNew(c, List.of(alarm("first", FIRST), alarm("second", SECOND)));
                c.commit();
            }
            try (Connection c = stores.db().connect()) {
                List<Alarm> back = stores.alarms().findAll(c, List.of("first", "second"));
                assertThat(back).extracting(Alarm::occurredAt).containsExactlyInAnyOrder(FIRST, SECOND);
                assertThat(back).extracting(Alarm::receivedAt).containsExactlyInAnyOrder(FIRST, SECOND);
            }
        }
    }

    @Test
    void positionTrailsInTheRepeatedHourKeepTheirOrder() throws Exception {
        try (CacheStores stores = CacheStores.open(dir)) {
            GeoPoint p = new GeoPoint(37.5, 127.0);
            List<TagPosition> fixes = List.of(new TagPosition("tag-1", FIRST, p, 5), new TagPosition("tag-1", SECOND,
                    p, 5));
            try (Connection c = stores.db().connect()) {
                c.setAutoCommit(false);
                stores.positions().upsertLatest(c, fixes);
                stores.positions().appendTrail(c, fixes);
                c.commit();
            }
            assertThat(stores.positions().loadLatest()).extracting(TagPosition::fixAt).containsExactly(SECOND);
            assertThat(stores.positions().loadTrails(FIRST.minusSeconds(1))).extracting(TagPosition::fixAt)
                    .containsExactly(FIRST, SECOND);
        }
    }
}
