package org.haechi.messaging.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.time.Instant;
import java.util.List;
import org.haechi.core.geo.GeoPoint;
import org.haechi.core.position.TagPosition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PositionStoreTest {
    @TempDir
    Path dir;

    static TagPosition fix(String tag, int second, double lat) {
        return new TagPosition(tag, Instant.parse("2026-11-28T05:00:00Z").plusSeconds(second),
                new GeoPoint(lat, 127.0), 5);
    }

    @Test
    void latestFixWinsWhateverTheOrderAndTrailsArePurgedPastRetention() throws Exception {
        try (CacheStores stores = CacheStores.open(dir)) {
            try (Connection c = stores.db().connect()) {
                c.setAutoCommit(false);
                List<TagPosition> fixes = List.of(fix("t1", 10, 37.51), fix("t1", 5, 37.50), fix("t1", 20, 37.52),
                        fix("t1", 20, 37.52));
                stores.positions().upsertLatest(c, fixes);
                stores.positions().appendTrail(c, fixes);
                stores.positions().upsertLatest(c, List.of(fix("t1", 1, 37.40)));
                c.commit();
            }
            assertThat(stores.positions().loadLatest()).singleElement()
                    .satisfies(p -> assertThat(p.location().lat()).isEqualTo(37.52));
            assertThat(stores.positions().loadTrails(Instant.EPOCH)).hasSize(3);
            assertThat(stores.positions().purgeTrails(Instant.parse("2026-11-28T05:00:10Z"),
                    Instant.parse("2026-11-28T05:01:00Z"))).isEqualTo(1);
            assertThat(stores.positions().loadTrails(Instant.EPOCH)).extracting(p -> p.location().lat())
                    .containsExactly(37.51, 37.52);
        }
    }

    /**
     * A device whose clock is far ahead sends one fix dated 2099 (review, session 11): before, every real fix after it
     * was older, and the tag stayed frozen on that fix for good. Now the next fix replaces it, and the purge takes its
     * trail point.
     */
    @Test
    void aFixFarAheadOfTheClockDoesNotFreezeTheTag() throws Exception {
        Instant now = Instant.parse("2026-11-28T05:01:00Z");
        TagPosition bogus = new TagPosition("t1", Instant.parse("2099-01-01T00:00:00Z"), new GeoPoint(37.0, 127.0),
                5);
        try (CacheStores stores = CacheStores.open(dir)) {
            store(stores, List.of(fix("t1", 10, 37.51)), now);
            store(stores, List.of(bogus), now);
            assertThat(stores.positions().loadLatest()).singleElement().isEqualTo(bogus);
            store(stores, List.of(fix("t1", 20, 37.52)), now);
            assertThat(stores.positions().loadLatest()).singleElement()
                    .satisfies(p -> assertThat(p.location().lat()).isEqualTo(37.52));
            store(stores, List.of(fix("t1", 15, 37.515)), now);
            assertThat(stores.positions().loadLatest()).as("a sane last fix still wins over an older one")
                    .singleElement().satisfies(p -> assertThat(p.location().lat()).isEqualTo(37.52));

            store(stores, List.of(fix("t2", 10, 37.6), new TagPosition("t2", bogus.fixAt(), bogus.location(), 5), fix("t2", 5, 37.7)), now);
            assertThat(stores.positions().loadLatest()).filteredOn(p -> p.personId().equals("t2")).singleElement()
                    .as("in one batch too").satisfies(p -> assertThat(p.location().lat()).isEqualTo(37.7));

            assertThat(stores.positions().purgeTrails(now.minusSeconds(3600), now)).as("the two dated 2099")
                    .isEqualTo(2);
            assertThat(stores.positions().loadTrails(Instant.EPOCH)).extracting(TagPosition::fixAt)
                    .allMatch(at -> at.isBefore(now));
        }
    }

    /** Many old fixes are purged in several transactions, all of them. */
    @Test
    void aLongPurgeTakesEveryOldFix() throws Exception {
        Instant now = Instant.parse("2026-11-28T12:00:00Z");
        try (CacheStores stores = CacheStores.open(dir)) {
            List<TagPosition> many = new java.util.ArrayList<>();
            for (int i = 0; i < PositionStore.PURGE_CHUNK * 2 + 7; i++) {
                many.add(fix("t" + (i % 50), i, 37.5));
            }
            store(stores, many, now);
            int kept = stores.positions().loadTrails(Instant.EPOCH).size();
            assertThat(stores.positions().purgeTrails(now, now)).isEqualTo(kept);
            assertThat(stores.positions().loadTrails(Instant.EPOCH)).isEmpty();
        }
    }

    private static void store(CacheStores stores, List<TagPosition> fixes, Instant now) throws Exception {
        try (Connection c = stores.db().connect()) {
            c.setAutoCommit(false);
            stores.positions().upsertLatest(c, fixes, now);
            stores.positions().appendTrail(c, fixes);
            c.commit();
        }
    }
}
