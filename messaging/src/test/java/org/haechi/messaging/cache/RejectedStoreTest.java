package org.haechi.messaging.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.time.Instant;
import java.util.List;
import org.haechi.core.bus.RejectedMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Rejections on a real H2 cache: a redelivered message (the same message id) is kept once. */
class RejectedStoreTest {
    @TempDir
    Path dir;

    @Test
    void aRedeliveredMessageIsKeptOnceAndMessagesWithoutAnIdAreAllKept() throws Exception {
        Instant at = Instant.parse("2026-11-29T01:00:00Z");
        RejectedMessage first = new RejectedMessage("haechi.alarms", "not valid JSON", "{", at, "ID:a1");
        RejectedMessage again = new RejectedMessage("haechi.alarms", "not valid JSON", "{", at.plusSeconds(1), "ID:a1");
        RejectedMessage other = new RejectedMessage("haechi.alarms", "not valid JSON", "{", at, "ID:a2");
        RejectedMessage noId = new RejectedMessage("haechi.assets", "empty body", null, at);
        try (CacheStores stores = CacheStores.open(dir)) {
            RejectedStore rejected = stores.rejected();
            try (Connection c = stores.db().connect()) {
                c.setAutoCommit(false);
                assertThat(rejected.insert(c, List.of(first, noId))).isEqualTo(2);
                c.commit();
                assertThat(rejected.insert(c, List.of(again, other, noId))).isEqualTo(2);
                c.commit();
            }

            assertThat(rejected.count()).isEqualTo(4);
            assertThat(rejected.newest(10)).extracting(RejectedMessage::messageId)
                    .containsExactly(null, "ID:a2", null, "ID:a1");
            assertThat(rejected.newest(10).get(3).receivedAt()).as("the first copy is kept").isEqualTo(at);
        }
    }

    /** The cache keeps the newest rejections only: a source sending nothing but broken messages cannot fill the disk. */
    @Test
    void theOldestRejectionsAreDeletedBeyondWhatIsKept() throws Exception {
        Instant at = Instant.parse("2026-11-29T01:00:00Z");
        try (CacheStores stores = CacheStores.open(dir)) {
            RejectedStore rejected = stores.rejected();
            assertThat(rejected.purgeOldest(10)).as("nothing to delete").isZero();
            try (Connection c = stores.db().connect()) {
                c.setAutoCommit(false);
                for (int i = 0; i < 12_007; i++) {
                    rejected.insert(c, List.of(new RejectedMessage("haechi.alarms", "not valid JSON", "{" + i,
                            at.plusMillis(i), "ID:" + i)));
                }
                c.commit();
            }
            assertThat(rejected.purgeOldest(10)).as("in several chunks").isEqualTo(11_997);
            assertThat(rejected.count()).isEqualTo(10);
            assertThat(rejected.newest(20)).extracting(RejectedMessage::body).first().isEqualTo("{12006");
            assertThat(rejected.newest(20)).extracting(RejectedMessage::body).last().isEqualTo("{11997");
            assertThat(rejected.purgeOldest(10)).isZero();
        }
    }
}
