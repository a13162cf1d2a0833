package org.haechi.messaging.cache;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The console's append-only audit log: every operator action, every alarm state change, and other events worth
 * proving later (camera snapshots). Each record is chained to the previous one by SHA-256 ({@link AuditRecord}), so
 * editing, deleting or inserting a record breaks the chain at that point and {@link #verify()} says where.
 * Appends join the caller's transaction, so a record exists exactly when what it records does; appenders are
 * serialised by a row lock on {@code audit_head}, held to the end of the transaction. Thread-safe.
 *
 * <p>This detects tampering by anyone who cannot recompute the whole chain from the altered record on; it is not a
 * signature. Export the last hash elsewhere (a print, another system) to pin the log up to that point.
 */
public final class AuditLog {
    public static final String ACTION = "ACTION";
    public static final String STATE_CHANGE = "STATE_CHANGE";
    public static final String SNAPSHOT = "SNAPSHOT";
    /** The longest details text a record holds (the column's size). */
    public static final int MAX_DETAILS = 1_000_000;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String COLUMNS = "seq, at, console, operator, kind, subject, details, prev_hash, hash";
    private final CacheDatabase db;
    private final Clock clock;

    public AuditLog(CacheDatabase db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /**
     * Takes the audit head's row lock for the rest of the caller's transaction. Every writer of operator state takes
     * it first, so they run one after the other and each sees what the previous one committed.
     */
    public void lockHead(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT last_seq FROM audit_head WHERE id = 1 FOR UPDATE");
             ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
                throw new SQLException("audit_head row missing: the audit log cannot be appended to");
            }
        }
    }

    /** Appends one record inside the caller's transaction; returns it as stored. */
    public AuditRecord append(Connection c, AuditEntry e) throws SQLException {
        long lastSeq;
        String lastHash;
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT last_seq, last_hash FROM audit_head WHERE id = 1 FOR UPDATE");
             ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
                throw new SQLException("audit_head row missing: the audit log cannot be appended to");
            }
            lastSeq = rs.getLong(1);
            lastHash = rs.getString(2);
        }
        String details = json(e.details());
        if (details.length() > MAX_DETAILS) {
            throw new IllegalArgumentException("audit details longer than " + MAX_DETAILS + " characters");
        }
        Instant at = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        AuditRecord unsigned = new AuditRecord(lastSeq + 1, at, e.console(), e.operator(), e.kind(), e.subject(),
                details, lastHash, null);
        AuditRecord r = new AuditRecord(unsigned.seq(), at, e.console(), e.operator(), e.kind(), e.subject(),
                unsigned.details(), lastHash, unsigned.expectedHash());
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO audit_log (" + COLUMNS
                + ") VALUES (?,?,?,?,?,?,?,?,?)")) {
            ps.setLong(1, r.seq());
            SqlTimes.set(ps, 2, at);
            ps.setString(3, r.console());
            ps.setString(4, r.operator());
            ps.setString(5, r.kind());
            ps.setString(6, r.subject());
            ps.setString(7, r.details());
            ps.setString(8, r.prevHash());
            ps.setString(9, r.hash());
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE audit_head SET last_seq = ?, last_hash = ? WHERE id = 1")) {
            ps.setLong(1, r.seq());
            ps.setString(2, r.hash());
            ps.executeUpdate();
        }
        return r;
    }

    /** Appends one record in a transaction of its own. */
    public AuditRecord append(AuditEntry e) throws SQLException {
        try (Connection c = db.connect()) {
            c.setAutoCommit(false);
            AuditRecord r = append(c, e);
            c.commit();
            return r;
        }
    }

    /** Records a camera snapshot taken by an operator: the file and the SHA-256 of its bytes (hex). */
    public AuditRecord appendSnapshot(String console, String operator, String cameraId, Path file, String sha256)
            throws SQLException {
        Map<String, String> details = new LinkedHashMap<>();
        details.put("file", file.toString());
        details.put("sha256", sha256);
        return append(new AuditEntry(console, operator, SNAPSHOT, cameraId, details));
    }

    /** Records a camera snapshot, hashing the file's bytes first. */
    public AuditRecord appendSnapshot(String console, String operator, String cameraId, Path file)
            throws SQLException, IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        return appendSnapshot(console, operator, cameraId, file, HexFormat.of().formatHex(digest.digest()));
    }

    /** Walks the whole chain and returns the first broken link, or OK with the number of records. */
    public AuditVerification verify() throws SQLException {
        try (Connection c = db.connect()) {
            return AuditVerifier.verify(c);
        }
    }

    /** Records from {@code fromSeq} on, at most {@code limit}, in order. */
    public List<AuditRecord> read(long fromSeq, int limit) throws SQLException {
        List<AuditRecord> out = new ArrayList<>();
        try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS
                + " FROM audit_log WHERE seq >= ? ORDER BY seq FETCH FIRST ? ROWS ONLY")) {
            ps.setLong(1, fromSeq);
            ps.setInt(2, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(row(rs));
                }
            }
        }
        return out;
    }

    static AuditRecord row(ResultSet rs) throws SQLException {
        return new AuditRecord(rs.getLong(1), SqlTimes.get(rs, 2), rs.getString(3), rs.getString(4),
                rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9));
    }

    static String columns() {
        return COLUMNS;
    }

    private static String json(Map<String, String> details) {
        try {
            return JSON.writeValueAsString(details);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
