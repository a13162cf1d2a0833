package org.haechi.messaging.cache;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.haechi.core.alarm.Alarm;
import org.haechi.core.alarm.AlarmState;
import org.haechi.core.alarm.AlarmType;
import org.haechi.core.alarm.Severity;
import org.haechi.core.geo.GeoPoint;
import org.haechi.messaging.codec.AttributesJson;

/**
 * Alarms in the H2 cache. Write methods run inside the caller's transaction on the caller's connection;
 * read methods open their own. Thread-safe (no state besides the database).
 */
public final class AlarmStore {
    private static final String COLUMNS = "id, type_name, severity, occurred_at, received_at, lat, lon, source_id, "
            + "title, state, is_open, pending";
    /** What {@link #readAlarm} reads: {@link #COLUMNS}, then the attributes and the workflow's snooze and revision. */
    private static final String READ = "SELECT " + COLUMNS + ", attributes, snoozed_until, revision FROM alarm ";
    private final CacheDatabase db;

    public AlarmStore(CacheDatabase db) {
        this.db = db;
    }

    /**
     * Inserts the alarms whose id is not yet stored and returns exactly those: a redelivered or repeated id is
     * a no-op and keeps the operator's state. Duplicates inside the batch count once.
     */
    public List<Alarm> insertNew(Connection c, List<Alarm> batch) throws SQLException {
        Map<String, Alarm> unique = new LinkedHashMap<>();
        batch.forEach(a -> unique.putIfAbsent(a.id(), a));
        Set<String> existing = existingIds(c, unique.keySet());
        List<Alarm> fresh = new ArrayList<>();
        unique.values().stream().filter(a -> !existing.contains(a.id())).forEach(fresh::add);
        if (fresh.isEmpty()) {
            return fresh;
        }
        try (PreparedStatement ins = c.prepareStatement("INSERT INTO alarm (" + COLUMNS
                + ", attributes) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)")) {
            for (Alarm a : fresh) {
                bindAlarm(ins, a);
                ins.setString(13, a.attributes().isEmpty() ? null : AttributesJson.write(a.attributes()));
                ins.addBatch();
            }
            ins.executeBatch();
        }
        return fresh;
    }

    private static void bindAlarm(PreparedStatement ps, Alarm a) throws SQLException {
        ps.setString(1, a.id());
        ps.setString(2, a.typeName());
        ps.setInt(3, a.severity().ordinal());
        SqlTimes.set(ps, 4, a.occurredAt());
        SqlTimes.set(ps, 5, a.receivedAt());
        ps.setObject(6, a.location() == null ? null : a.location().lat());
        ps.setObject(7, a.location() == null ? null : a.location().lon());
        ps.setString(8, a.sourceId());
        ps.setString(9, a.title());
        ps.setString(10, a.state().name());
        ps.setBoolean(11, a.state().isOpen());
        ps.setBoolean(12, a.pending());
    }

    private static Set<String> existingIds(Connection c, Set<String> ids) throws SQLException {
        Set<String> found = new HashSet<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT id FROM alarm WHERE id = ANY(?)")) {
            ps.setArray(1, c.createArrayOf("VARCHAR", ids.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    found.add(rs.getString(1));
                }
            }
        }
        return found;
    }

    /**
     * The folded operator state stored with an alarm besides its workflow state.
     *
     * @param state        workflow state
     * @param assignee     claim holder or null
     * @param disposition  how it was closed, or null
     * @param snoozedUntil while snoozed: until when; else null
     */
    public record Workflow(AlarmState state, String assignee, String disposition, Instant snoozedUntil) {
    }

    /** Stores an alarm's folded operator state (inside the caller's transaction); false when the alarm is unknown. */
    public boolean updateWorkflow(Connection c, String id, Workflow w, boolean pending) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE alarm SET state = ?, is_open = ?, pending = ?, "
                + "assignee = ?, disposition = ?, snoozed_until = ?, revision = revision + 1, "
                + "changed_at = CURRENT_TIMESTAMP WHERE id = ?")) {
            ps.setString(1, w.state().name());
            ps.setBoolean(2, w.state().isOpen());
            ps.setBoolean(3, pending);
            ps.setString(4, w.assignee());
            ps.setString(5, w.disposition());
            SqlTimes.set(ps, 6, w.snoozedUntil());
            ps.setString(7, id);
            return ps.executeUpdate() == 1;
        }
    }

    /** The stored operator state of one alarm on the caller's connection, or null when the alarm is unknown. */
    public Workflow workflow(Connection c, String id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT state, assignee, disposition, snoozed_until FROM alarm WHERE id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                return new Workflow(AlarmState.valueOf(rs.getString(1)), rs.getString(2), rs.getString(3),
                        SqlTimes.get(rs, 4));
            }
        }
    }

    /** The stored operator state of one alarm, or null when the alarm is unknown. */
    public Workflow workflow(String id) throws SQLException {
        try (Connection c = db.connect()) {
            return workflow(c, id);
        }
    }

    /**
     * Every open alarm, newest first, handed on in pages of up to {@code pageSize} as they are read: the board holds
     * every open alarm, so a restart must bring back every one, not only the newest.
     */
    public void loadOpen(int pageSize, Consumer<List<Alarm>> pages) throws SQLException {
        String sql = READ + "WHERE is_open = TRUE "
                + "ORDER BY is_open, received_at DESC";
        try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setFetchSize(pageSize);
            try (ResultSet rs = ps.executeQuery()) {
                List<Alarm> page = new ArrayList<>(pageSize);
                while (rs.next()) {
                    page.add(readAlarm(rs));
                    if (page.size() == pageSize) {
                        pages.accept(page);
                        page = new ArrayList<>(pageSize);
                    }
                }
                if (!page.isEmpty()) {
                    pages.accept(page);
                }
            }
        }
    }

    /**
     * The alarms closed last (by when this cache last changed them), at most {@code limit}: to reopen one closed by
     * mistake. Not indexed (the ingest's inserts would pay for it): read on demand, off the FX thread.
     */
    public List<Alarm> recentlyClosed(int limit) throws SQLException {
        try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement(READ
                + "WHERE is_open = FALSE ORDER BY changed_at DESC NULLS LAST, received_at DESC "
                + "FETCH FIRST ? ROWS ONLY")) {
            ps.setInt(1, limit);
            List<Alarm> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(readAlarm(rs));
                }
            }
            return out;
        }
    }

    /** One alarm by id, or null. */
    public Alarm find(String id) throws SQLException {
        try (Connection c = db.connect()) {
            List<Alarm> found = findAll(c, List.of(id));
            return found.isEmpty() ? null : found.get(0);
        }
    }

    /** The stored alarms among {@code ids}, on the caller's connection. */
    public List<Alarm> findAll(Connection c, java.util.Collection<String> ids) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(READ + "WHERE id = ANY(?)")) {
            ps.setArray(1, c.createArrayOf("VARCHAR", ids.toArray()));
            List<Alarm> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(readAlarm(rs));
                }
            }
            return out;
        }
    }

    public long countAll() throws SQLException {
        return count("SELECT COUNT(*) FROM alarm");
    }

    public long countOpen() throws SQLException {
        return count("SELECT COUNT(*) FROM alarm WHERE is_open = TRUE");
    }

    private long count(String sql) throws SQLException {
        try (Connection c = db.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** The alarm of the result set's row: {@link #READ}. */
    private static Alarm readAlarm(ResultSet rs) throws SQLException {
        Object lat = rs.getObject(6);
        Object lon = rs.getObject(7);
        GeoPoint location = lat == null || lon == null ? null
                : new GeoPoint(((Number) lat).doubleValue(), ((Number) lon).doubleValue());
        String typeName = rs.getString(2);
        return new Alarm(rs.getString(1), AlarmType.parse(typeName), typeName, Severity.values()[rs.getInt(3)],
                SqlTimes.get(rs, 4), SqlTimes.get(rs, 5), location, rs.getString(8),
                rs.getString(9), AttributesJson.read(rs.getString(13)), AlarmState.valueOf(rs.getString(10)),
                rs.getBoolean(12), SqlTimes.get(rs, 14), rs.getLong(15));
    }
}
