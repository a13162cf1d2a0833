package org.haechi.app.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.haechi.messaging.cache.AuditEntry;
import org.haechi.messaging.cache.CacheStores;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ./haechi audit verify} on a real cache folder. */
class AuditMainTest {
    @TempDir
    Path data;
    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();

    int verify() {
        return AuditMain.run(List.of("verify", "--data-dir", data.toString()),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    void appendThree() throws Exception {
        try (CacheStores stores = CacheStores.open(data.resolve("cache"))) {
            for (int i = 0; i < 3; i++) {
                stores.actions().audit().append(new AuditEntry("ws-1", "op-kim", "TEST", "s", Map.of("i", "" + i)));
            }
        }
    }

    @Test
    void anIntactLogPrintsOkWithItsCount() throws Exception {
        appendThree();
        assertThat(verify()).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("AUDIT OK 3" + System.lineSeparator());
    }

    @Test
    void aTamperedLogPrintsTheFirstBrokenLinkAndExitsOne() throws Exception {
        appendThree();
        try (CacheStores stores = CacheStores.open(data.resolve("cache")); Connection c = stores.db().connect();
             Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE audit_log SET subject = 'other' WHERE seq = 2");
        }
        assertThat(verify()).isEqualTo(1);
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("AUDIT BROKEN at 2: ");
    }

    /** The cache is evidence: verifying it reads it only (it used to be migrated on the way). */
    @Test
    void verifyingLeavesTheCacheFileAsItWas() throws Exception {
        appendThree();
        Path file = data.resolve("cache").resolve("cache.mv.db");
        byte[] before = Files.readAllBytes(file);
        assertThat(verify()).isZero();
        assertThat(Files.readAllBytes(file)).isEqualTo(before);
    }

    @Test
    void noCacheOrBadArgumentsExitTwo() {
        assertThat(verify()).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("no cache at");
        assertThat(AuditMain.run(List.of("check"), System.out, new PrintStream(err, true, StandardCharsets.UTF_8)))
                .isEqualTo(2);
    }
}
