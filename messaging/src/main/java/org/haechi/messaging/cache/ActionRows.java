package org.haechi.messaging.cache;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.haechi.core.alarm.ActionKind;
import org.haechi.core.alarm.HybridTimestamp;
import org.haechi.core.alarm.OperatorAction;

/** SQL for the {@code operator_action} table, on the caller's connection. Stateless; any thread. */
final class ActionRows {
    private static final String COLUMNS = "action_id, alarm_id, kind, operator, console, hlc, note, assignee, "
            + "snooze_until, disposition";

    private ActionRows() {
    }

    /** Inserts the actions whose id is not yet stored; returns exactly those, in input order. */
    static List<OperatorAction> insertNew(Connection c, List<OperatorAction> actions, boolean published)
            throws SQLException {
        List<OperatorAction> fresh = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO operator_action (" + COLUMNS
                + ", at, published) SELECT ?,?,?,?,?,?,?,?,?,?,?,? WHERE NOT EXISTS "
                + "(SELECT 1 FROM operator_action WHERE action_id = ?)")) {
            for (OperatorAction a : actions) {
                ps.setString(1, a.actionId());
                bindContent(ps, 2, a);
                ps.setBoolean(12, published);
                ps.setString(13, a.actionId());
                if (ps.executeUpdate() == 1) {
                    fresh.add(a);
                }
            }
        }
        return fresh;
    }

    /** The stored action of that id, or null. */
    static OperatorAction find(Connection c, String actionId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM operator_action "
                + "WHERE action_id = ?")) {
            ps.setString(1, actionId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? read(rs) : null;
            }
        }
    }

    /** Replaces the stored copy of {@code a}'s id with {@code a} (its content; the published flag stays). */
    static void replace(Connection c, OperatorAction a) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE operator_action SET alarm_id = ?, kind = ?, "
                + "operator = ?, console = ?, hlc = ?, note = ?, assignee = ?, snooze_until = ?, disposition = ?, "
                + "at = ? WHERE action_id = ?")) {
            bindContent(ps, 1, a);
            ps.setString(11, a.actionId());
            ps.executeUpdate();
        }
    }

    /**
     * Binds everything of {@code a} but its id, from parameter {@code first} on, in the order of {@link #COLUMNS}
     * after {@code action_id}, then {@code at}: ten parameters.
     */
    private static void bindContent(PreparedStatement ps, int first, OperatorAction a) throws SQLException {
        ps.setString(first, a.alarmId());
        ps.setString(first + 1, a.kindName());
        ps.setString(first + 2, a.operator());
        ps.setString(first + 3, a.console());
        ps.setString(first + 4, a.at().toString());
        ps.setString(first + 5, a.note());
        ps.setString(first + 6, a.assignee());
        SqlTimes.set(ps, first + 7, a.until());
        ps.setString(first + 8, a.disposition());
        SqlTimes.set(ps, first + 9, a.at().instant());
    }

    /** Every stored action on one alarm in HLC order, and whether any of them is unpublished. */
    static Loaded forAlarm(Connection c, String alarmId) throws SQLException {
        List<OperatorAction> out = new ArrayList<>();
        boolean pending = false;
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + ", published FROM operator_action "
                + "WHERE alarm_id = ? ORDER BY hlc, action_id")) {
            ps.setString(1, alarmId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(read(rs));
                    pending |= !rs.getBoolean(11);
                }
            }
        }
        return new Loaded(out, pending);
    }

    /** Own actions not yet published, in HLC order. */
    static List<OperatorAction> unpublished(Connection c) throws SQLException {
        List<OperatorAction> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM operator_action "
                + "WHERE published = FALSE ORDER BY hlc, action_id"); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(read(rs));
            }
        }
        return out;
    }

    /**
     * The greatest stored HLC up to {@code maxWallMillis}, or null when there is none: a stamp further ahead (a
     * console whose clock was days wrong) is stored and folded, but no clock follows it.
     */
    static HybridTimestamp latest(Connection c, long maxWallMillis) throws SQLException {
        long bound = Math.min(Math.max(maxWallMillis, 0) + 1, HybridTimestamp.MAX_WALL);
        try (PreparedStatement ps = c.prepareStatement("SELECT MAX(hlc) FROM operator_action WHERE hlc < ?")) {
            // The text sorts as the timestamp does: every stamp of a wall time before the bound sorts before its wall
            // text and '#', every stamp of the bound's wall time or later after it.
            String boundText = new HybridTimestamp(bound, 0, "bound").toString();
            ps.setString(1, boundText.substring(0, boundText.indexOf('#') + 1));
            try (ResultSet rs = ps.executeQuery()) {
                String text = rs.next() ? rs.getString(1) : null;
                return text == null ? null : HybridTimestamp.parse(text);
            }
        }
    }

    private static OperatorAction read(ResultSet rs) throws SQLException {
        Instant until = SqlTimes.get(rs, 9);
        String kind = rs.getString(3);
        return new OperatorAction(rs.getString(1), rs.getString(2), ActionKind.parse(kind),
                rs.getString(4), rs.getString(5), HybridTimestamp.parse(rs.getString(6)), rs.getString(7),
                rs.getString(8), until, rs.getString(10), kind);
    }

    /** The actions of one alarm and whether any is still in the outbox. */
    record Loaded(List<OperatorAction> actions, boolean pending) {
    }
}
