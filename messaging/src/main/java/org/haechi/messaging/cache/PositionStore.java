package org.haechi.messaging.cache;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.haechi.core.geo.GeoPoint;
import org.haechi.core.position.TagPosition;

/** The latest fix per tag in the H2 cache (last-value semantics; an older fix never replaces a newer one). */
public final class PositionStore {
    private final CacheDatabase db;

    public PositionStore(CacheDatabase db) {
        this.db = db;
    }

    /** Keeps, per tag, the newest of the stored fix and the batch's fixes, inside the caller's transaction. */
    public void upsertLatest(Connection c, List<TagPosition> fixes) throws SQLException {
        Map<String, TagPosition> newest = new LinkedHashMap<>();
        for (TagPosition p : fixes) {
            newest.merge(p.personId(), p, (a, b) -> b.fixAt().isAfter(a.fixAt()) ? b : a);
        }
        try (PreparedStatement ps = c.prepareStatement("MERGE INTO tag_position t USING (VALUES (?,?,?,?,?)) "
                + "AS s(person_id, fix_at, lat, lon, accuracy) ON t.person_id = s.person_id "
                + "WHEN MATCHED AND s.fix_at > t.fix_at THEN UPDATE SET fix_at = s.fix_at, lat = s.lat, lon = s.lon, "
                + "accuracy = s.accuracy WHEN NOT MATCHED THEN INSERT VALUES (s.person_id, s.fix_at, s.lat, s.lon, "
                + "s.accuracy)")) {
            for (TagPosition p : newest.values()) {
                ps.setString(1, p.personId());
                SqlTimes.set(ps, 2, p.fixAt());
                ps.setDouble(3, p.location().lat());
                ps.setDouble(4, p.location().lon());
                ps.setObject(5, Double.isFinite(p.accuracyM()) ? p.accuracyM() : null);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** Appends fixes to the trails (a repeated fix is kept once), inside the caller's transaction. */
    public void appendTrail(Connection c, List<TagPosition> fixes) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("MERGE INTO tag_trail (person_id, fix_at, lat, lon) "
                + "KEY (person_id, fix_at) VALUES (?,?,?,?)")) {
            for (TagPosition p : fixes) {
                ps.setString(1, p.personId());
                SqlTimes.set(ps, 2, p.fixAt());
                ps.setDouble(3, p.location().lat());
                ps.setDouble(4, p.location().lon());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** Deletes trail fixes older than {@code cutoff}; returns how many. */
    public int purgeTrails(java.time.Instant cutoff) throws SQLException {
        try (Connection c = db.connect();
             PreparedStatement ps = c.prepareStatement("DELETE FROM tag_trail WHERE fix_at < ?")) {
            SqlTimes.set(ps, 1, cutoff);
            return ps.executeUpdate();
        }
    }

    /** Trail fixes since {@code since}, oldest first (to rebuild trails at start). */
    public List<TagPosition> loadTrails(java.time.Instant since) throws SQLException {
        List<TagPosition> out = new ArrayList<>();
        try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement(
                "SELECT person_id, fix_at, lat, lon FROM tag_trail WHERE fix_at >= ? ORDER BY fix_at")) {
            SqlTimes.set(ps, 1, since);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new TagPosition(rs.getString(1), SqlTimes.get(rs, 2),
                            new GeoPoint(rs.getDouble(3), rs.getDouble(4)), Double.NaN));
                }
            }
        }
        return out;
    }

    public List<TagPosition> loadLatest() throws SQLException {
        List<TagPosition> out = new ArrayList<>();
        try (Connection c = db.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT person_id, fix_at, lat, lon, accuracy FROM tag_position")) {
            while (rs.next()) {
                double acc = rs.getDouble(5);
                out.add(new TagPosition(rs.getString(1), SqlTimes.get(rs, 2),
                        new GeoPoint(rs.getDouble(3), rs.getDouble(4)), rs.wasNull() ? Double.NaN : acc));
            }
        }
        return out;
    }
}
