package org.haechi.messaging.cache;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import org.haechi.core.alarm.ActionKind;
import org.haechi.core.alarm.Alarm;
import org.haechi.core.alarm.AlarmState;
import org.haechi.core.alarm.OperatorAction;

/**
 * Operator actions: the outbox (own actions not yet published) and the log of every action seen.
 * An alarm's state is folded from its actions: the state-changing action with the greatest (time, action id) wins,
 * so every console that holds the same actions computes the same state whatever their arrival order.
 * Thread-safe.
 */
public final class ActionStore {
    private final CacheDatabase db;
    private final AlarmStore alarms;

    public ActionStore(CacheDatabase db, AlarmStore alarms) {
        this.db = db;
        this.alarms = alarms;
    }

    /** Records actions (ignoring ids already held) and refolds the state of the alarms they touch. */
    public List<OperatorAction> record(Connection c, List<OperatorAction> actions, boolean published)
            throws SQLException {
        List<OperatorAction> fresh = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO operator_action (action_id, alarm_id, kind, "
                + "operator, console, at, note, published) SELECT ?,?,?,?,?,?,?,? WHERE NOT EXISTS "
                + "(SELECT 1 FROM operator_action WHERE action_id = ?)")) {
            for (OperatorAction a : actions) {
                ps.setString(1, a.actionId());
                ps.setString(2, a.alarmId());
                ps.setString(3, a.kind().name());
                ps.setString(4, a.operator());
                ps.setString(5, a.console());
                ps.setTimestamp(6, Timestamp.from(a.at()));
                ps.setString(7, a.note());
                ps.setBoolean(8, published);
                ps.setString(9, a.actionId());
                if (ps.executeUpdate() == 1) {
                    fresh.add(a);
                }
            }
        }
        for (String alarmId : fresh.stream().map(OperatorAction::alarmId).distinct().toList()) {
            refold(c, alarmId);
        }
        return fresh;
    }

    private void refold(Connection c, String alarmId) throws SQLException {
        AlarmState state = AlarmState.NEW;
        boolean pending = false;
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT kind, published FROM operator_action WHERE alarm_id = ? ORDER BY at, action_id")) {
            ps.setString(1, alarmId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    AlarmState next = ActionKind.parse(rs.getString(1)).resultingState();
                    state = next == null ? state : next;
                    pending |= !rs.getBoolean(2);
                }
            }
        }
        alarms.updateState(c, alarmId, state, pending);
    }

    /**
     * Applies actions that arrived before their alarm (an action from a console that saw the alarm first, replayed
     * after downtime) to alarms just inserted; returns the alarms with their folded state.
     */
    public List<Alarm> applyEarlierActions(Connection c, List<Alarm> inserted) throws SQLException {
        if (inserted.isEmpty()) {
            return inserted;
        }
        java.util.Set<String> withActions = new java.util.HashSet<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT DISTINCT alarm_id FROM operator_action WHERE alarm_id = ANY(?)")) {
            ps.setArray(1, c.createArrayOf("VARCHAR", inserted.stream().map(Alarm::id).toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    withActions.add(rs.getString(1));
                }
            }
        }
        if (withActions.isEmpty()) {
            return inserted;
        }
        for (String id : withActions) {
            refold(c, id);
        }
        java.util.Map<String, Alarm> folded = new java.util.HashMap<>();
        alarms.findAll(c, withActions).forEach(a -> folded.put(a.id(), a));
        return inserted.stream().map(a -> folded.getOrDefault(a.id(), a)).toList();
    }

    /** Own actions not yet published, oldest first. */
    public List<OperatorAction> outbox() throws SQLException {
        List<OperatorAction> out = new ArrayList<>();
        try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement("SELECT action_id, alarm_id, "
                + "kind, operator, console, at, note FROM operator_action WHERE published = FALSE ORDER BY at")) {
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new OperatorAction(rs.getString(1), rs.getString(2), ActionKind.parse(rs.getString(3)),
                            rs.getString(4), rs.getString(5), rs.getTimestamp(6).toInstant(), rs.getString(7)));
                }
            }
        }
        return out;
    }

    /** Marks an own action as published and refolds its alarm (clears the pending flag). */
    public void markPublished(OperatorAction action) throws SQLException {
        try (Connection c = db.connect()) {
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE operator_action SET published = TRUE WHERE action_id = ?")) {
                ps.setString(1, action.actionId());
                ps.executeUpdate();
            }
            refold(c, action.alarmId());
            c.commit();
        }
    }
}
