package org.haechi.messaging.cache;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;
import org.haechi.core.warning.CapReference;
import org.haechi.core.warning.Warning;

/**
 * CAP warnings in the cache, kept as the raw documents. An Update or Cancel removes the alerts it references, and
 * keeps them from coming back (in {@code warning_reference}).
 * Thread-safe.
 */
public final class WarningStore {
    private static final Logger LOG = Logger.getLogger(WarningStore.class.getName());
    private final CacheDatabase db;

    public WarningStore(CacheDatabase db) {
        this.db = db;
    }

    /**
     * Stores one decoded warning with its raw body, inside the caller's transaction, and removes the warnings it
     * replaces or withdraws (an Update's or a Cancel's references) for good. Returns false, storing it not, when an
     * Update or Cancel stored before already replaced this warning: a delayed or re-sent original must not come back
     * to life after its withdrawal.
     */
    public boolean store(Connection c, Warning w, String rawBody, Instant receivedAt) throws SQLException {
        // What it replaces stays replaced even when it is itself replaced already: an Update arriving after the
        // Cancel that withdrew it still withdraws the alert it updated.
        List<CapReference> replaced = w.supersedes();
        if (!replaced.isEmpty()) {
            try (PreparedStatement del = c.prepareStatement("DELETE FROM warning WHERE identifier = ? "
                    + "AND (? = '' OR sender = ? OR sender = '')");
                 PreparedStatement ref = c.prepareStatement("MERGE INTO warning_reference (identifier, sender, "
                         + "superseded_by) KEY (identifier, sender, superseded_by) VALUES (?, ?, ?)")) {
                for (CapReference r : replaced) {
                    if (r.names(w.key())) {
                        continue; // itself: an alert does not withdraw itself
                    }
                    String sender = r.sender() == null ? "" : r.sender();
                    del.setString(1, r.identifier());
                    del.setString(2, sender);
                    del.setString(3, sender);
                    del.addBatch();
                    ref.setString(1, r.identifier());
                    ref.setString(2, sender);
                    ref.setString(3, w.identifier());
                    ref.addBatch();
                }
                del.executeBatch();
                ref.executeBatch();
            }
        }
        if (isSuperseded(c, w)) {
            LOG.info(() -> "warning " + w.identifier() + " from " + w.sender() + " arrived after what replaces it; "
                    + "kept withdrawn");
            return false;
        }
        try (PreparedStatement ps = c.prepareStatement("MERGE INTO warning (sender, identifier, msg_type, received_at, "
                + "body) KEY (sender, identifier) VALUES (?,?,?,?,?)")) {
            ps.setString(1, senderKey(w));
            ps.setString(2, w.identifier());
            ps.setString(3, w.msgType() == null ? "Alert" : w.msgType());
            SqlTimes.set(ps, 4, receivedAt);
            ps.setString(5, rawBody);
            ps.executeUpdate();
        }
        return true;
    }

    /**
     * Whether an Update or Cancel stored before names {@code w}: by its identifier, and its sender (compared in lower
     * case, as {@link CapReference} keeps it) when the reference said one.
     */
    private static boolean isSuperseded(Connection c, Warning w) throws SQLException {
        // Rows of V11 had no sender; those naming their own alert (an alert listing itself) never withdrew it.
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM warning_reference WHERE identifier = ? "
                + "AND (sender = ? OR sender = '' AND superseded_by <> identifier)")) {
            ps.setString(1, w.identifier());
            ps.setString(2, senderKey(w));
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** The sender as the cache compares it: in lower case ('' for none). */
    private static String senderKey(Warning w) {
        String sender = w.key().sender();
        return sender == null ? "" : sender;
    }

    /** The raw documents of every stored warning that is not a Cancel, oldest first. */
    public List<String> loadBodies() throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = db.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT body FROM warning WHERE UPPER(msg_type) <> 'CANCEL' ORDER BY received_at")) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }
}
