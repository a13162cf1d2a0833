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
            assertThat(stores.positions().purgeTrails(Instant.parse("2026-11-28T05:00:10Z"))).isEqualTo(1);
            assertThat(stores.positions().loadTrails(Instant.EPOCH)).extracting(p -> p.location().lat())
                    .containsExactly(37.51, 37.52);
        }
    }
}
