package org.haechi.messaging.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.haechi.core.alarm.ActionKind;
import org.haechi.core.alarm.AlarmState;
import org.haechi.core.alarm.Severity;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The audit chain against a real H2 file, tampered with by plain SQL. */
class AuditLogTest {
    @TempDir
    Path dir;
    CacheStores stores;
    AuditLog audit;

    @BeforeEach
    void open() throws Exception {
        stores = CacheStores.open(dir);
        audit = stores.actions().audit();
    }

    @AfterEach
    void close() {
        stores.close();
    }

    void sql(String statement) throws Exception {
        try (Connection c = stores.db().connect(); Statement s = c.createStatement()) {
            s.executeUpdate(statement);
        }
    }

    /** Four records: ACK action + state change, CLOSE action + state change. */
    void actOnAnAlarm() throws Exception {
        try (Connection c = stores.db().connect()) {
            c.setAutoCommit(false);
            stores.alarms().insertNew(c, List.of(AlarmStoreTest.alarm("a", Severity.HIGH, 1)));
            c.commit();
        }
        OperatorActions kim = new OperatorActions(stores, "op-kim", "ws-1", Clock.systemUTC());
        kim.perform("a", ActionKind.ACKNOWLEDGE, "on it");
        kim.close("a", "FALSE_ALARM", null);
    }

    @Test
    void everyActionAndStateChangeIsRecordedAndTheChainHolds() throws Exception {
        actOnAnAlarm();
        List<AuditRecord> records = audit.read(1, 10);
        assertThat(records).extracting(AuditRecord::kind)
                .containsExactly("ACTION", "STATE_CHANGE", "ACTION", "STATE_CHANGE");
        assertThat(records.get(1).details()).contains("\"fromState\":\"NEW\"").contains("\"toState\":\"ACKNOWLEDGED\"");
        assertThat(records.get(3).details()).contains("\"disposition\":\"FALSE_ALARM\"");
        assertThat(records.get(0).prevHash()).isEqualTo(AuditRecord.GENESIS);
        assertThat(records.get(1).prevHash()).isEqualTo(records.get(0).hash());
        assertThat(audit.verify()).hasToString("AUDIT OK 4");
        assertThat(stores.alarms().find("a").state()).isEqualTo(AlarmState.CLOSED);
    }

    @Test
    void anEditedRecordIsTheFirstBrokenLink() throws Exception {
        actOnAnAlarm();
        sql("UPDATE audit_log SET details = REPLACE(details, 'FALSE_ALARM', 'RESOLVED') WHERE seq = 4");
        sql("UPDATE audit_log SET operator = 'op-lee' WHERE seq = 2");
        AuditVerification v = audit.verify();
        assertThat(v.ok()).isFalse();
        assertThat(v.brokenSeq()).isEqualTo(2);
        assertThat(v).hasToString("AUDIT BROKEN at 2: hash does not match the record's content "
                + "(changed after it was written)");
    }

    @Test
    void aRecordRehashedAfterEditingBreaksTheNextLink() throws Exception {
        actOnAnAlarm();
        AuditRecord r = audit.read(2, 1).get(0);
        AuditRecord forged = new AuditRecord(r.seq(), r.at(), r.console(), "op-lee", r.kind(), r.subject(),
                r.details(), r.prevHash(), null);
        sql("UPDATE audit_log SET operator = 'op-lee', hash = '" + forged.expectedHash() + "' WHERE seq = 2");
        assertThat(audit.verify()).hasToString("AUDIT BROKEN at 3: prev_hash does not match the hash of record 2");
    }

    @Test
    void aDeletedRecordIsReportedWhereItIsMissing() throws Exception {
        actOnAnAlarm();
        sql("DELETE FROM audit_log WHERE seq = 3");
        assertThat(audit.verify()).hasToString("AUDIT BROKEN at 3: record 3 is missing (next record is 4)");
    }

    @Test
    void recordsCutOffTheEndAreDetected() throws Exception {
        actOnAnAlarm();
        sql("DELETE FROM audit_log WHERE seq = 4");
        AuditVerification v = audit.verify();
        assertThat(v.brokenSeq()).isEqualTo(4);
        assertThat(v.reason()).contains("records were removed from the end");
    }

    @Test
    void aSnapshotIsChainedLikeAnyOtherRecord() throws Exception {
        AuditRecord r = audit.appendSnapshot("ws-1", "op-kim", "cam-gn-00017", Path.of("snapshots", "cam.png"),
                "ab".repeat(32));
        assertThat(r.kind()).isEqualTo("SNAPSHOT");
        assertThat(r.details()).isEqualTo("{\"file\":\"snapshots/cam.png\",\"sha256\":\"" + "ab".repeat(32) + "\"}");
        assertThat(audit.verify()).hasToString("AUDIT OK 1");
    }

    @Test
    void aSnapshotFileIsHashedWhenNoHashIsGiven() throws Exception {
        Path shot = dir.resolve("shot.png");
        java.nio.file.Files.write(shot, "abc".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        AuditRecord r = audit.appendSnapshot("ws-1", "op-kim", "cam-1", shot);
        assertThat(r.details()).contains("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    @Test
    void concurrentAppendersKeepOneUnbrokenChain() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int thread = t;
                done.add(pool.submit(() -> {
                    for (int i = 0; i < 50; i++) {
                        audit.append(new AuditEntry("ws-" + thread, "op", "TEST", "s-" + i, Map.of("i", "" + i)));
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        assertThat(audit.verify()).hasToString("AUDIT OK 200");
    }

    @Test
    void anEmptyLogIsIntact() throws Exception {
        assertThat(audit.verify()).hasToString("AUDIT OK 0");
    }
}
