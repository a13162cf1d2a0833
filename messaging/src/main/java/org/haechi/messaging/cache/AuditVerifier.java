package org.haechi.messaging.cache;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** Walks the audit chain in seq order and reports the first broken link. Stateless; any thread. */
final class AuditVerifier {
    private AuditVerifier() {
    }

    static AuditVerification verify(Connection c) throws SQLException {
        long expectedSeq = 1;
        String prev = AuditRecord.GENESIS;
        try (PreparedStatement ps = c.prepareStatement("SELECT " + AuditLog.columns()
                + " FROM audit_log ORDER BY seq"); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                AuditRecord r = AuditLog.row(rs);
                String why = check(r, expectedSeq, prev);
                if (why != null) {
                    return AuditVerification.broken(expectedSeq - 1, Math.min(r.seq(), expectedSeq), why);
                }
                prev = r.hash();
                expectedSeq++;
            }
        }
        return checkHead(c, expectedSeq - 1, prev);
    }

    private static String check(AuditRecord r, long expectedSeq, String prev) {
        if (r.seq() != expectedSeq) {
            return "record " + expectedSeq + " is missing (next record is " + r.seq() + ")";
        }
        if (r.at() == null || r.details() == null || r.kind() == null) {
            return "a required field is empty";
        }
        if (!prev.equals(r.prevHash())) {
            return "prev_hash does not match the hash of record " + (expectedSeq - 1);
        }
        if (!r.expectedHash().equals(r.hash())) {
            return "hash does not match the record's content (changed after it was written)";
        }
        return null;
    }

    private static AuditVerification checkHead(Connection c, long count, String lastHash) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT last_seq, last_hash FROM audit_head WHERE id = 1");
             ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
                return AuditVerification.broken(count, count + 1, "audit_head row is missing");
            }
            long headSeq = rs.getLong(1);
            if (headSeq > count) {
                return AuditVerification.broken(count, count + 1, "the log ends at record " + count
                        + " but its head says " + headSeq + ": records were removed from the end");
            }
            if (headSeq < count) {
                return AuditVerification.broken(count, headSeq + 1, "records after " + headSeq
                        + " were added outside the log");
            }
            if (!lastHash.equals(rs.getString(2))) {
                return AuditVerification.broken(count, count, "the last record's hash does not match the head");
            }
        }
        return AuditVerification.intact(count);
    }
}
