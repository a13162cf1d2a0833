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
import java.util.logging.Logger;
import org.haechi.core.geo.GeoPoint;
import org.haechi.core.position.TagPosition;

/** The latest fix per tag in the H2 cache (last-value semantics; an older fix never replaces a newer one). */
public final class PositionStore {
    private static final Logger LOG = Logger.getLogger(PositionStore.class.getName());
    /** A trail fix more than this ahead of the clock is purged with the old ones: its device's clock is wrong. */
    static final java.time.Duration PURGED_AHEAD = java.time.Duration.ofDays(1);
    private static volatile long lastWarnedMillis;
    private final CacheDatabase db;

    public PositionStore(CacheDatabase db) {
        this.db = db;
    }

    /** {@link #upsertLatest(Connection, List, Instant)} now. */
    public void upsertLatest(Connection c, List<TagPosition> fixes) throws SQLException {
        upsertLatest(c, fixes, Instant.now());
    }

    /**
     * Keeps, per tag, the newest of the stored fix and the batch's fixes, inside the caller's transaction. A fix more
     * than {@link TagPosition#MAX_AHEAD} ahead of {@code now} (a device clock that is wrong) is kept until the tag's
     * next fix, whatever its time: {@link TagPosition#replaces}.
     */
    public void upsertLatest(Connection c, List<TagPosition> fixes, Instant now) throws SQLException {
        Map<String, TagPosition> newest = new LinkedHashMap<>();
        for (TagPosition p : fixes) {
            newest.merge(p.personId(), p, (a, b) -> b.replaces(a, now) ? b : a);
        }
        warnOfClocksAhead(fixes, now);
        try (PreparedStatement ps = c.prepareStatement("MERGE INTO tag_position t USING (VALUES (?,?,?,?,?)) "
                + "AS s(person_id, fix_at, lat, lon, accuracy) ON t.person_id = s.person_id "
                + "WHEN MATCHED AND (s.fix_at > t.fix_at OR t.fix_at > ?) THEN UPDATE SET fix_at = s.fix_at, "
                + "lat = s.lat, lon = s.lon, accuracy = s.accuracy "
                + "WHEN NOT MATCHED THEN INSERT (person_id, fix_at, lat, lon, accuracy) "
                + "VALUES (s.person_id, s.fix_at, s.lat, s.lon, s.accuracy)")) {
            for (TagPosition p : newest.values()) {
                ps.setString(1, p.personId());
                SqlTimes.set(ps, 2, p.fixAt());
                ps.setDouble(3, p.location().lat());
                ps.setDouble(4, p.location().lon());
                ps.setObject(5, Double.isFinite(p.accuracyM()) ? p.accuracyM() : null);
                SqlTimes.set(ps, 6, now.plus(TagPosition.MAX_AHEAD));
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** Tells the log, at most once a minute, of devices whose clock is ahead: their fixes are ordered by arrival. */
    private static void warnOfClocksAhead(List<TagPosition> fixes, Instant now) {
        TagPosition ahead = fixes.stream().filter(p -> p.isAheadOf(now)).findFirst().orElse(null);
        if (ahead == null || now.toEpochMilli() - lastWarnedMillis < 60_000) {
            return;
        }
        lastWarnedMillis = now.toEpochMilli();
        LOG.warning("fixes more than " + TagPosition.MAX_AHEAD.toMinutes() + " min ahead of this console's clock "
                + "(tag " + ahead.personId() + " at " + ahead.fixAt() + "): the device's clock, or this console's, is "
                + "wrong; such a tag's position is kept by arrival until its clock is right");
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

    /** Fixes deleted per transaction by {@link #purgeTrails}. */
    static final int PURGE_CHUNK = 10_000;

    /**
     * Deletes trail fixes older than {@code cutoff}, and those more than {@link #PURGED_AHEAD} ahead of
     * {@code now} (a device clock that wrong would keep its trail for ever); returns how many. In transactions of
     * {@value #PURGE_CHUNK}, so that a long purge does not hold the rows a late fix is being written to.
     */
    public int purgeTrails(Instant cutoff, Instant now) throws SQLException {
        // Two range conditions, each one the fix_at index answers (an OR of them would read the whole table).
        return deleteInChunks("fix_at < ?", cutoff) + deleteInChunks("fix_at > ?", now.plus(PURGED_AHEAD));
    }

    private int deleteInChunks(String condition, Instant bound) throws SQLException {
        try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement(
                "DELETE FROM tag_trail WHERE " + condition + " FETCH FIRST " + PURGE_CHUNK + " ROWS ONLY")) {
            SqlTimes.set(ps, 1, bound);
            return CacheDatabase.deleteInChunks(ps, PURGE_CHUNK);
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
