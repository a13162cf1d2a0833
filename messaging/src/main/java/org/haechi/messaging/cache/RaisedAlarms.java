package org.haechi.messaging.cache;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.haechi.core.alarm.Alarm;
import org.haechi.messaging.codec.AlarmCodec;

/**
 * Alarms the console raises itself, such as CAMERA_OFFLINE from the camera wall. {@link #raise} stores the alarm
 * (so this console shows it at once, connected or not), audits it and queues its wire body in one transaction; the
 * bus publishes the queue to {@code haechi.alarms} when connected, with the alarm id as duplicate-detection id, so
 * the other consoles get it and this one's own copy comes back as a no-op. Thread-safe; call off the FX thread.
 */
public final class RaisedAlarms {
    private final CacheDatabase db;
    private final AlarmStore alarms;
    private final AuditLog audit;
    private final AlarmCodec codec = new AlarmCodec();

    public RaisedAlarms(CacheDatabase db, AlarmStore alarms, AuditLog audit) {
        this.db = db;
        this.alarms = alarms;
        this.audit = audit;
    }

    /** A queued alarm: its id and its haechi.alarm/1 body. */
    public record Queued(String id, String body) {
    }

    /**
     * Stores, audits and queues {@code alarm}; returns it as stored, or null when an alarm with its id already
     * exists (raising twice is one alarm).
     */
    public Alarm raise(Alarm alarm, String console, String operator) throws SQLException {
        try (Connection c = db.connect()) {
            c.setAutoCommit(false);
            try {
                audit.lockHead(c); // before any alarm row, as every writer does (no deadlock with the ingest)
                List<Alarm> fresh = alarms.insertNew(c, List.of(alarm));
                if (fresh.isEmpty()) {
                    c.rollback();
                    return null;
                }
                try (PreparedStatement ps = c.prepareStatement(
                        "INSERT INTO alarm_outbox (id, body, queued_at) VALUES (?,?,?)")) {
                    ps.setString(1, alarm.id());
                    ps.setString(2, codec.encode(alarm));
                    SqlTimes.set(ps, 3, alarm.receivedAt());
                    ps.executeUpdate();
                }
                Map<String, String> details = new LinkedHashMap<>();
                details.put("type", alarm.typeName());
                details.put("severity", alarm.severity().name());
                details.put("source", alarm.sourceId());
                details.put("title", alarm.title());
                audit.append(c, new AuditEntry(console, operator, "ALARM_RAISED", alarm.id(), details));
                c.commit();
                return fresh.get(0);
            } catch (SQLException e) {
                c.rollback();
                throw e;
            }
        }
    }

    /** Alarms raised here and not yet sent, oldest first. */
    public List<Queued> queued() throws SQLException {
        List<Queued> out = new ArrayList<>();
        try (Connection c = db.connect();
             PreparedStatement ps = c.prepareStatement("SELECT id, body FROM alarm_outbox ORDER BY queued_at, id");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new Queued(rs.getString(1), rs.getString(2)));
            }
        }
        return out;
    }

    /** Forgets a queued alarm once the broker has it. */
    public void markSent(String id) throws SQLException {
        try (Connection c = db.connect();
             PreparedStatement ps = c.prepareStatement("DELETE FROM alarm_outbox WHERE id = ?")) {
            ps.setString(1, id);
            ps.executeUpdate();
        }
    }
}
