package org.haechi.messaging.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.haechi.core.alarm.Alarm;
import org.haechi.core.alarm.AlarmType;
import org.haechi.core.alarm.Severity;
import org.haechi.core.geo.GeoPoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AlarmCodecTest {
    private final AlarmCodec codec = new AlarmCodec();
    private final Instant now = Instant.parse("2026-11-28T05:12:01Z");

    static String golden(String name) throws IOException {
        try (InputStream in = AlarmCodecTest.class.getResourceAsStream("/golden/alarm/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void decodesTheContractExampleWithEveryField() throws Exception {
        Alarm a = codec.decode(golden("emergency-bell.json"), now);
        assertThat(a.id()).isEqualTo("bell-0193-20261128T051200Z");
        assertThat(a.type()).isEqualTo(AlarmType.EMERGENCY_BELL);
        assertThat(a.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(a.occurredAt()).isEqualTo(Instant.parse("2026-11-28T05:12:00Z"));
        assertThat(a.receivedAt()).isEqualTo(now);
        assertThat(a.location()).isEqualTo(new GeoPoint(37.4979, 127.0276));
        assertThat(a.sourceId()).isEqualTo("bell-0193");
        assertThat(a.attributes()).containsEntry("district", "Gangnam-gu");
    }

    @Test
    void optionalFieldsMayBeAbsentAndOffsetsAreAccepted() throws Exception {
        Alarm a = codec.decode(golden("minimal.json"), now);
        assertThat(a.location()).isNull();
        assertThat(a.occurredAt()).isEqualTo(Instant.parse("2026-11-27T20:12:00Z"));
    }

    @Test
    void unknownTypeIsKeptWithItsNameNotDropped() throws Exception {
        Alarm a = codec.decode(golden("unknown-type.json"), now);
        assertThat(a.type()).isEqualTo(AlarmType.UNKNOWN);
        assertThat(a.typeName()).isEqualTo("DRONE_SIGHTING");
        assertThat(a.title()).contains("드론");
    }

    @ParameterizedTest
    @CsvSource({
        "missing-id.json, missing required field 'id'",
        "bad-severity.json, severity 'URGENT'",
        "location-out-of-range.json, outside -90..90",
        "bad-time.json, not an ISO-8601 instant",
        "not-json.json, not valid JSON",
        "wrong-schema.json, expected 'haechi.alarm/1'"
    })
    void contractBreaksAreRejectedWithAReason(String file, String reason) throws Exception {
        String body = golden(file);
        assertThatThrownBy(() -> codec.decode(body, now)).isInstanceOf(ContractViolation.class)
                .hasMessageContaining(reason);
    }

    @Test
    void emptyAndNullBodiesAreRejected() {
        assertThatThrownBy(() -> codec.decode(null, now)).isInstanceOf(ContractViolation.class);
        assertThatThrownBy(() -> codec.decode("  ", now)).isInstanceOf(ContractViolation.class);
        assertThatThrownBy(() -> codec.decode("[1,2]", now)).hasMessageContaining("not a JSON object");
    }

    @Test
    void textAfterTheObjectIsRejectedAndNullAttributesAreDropped() throws Exception {
        String good = golden("minimal.json").trim();
        assertThatThrownBy(() -> codec.decode(good + " xyz", now)).hasMessageContaining("not valid JSON");
        assertThatThrownBy(() -> codec.decode(good + good, now)).hasMessageContaining("not valid JSON");
        Alarm a = codec.decode(good.replace("}", ",\"attributes\":{\"district\":null,\"gu\":\"강남구\"}}"), now);
        assertThat(a.attributes()).containsOnlyKeys("gu");
    }

    @Test
    void encodeThenDecodeKeepsTheWireFields() throws Exception {
        Alarm a = codec.decode(golden("emergency-bell.json"), now);
        Alarm back = codec.decode(codec.encode(a), now);
        assertThat(back).isEqualTo(a);
    }

    @Test
    void cutsTypeSourceAndTitleToTheCacheColumnsAndSaysSo() throws Exception {
        String good = golden("emergency-bell.json");
        String longType = "VENDOR_" + "X".repeat(70);
        String longTitle = "\uD83D\uDEA8".repeat(600);
        Alarm a = codec.decode(good.replace("\"EMERGENCY_BELL\"", "\"" + longType + "\"")
                .replace("\"bell-0193\"", "\"" + "s".repeat(201) + "\"")
                .replace("Emergency bell pressed at Gangnam station exit 10", longTitle), now);

        assertThat(a.typeName()).hasSize(AlarmCodec.MAX_TYPE).startsWith("VENDOR_XXX").endsWith("\u2026");
        assertThat(a.type()).isEqualTo(AlarmType.UNKNOWN);
        assertThat(a.sourceId()).hasSize(AlarmCodec.MAX_SOURCE_ID).endsWith("s\u2026");
        assertThat(a.title()).hasSizeLessThanOrEqualTo(AlarmCodec.MAX_TITLE).endsWith("\uDEA8\u2026");
        assertThat(a.attributes()).containsEntry("district", "Gangnam-gu").containsEntry(AlarmCodec.REPAIRED,
                "type cut from 77 characters; sourceId cut from 201 characters; title cut from 1200 characters");
        assertThat(codec.decode(good, now).attributes()).doesNotContainKey(AlarmCodec.REPAIRED);
    }

    @Test
    void anOccurrenceTimeTheCacheCannotHoldIsReplacedByTheReceiveTimeAndSaysSo() throws Exception {
        Alarm a = codec.decode(golden("emergency-bell.json").replace("2026-11-28T05:12:00Z",
                "+999999999-12-31T23:59:59Z"), now);

        assertThat(a.occurredAt()).isEqualTo(now);
        assertThat(a.attributes().get(AlarmCodec.REPAIRED)).isEqualTo("occurredAt +999999999-12-31T23:59:59Z is "
                + "outside the years 0001 to 9999; the receive time is shown");
    }

    @Test
    void attributesLongerThanTheirColumnAreCutLongestFirstAndSaySo() throws Exception {
        String big = "\\\"".repeat(600_000); // 600,000 quotes, each two characters once escaped
        Alarm a = codec.decode(golden("emergency-bell.json").replace("\"district\": \"Gangnam-gu\"",
                "\"district\": \"Gangnam-gu\", \"snapshot\": \"" + big + "\""), now);

        assertThat(AttributesJson.length(a.attributes())).isLessThanOrEqualTo(AlarmCodec.MAX_ATTRIBUTES_JSON);
        assertThat(a.attributes()).containsEntry("district", "Gangnam-gu");
        assertThat(a.attributes().get("snapshot")).endsWith("\u2026").hasSizeLessThan(600_000);
        assertThat(a.attributes().get(AlarmCodec.REPAIRED)).startsWith("attributes cut from 1200");
    }

    @Test
    void manySmallAttributesPastTheColumnAreDroppedUntilTheyFit() throws Exception {
        StringBuilder many = new StringBuilder("\"district\": \"Gangnam-gu\"");
        for (int i = 0; i < 12_000; i++) {
            many.append(", \"k").append(i).append("\": \"").append("v".repeat(90)).append('"');
        }
        Alarm a = codec.decode(golden("emergency-bell.json").replace("\"district\": \"Gangnam-gu\"", many), now);

        assertThat(AttributesJson.length(a.attributes())).isLessThanOrEqualTo(AlarmCodec.MAX_ATTRIBUTES_JSON);
        assertThat(a.attributes().size()).isBetween(9_000, 12_000);
        assertThat(a.attributes().get(AlarmCodec.REPAIRED)).startsWith("attributes cut from ");
    }
}
