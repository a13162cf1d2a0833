package org.haechi.messaging.cache;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.haechi.core.warning.Warning;

/**
 * CAP warnings in the cache, kept as the raw documents. An Update or Cancel removes the alerts it references.
 * Thread-safe.
 */
public final class WarningStore {
    private final CacheDatabase db;

    public WarningStore(CacheDatabase db) {
        this.db = db;
    }

    /** Stores one decoded warning with its raw body, inside the caller's transaction. */
    public void store(Connection c, Warning w, String rawBody, Instant receivedAt) throws SQLException {
        if (!w.references().isEmpty()) {
            try (PreparedStatement del = c.prepareStatement("DELETE FROM warning WHERE identifier = ?")) {
                for (String ref : w.references()) {
                    del.setString(1, ref);
                    del.addBatch();
                }
                del.executeBatch();
            }
        }
        try (PreparedStatement ps = c.prepareStatement(
                "MERGE INTO warning (identifier, msg_type, received_at, body) KEY (identifier) VALUES (?,?,?,?)")) {
            ps.setString(1, w.identifier());
            ps.setString(2, w.msgType() == null ? "Alert" : w.msgType());
            ps.setTimestamp(3, Timestamp.from(receivedAt));
            ps.setString(4, rawBody);
            ps.executeUpdate();
        }
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
