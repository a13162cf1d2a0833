package org.haechi.sim.traffic;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.haechi.core.alarm.Alarm;
import org.haechi.core.alarm.AlarmState;
import org.haechi.core.alarm.AlarmType;
import org.haechi.core.asset.Asset;
import org.haechi.core.geo.GeoPoint;
import org.haechi.messaging.codec.AlarmCodec;
import org.haechi.sim.data.District;
import org.haechi.sim.data.DistrictLookup;
import org.haechi.sim.data.SeoulData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class AlarmFactoryCodecTest {
    private static final int COUNT = 500;
    private static final Instant T0 = Instant.parse("2026-11-28T09:00:00Z");
    private static List<Alarm> alarms;
    private static Set<String> districts;

    @BeforeAll
    static void generate() throws Exception {
        SeoulData data = SeoulData.load();
        List<GeoPoint> sites = java.util.stream.Stream.of(data.gangnamCameras(), data.accessPoints(), data.schools())
                .flatMap(List::stream).map(Asset::location).toList();
        TagWalker walker = new TagWalker(sites, data.schools().stream().map(Asset::location).toList(), 20, 7);
        districts = data.districts().stream().map(District::name).collect(Collectors.toSet());
        AlarmFactory factory = new AlarmFactory(data.gangnamCameras(), data.accessPoints(), data.schools(),
                new DistrictLookup(data.districts())::nameAt, 11);
        alarms = new ArrayList<>();
        for (int i = 0; i < COUNT; i++) {
            Instant now = T0.plusSeconds(i);
            walker.step(1.0, now);
            alarms.add(factory.next(now, walker.randomTag(now)));
        }
    }

    @Test
    void everyGeneratedAlarmEncodesAndDecodesBack() throws Exception {
        AlarmCodec codec = new AlarmCodec();
        Instant received = T0.plusSeconds(3600);

        for (Alarm a : alarms) {
            String body = codec.encode(a);
            Alarm back = codec.decode(body, received);

            assertThat(back.id()).isEqualTo(a.id());
            assertThat(back.type()).as(a.id()).isEqualTo(a.type());
            assertThat(back.typeName()).isEqualTo(a.typeName());
            assertThat(back.severity()).as(a.id()).isEqualTo(a.severity());
            assertThat(back.location()).as(a.id()).isEqualTo(a.location());
            assertThat(back.occurredAt()).isEqualTo(a.occurredAt());
            assertThat(back.sourceId()).isEqualTo(a.sourceId());
            assertThat(back.title()).isEqualTo(a.title());
            assertThat(back.attributes()).isEqualTo(a.attributes());
            assertThat(back.receivedAt()).isEqualTo(received);
            assertThat(back.state()).isEqualTo(AlarmState.NEW);
            assertThat(back.pending()).isFalse();
        }
    }

    @Test
    void encodedAlarmCarriesTheSchema() {
        AlarmCodec codec = new AlarmCodec();

        assertThat(alarms).allSatisfy(a -> assertThat(codec.encode(a)).contains("\"schema\":\"haechi.alarm/1\""));
    }

    @Test
    void atLeastEightDistinctWireTypesAppearInFiveHundredAlarms() {
        Set<AlarmType> types = alarms.stream().map(Alarm::type).collect(Collectors.toCollection(
                () -> EnumSet.noneOf(AlarmType.class)));

        assertThat(types).doesNotContain(AlarmType.UNKNOWN);
        assertThat(types.size()).as("types seen: %s", types).isGreaterThanOrEqualTo(8);
    }

    @Test
    void alarmIdsAreUniqueIdempotencyKeys() {
        assertThat(alarms).extracting(Alarm::id).doesNotHaveDuplicates().allMatch(id -> id.length() <= 200);
    }

    @Test
    void generatedAlarmsAreNewAndWellFormed() {
        assertThat(alarms).allSatisfy(a -> {
            assertThat(a.state()).isEqualTo(AlarmState.NEW);
            assertThat(a.typeName()).isEqualTo(a.type().name());
            assertThat(a.severity()).isNotNull();
            assertThat(a.title()).isNotBlank();
            if (a.type() == AlarmType.CYBER) {
                assertThat(a.location()).isNull();
                assertThat(a.attributes()).doesNotContainKey("district");
            } else {
                assertThat(a.location()).as(a.id()).isNotNull();
            }
            if (a.attributes().containsKey("district")) {
                assertThat(districts).as(a.id()).contains(a.attributes().get("district"));
            }
        });
    }
}
