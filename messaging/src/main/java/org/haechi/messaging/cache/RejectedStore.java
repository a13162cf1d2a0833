package org.haechi.messaging.cache;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;
import org.haechi.core.bus.RejectedMessage;

/**
 * Messages that broke the wire contract, kept with their reason for the operator to inspect and export.
 * Thread-safe.
 */
public final class RejectedStore {
    /** Bodies past this many characters are truncated; the reason says so. */
    public static final int MAX_BODY_CHARS = 64 * 1024;
    /**
     * Rejections kept: the newest. A source that sends only broken messages, at a thousand a second, must not fill
     * the disk the alarms need; {@link #purgeOldest} deletes the others.
     */
    public static final int KEPT = 20_000;
    private static final Logger LOG = Logger.getLogger(RejectedStore.class.getName());
    /** Rejections deleted per transaction by {@link #purgeOldest}. */
    private static final int PURGE_CHUNK = 5000;
    private final CacheDatabase db;

    public RejectedStore(CacheDatabase db) {
        this.db = db;
    }

    /**
     * Stores rejections inside the caller's transaction, each message once: one whose message id is already stored (a
     * redelivery after a lost acknowledgement) is skipped. Returns how many were stored.
     */
    public int insert(Connection c, List<RejectedMessage> rejected) throws SQLException {
        if (rejected.isEmpty()) {
            return 0;
        }
        int stored = 0;
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO rejected_message (address, reason, body, "
                + "received_at, message_id) SELECT ?, ?, ?, ?, ? WHERE NOT EXISTS "
                + "(SELECT 1 FROM rejected_message WHERE message_id = ?)")) {
            for (RejectedMessage r : rejected) {
                ps.setString(1, r.address());
                ps.setString(2, truncate(r.reason(), 2000));
                String body = r.body();
                ps.setString(3, body != null && body.length() > MAX_BODY_CHARS
                        ? body.substring(0, MAX_BODY_CHARS) + "\n[truncated, " + body.length() + " chars]" : body);
                SqlTimes.set(ps, 4, r.receivedAt());
                String id = r.messageId() == null ? null : truncate(r.messageId(), 200);
                ps.setString(5, id);
                ps.setString(6, id);
                stored += ps.executeUpdate();
            }
        }
        return stored;
    }

    private static String truncate(String s, int max) {
        return s == null ? "" : s.length() <= max ? s : s.substring(0, max);
    }

    public long count() throws SQLException {
        try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement(
                "SELECT COUNT(*) FROM rejected_message"); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Deletes the rejections older than the newest {@value #KEPT}, in chunks; returns how many. */
    public int purgeOldest() throws SQLException {
        return purgeOldest(KEPT);
    }

    int purgeOldest(int kept) throws SQLException {
        int deleted;
        try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement("DELETE FROM rejected_message "
                + "WHERE seq <= (SELECT MIN(seq) FROM (SELECT seq FROM rejected_message ORDER BY seq DESC "
                + "FETCH FIRST ? ROWS ONLY)) - 1 FETCH FIRST " + PURGE_CHUNK + " ROWS ONLY")) {
            ps.setInt(1, kept);
            deleted = CacheDatabase.deleteInChunks(ps, PURGE_CHUNK);
        }
        if (deleted > 0) {
            int gone = deleted;
            LOG.warning(() -> "deleted the " + gone + " oldest rejected messages: the cache keeps the newest " + kept);
        }
        return deleted;
    }

    /** The newest rejections, newest first. */
    public List<RejectedMessage> newest(int limit) throws SQLException {
        List<RejectedMessage> out = new ArrayList<>();
        try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement(
                "SELECT address, reason, body, received_at, message_id FROM rejected_message ORDER BY seq DESC "
                        + "FETCH FIRST ? ROWS ONLY")) {
            ps.setInt(1, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new RejectedMessage(rs.getString(1), rs.getString(2), rs.getString(3),
                            SqlTimes.get(rs, 4), rs.getString(5)));
                }
            }
        }
        return out;
    }
}
