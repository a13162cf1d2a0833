package org.haechi.core.warning;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.haechi.core.geo.GeoPoint;
import org.junit.jupiter.api.Test;

class WarningTest {
    private static final Instant SENT = Instant.parse("2026-07-15T04:55:00Z");
    private static final Instant EFFECTIVE = Instant.parse("2026-07-15T05:00:00Z");
    private static final Instant EXPIRES = Instant.parse("2026-07-15T21:00:00Z");

    private static Warning warning(String msgType, Instant effective, Instant expires) {
        WarningArea area = new WarningArea("서울특별시 강남구", List.of(),
                List.of(new WarningArea.Circle(new GeoPoint(37.4979, 127.0276), 2.0)), List.of());
        return new Warning("KMA-TEST-1", "weather@kma.go.kr", SENT, msgType, List.of(), "호우경보", "Severe",
                "Immediate", "Likely", "headline", "instruction", effective, expires, List.of(area), List.of());
    }

    @Test
    void alertIsNotActiveBeforeItBecomesEffective() {
        Warning w = warning("Alert", EFFECTIVE, EXPIRES);

        assertThat(w.isActiveAt(SENT)).isFalse();
        assertThat(w.isActiveAt(EFFECTIVE.minusMillis(1))).isFalse();
    }

    @Test
    void alertIsActiveFromItsEffectiveInstantUntilJustBeforeExpiry() {
        Warning w = warning("Alert", EFFECTIVE, EXPIRES);

        assertThat(w.isActiveAt(EFFECTIVE)).isTrue();
        assertThat(w.isActiveAt(Instant.parse("2026-07-15T12:00:00Z"))).isTrue();
        assertThat(w.isActiveAt(EXPIRES.minusMillis(1))).isTrue();
    }

    @Test
    void alertIsNotActiveAtOrAfterExpiry() {
        Warning w = warning("Alert", EFFECTIVE, EXPIRES);

        assertThat(w.isActiveAt(EXPIRES)).isFalse();
        assertThat(w.isActiveAt(EXPIRES.plusSeconds(3600))).isFalse();
    }

    @Test
    void warningWithoutExpiryStaysActive() {
        Warning w = warning("Update", EFFECTIVE, null);

        assertThat(w.isActiveAt(EFFECTIVE.plusSeconds(365L * 24 * 3600))).isTrue();
        assertThat(w.isActiveAt(EFFECTIVE.minusSeconds(1))).isFalse();
    }

    @Test
    void warningWithoutEffectiveTimeIsActiveUntilExpiry() {
        Warning w = warning("Alert", null, EXPIRES);

        assertThat(w.isActiveAt(Instant.EPOCH)).isTrue();
        assertThat(w.isActiveAt(EXPIRES)).isFalse();
    }

    @Test
    void cancelIsNeverActiveEvenInsideItsWindow() {
        assertThat(warning("Cancel", EFFECTIVE, EXPIRES).isActiveAt(Instant.parse("2026-07-15T12:00:00Z")))
                .isFalse();
        assertThat(warning("cancel", null, null).isActiveAt(EFFECTIVE)).isFalse();
    }

    @Test
    void recordCopiesItsListsSoLaterChangesDoNotLeakIn() {
        List<CapReference> refs = new java.util.ArrayList<>(List.of(new CapReference("s", "a")));
        Warning w = new Warning("id", "s", SENT, "Update", refs, "e", "Minor", "Future", "Possible", "h", "i",
                EFFECTIVE, EXPIRES, List.of(), List.of());
        refs.add(new CapReference("s", "b"));

        assertThat(w.references()).containsExactly(new CapReference("s", "a"));
    }

    /** CAP makes an identifier unique for its sender only; a reference without its sender names any sender's. */
    @Test
    void aReferenceNamesTheAlertOfItsSenderOrAnySendersWhenItHasNone() {
        CapReference kma = new CapReference("kma.go.kr", "2026-001");
        assertThat(new CapReference("kma.go.kr", "2026-001").names(kma)).isTrue();
        assertThat(new CapReference("KMA.GO.KR", "2026-001").names(kma)).as("in any case").isTrue();
        assertThat(new CapReference("fire.seoul.go.kr", "2026-001").names(kma)).isFalse();
        assertThat(new CapReference(null, "2026-001").names(kma)).isTrue();
        assertThat(new CapReference(" ", "2026-001")).isEqualTo(new CapReference(null, "2026-001"));
    }
}
