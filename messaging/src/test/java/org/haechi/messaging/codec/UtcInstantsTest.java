package org.haechi.messaging.codec;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UtcInstantsTest {

    @ParameterizedTest
    @ValueSource(strings = {"2026-11-28T05:12:00Z", "1970-01-01T00:00:00Z", "2024-02-29T23:59:59Z",
            "2026-11-28T05:12:00.1Z", "2026-11-28T05:12:00.123Z", "2026-11-28T05:12:00.123456789Z",
            "1969-12-31T23:59:59.999Z", "0001-01-01T00:00:00Z", "9999-12-31T23:59:59.5Z"})
    void agreesWithInstantParse(String text) {
        assertThat(UtcInstants.parseOrNull(text)).isEqualTo(Instant.parse(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-11-28T05:12:00+09:00", "2026-02-30T05:12:00Z", "2026-13-01T05:12:00Z",
            "2026-11-28T24:00:00Z", "2026-11-28T23:59:60Z", "2026-11-28T05:12:00.Z", "2026-11-28T05:12:00.1234567890Z",
            "2026-11-28 05:12:00Z", "2026-11-28T05:12Z", "+2026-11-28T05:12:00Z", "2026-11-2aT05:12:00Z",
            "2026-11-28T05:12:00z", "2026-11-28T05:12:00,5Z"})
    void leavesEverythingElseToTheFullParser(String text) {
        assertThat(UtcInstants.parseOrNull(text)).isNull();
    }

    @Test
    void agreesWithInstantParseOnRandomInstants() {
        Random random = new Random(7);
        for (int i = 0; i < 10_000; i++) {
            Instant t = Instant.ofEpochSecond(random.nextLong() % 10_000_000_000L, random.nextInt(1_000_000_000)
                    / (i % 3 == 0 ? 1_000_000 : 1) * (i % 3 == 0 ? 1_000_000 : 1));
            String text = t.toString();
            if (t.getEpochSecond() >= -62_135_596_800L && t.getEpochSecond() < 253_402_300_800L) {
                assertThat(UtcInstants.parseOrNull(text)).as(text).isEqualTo(t);
            }
        }
    }
}
