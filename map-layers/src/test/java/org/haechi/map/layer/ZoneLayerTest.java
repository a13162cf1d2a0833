package org.haechi.map.layer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import org.haechi.core.geo.GeoPoint;
import org.haechi.core.warning.CapReference;
import org.haechi.core.warning.Warning;
import org.haechi.core.warning.WarningArea;
import org.junit.jupiter.api.Test;

/**
 * The cache and the bus feed the zones side by side at a start, and feeds deliver out of order: what an Update or
 * Cancel replaced stays off the map whenever it arrives (review, session 10).
 */
class ZoneLayerTest {
    static final Instant SENT = Instant.parse("2026-07-15T04:55:00Z");
    final ZoneLayer zones = new ZoneLayer(Clock.fixed(SENT.plusSeconds(60), ZoneOffset.UTC));

    ZoneLayerTest() {
        zones.attach(() -> { });
    }

    static Warning warning(String identifier, String msgType, String... references) {
        return from("weather@kma.go.kr", identifier, msgType, references);
    }

    static Warning from(String sender, String identifier, String msgType, String... references) {
        WarningArea area = new WarningArea("강남구", List.of(),
                List.of(new WarningArea.Circle(new GeoPoint(37.4979, 127.0276), 2.0)), List.of());
        List<CapReference> refs = Arrays.stream(references).map(r -> new CapReference(sender, r)).toList();
        return new Warning(identifier, sender, SENT, msgType, refs, "호우경보", "Severe",
                "Immediate", "Likely", identifier, null, SENT, null, List.of(area), List.of());
    }

    static List<String> ids(List<Warning> ws) {
        return ws.stream().map(Warning::identifier).toList();
    }

    @Test
    void anOriginalAfterItsUpdateIsNotDrawnBesideIt() {
        zones.apply(List.of(warning("U-1", "Update", "A-1")));
        zones.apply(List.of(warning("A-1", "Alert")));
        assertThat(ids(zones.active())).containsExactly("U-1");
    }

    @Test
    void aChainDeliveredBackwardsLeavesNothingInForce() {
        zones.apply(List.of(warning("C-1", "Cancel", "U-1")));
        zones.apply(List.of(warning("U-1", "Update", "A-1")));
        zones.apply(List.of(warning("A-1", "Alert")));
        assertThat(zones.active()).isEmpty();
    }

    @Test
    void anAckReferencingAWarningLeavesItInForce() {
        zones.apply(List.of(warning("A-1", "Alert"), warning("K-1", "Ack", "A-1")));
        assertThat(ids(zones.active())).contains("A-1");
    }

    @Test
    void anotherSendersCancelOfTheSameIdentifierLeavesThisOne() {
        zones.apply(List.of(warning("A-1", "Alert"), from("fire.seoul.go.kr", "A-1", "Alert")));
        zones.apply(List.of(from("fire.seoul.go.kr", "C-9", "Cancel", "A-1")));
        assertThat(zones.active()).extracting(Warning::sender).containsExactly("weather@kma.go.kr");
    }

    /** Senders are compared in lower case: the same alert sent again in other capitals is one zone. */
    @Test
    void theSameAlertWithItsSenderInOtherCapitalsIsOneZone() {
        zones.apply(List.of(warning("A-1", "Alert"), from("Weather@KMA.go.kr", "A-1", "Alert")));
        assertThat(zones.active()).hasSize(1);
    }

    /** A reference that did not say its sender names the identifier whoever sent it, before and after. */
    @Test
    void aReferenceWithoutSenderWithdrawsEverySendersAlertOfThatIdentifier() {
        zones.apply(List.of(warning("A-1", "Alert"), from("fire.seoul.go.kr", "A-1", "Alert")));
        Warning cancel = new Warning("C-1", "weather@kma.go.kr", SENT, "Cancel",
                List.of(new CapReference(null, "A-1")), "호우경보", "Severe", "Immediate", "Likely", "C-1", null,
                SENT, null, List.of(), List.of());
        zones.apply(List.of(cancel));
        assertThat(zones.active()).isEmpty();
        zones.apply(List.of(from("police.seoul.go.kr", "A-1", "Alert")));
        assertThat(zones.active()).as("a late copy from any sender").isEmpty();
    }

    /** The replaced alerts remembered are bounded; the most recent are kept. */
    @Test
    void theMostRecentReplacedAlertsAreRemembered() {
        for (int i = 0; i <= ZoneLayer.MAX_REPLACED; i++) {
            zones.apply(List.of(warning("U-" + i, "Update", "A-" + i)));
        }
        zones.apply(List.of(warning("A-0", "Alert"), warning("A-1", "Alert"),
                warning("A-" + ZoneLayer.MAX_REPLACED, "Alert")));
        assertThat(ids(zones.active())).as("only the oldest forgotten").contains("A-0")
                .doesNotContain("A-1", "A-" + ZoneLayer.MAX_REPLACED);
    }
}
