package org.haechi.messaging.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.haechi.core.geo.GeoPoint;
import org.haechi.core.warning.CapReference;
import org.haechi.core.warning.Warning;
import org.haechi.core.warning.WarningArea;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Updates and Cancels arrive in any order with what they replace: an aggregator re-sends, a feed is delayed. A
 * withdrawn warning must not come back to life when its original arrives after the withdrawal (review, session 10).
 */
class WarningStoreTest {
    static final Instant SENT = Instant.parse("2026-07-15T04:55:00Z");
    @TempDir
    Path dir;

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

    static boolean store(CacheStores stores, Warning w) throws Exception {
        try (Connection c = stores.db().connect()) {
            c.setAutoCommit(false);
            boolean current = stores.warnings().store(c, w, "<alert>" + w.identifier() + "</alert>", Instant.now());
            c.commit();
            return current;
        }
    }

    @Test
    void anOriginalArrivingAfterItsCancelStaysWithdrawn() throws Exception {
        try (CacheStores stores = CacheStores.open(dir)) {
            assertThat(store(stores, warning("C-1", "Cancel", "A-1"))).isTrue();
            assertThat(store(stores, warning("A-1", "Alert"))).isFalse();
            assertThat(stores.warnings().loadBodies()).isEmpty();
        }
    }

    @Test
    void anOriginalArrivingAfterItsUpdateLeavesOnlyTheUpdate() throws Exception {
        try (CacheStores stores = CacheStores.open(dir)) {
            assertThat(store(stores, warning("U-1", "Update", "A-1"))).isTrue();
            assertThat(store(stores, warning("A-1", "Alert"))).isFalse();
            assertThat(stores.warnings().loadBodies()).containsExactly("<alert>U-1</alert>");
        }
    }

    @Test
    void anUpdateReplacesItsOriginalAndARedeliveredOriginalDoesNotReturn() throws Exception {
        try (CacheStores stores = CacheStores.open(dir)) {
            assertThat(store(stores, warning("A-1", "Alert"))).isTrue();
            assertThat(store(stores, warning("U-1", "Update", "A-1"))).isTrue();
            assertThat(store(stores, warning("A-1", "Alert"))).isFalse();
            assertThat(store(stores, warning("U-1", "Update", "A-1"))).as("the update redelivered").isTrue();
            assertThat(stores.warnings().loadBodies()).containsExactly("<alert>U-1</alert>");
        }
    }

    /** Each link of a chain withdraws what it replaces, even when it arrives already replaced itself. */
    @Test
    void aChainDeliveredBackwardsLeavesNothingInForce() throws Exception {
        try (CacheStores stores = CacheStores.open(dir)) {
            assertThat(store(stores, warning("C-1", "Cancel", "U-1"))).isTrue();
            assertThat(store(stores, warning("U-1", "Update", "A-1"))).isFalse();
            assertThat(store(stores, warning("A-1", "Alert"))).isFalse();
            assertThat(stores.warnings().loadBodies()).isEmpty();
        }
    }

    @Test
    void anAckReferencingAWarningTakesNothingAway() throws Exception {
        try (CacheStores stores = CacheStores.open(dir)) {
            store(stores, warning("A-1", "Alert"));
            assertThat(store(stores, warning("K-1", "Ack", "A-1"))).isTrue();
            assertThat(store(stores, warning("A-1", "Alert"))).isTrue();
            assertThat(stores.warnings().loadBodies()).contains("<alert>A-1</alert>");
        }
    }

    /** CAP identifiers are unique per sender: another agency's Cancel of "A-1" leaves this agency's "A-1" in force. */
    @Test
    void anotherSendersCancelOfTheSameIdentifierLeavesThisOne() throws Exception {
        try (CacheStores stores = CacheStores.open(dir)) {
            assertThat(store(stores, warning("A-1", "Alert"))).isTrue();
            assertThat(store(stores, from("fire.seoul.go.kr", "C-9", "Cancel", "A-1"))).isTrue();
            assertThat(store(stores, warning("A-1", "Alert"))).as("sent again").isTrue();
            assertThat(stores.warnings().loadBodies()).containsExactly("<alert>A-1</alert>");
            assertThat(store(stores, from("fire.seoul.go.kr", "A-1", "Alert"))).as("theirs stays withdrawn")
                    .isFalse();
        }
    }

    /**
     * Another agency's Update that happens to have the same identifier as the alert it updates withdraws that alert
     * (for good), not itself; an alert listing itself withdraws nothing.
     */
    @Test
    void anUpdateWithTheIdentifierOfWhatItReplacesWithdrawsTheOtherSendersAlertOnly() throws Exception {
        try (CacheStores stores = CacheStores.open(dir)) {
            Warning update = new Warning("A-1", "fire.seoul.go.kr", SENT, "Update",
                    List.of(new CapReference("weather@kma.go.kr", "A-1")), "e", "Severe", "Immediate", "Likely", "h",
                    null, SENT, null, warning("x", "Alert").areas(), List.of());
            assertThat(store(stores, update)).isTrue();
            assertThat(store(stores, warning("A-1", "Alert"))).as("kma's, replaced").isFalse();
            assertThat(store(stores, update)).as("fire's own, sent again").isTrue();
            assertThat(store(stores, from("weather@kma.go.kr", "S-1", "Update", "S-1"))).as("lists itself").isTrue();
            assertThat(store(stores, from("weather@kma.go.kr", "S-1", "Update", "S-1"))).isTrue();
        }
    }

    /** Senders are mail addresses and domain names: a reference spelling one in other capitals names it too. */
    @Test
    void aReferenceNamesItsSenderInAnyCase() throws Exception {
        try (CacheStores stores = CacheStores.open(dir)) {
            store(stores, warning("A-1", "Alert"));
            assertThat(store(stores, from("WEATHER@KMA.GO.KR", "C-1", "Cancel", "A-1"))).isTrue();
            assertThat(stores.warnings().loadBodies()).isEmpty();
            assertThat(store(stores, warning("A-1", "Alert"))).isFalse();
        }
    }
}
