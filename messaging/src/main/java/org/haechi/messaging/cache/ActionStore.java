package org.haechi.messaging.cache;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.haechi.core.alarm.Alarm;
import org.haechi.core.alarm.AlarmFold;
import org.haechi.core.alarm.FoldedState;
import org.haechi.core.alarm.HybridClock;
import org.haechi.core.alarm.HybridTimestamp;
import org.haechi.core.alarm.OperatorAction;

/**
 * Operator actions: the outbox (own actions not yet published) and the log of every action seen. An alarm's operator
 * state is {@link AlarmFold folded} from all its actions, so every console that holds the same actions computes the
 * same state whatever their arrival order (ADR 0006). Every new action, and every change of an alarm's folded state,
 * is appended to the {@link AuditLog} in the same transaction. Every action recorded is observed by the console's
 * {@link HybridClock}s, so an action taken after seeing another orders after it. Thread-safe.
 */
public final class ActionStore {
    private final CacheDatabase db;
    private final AlarmStore alarms;
    private final AuditLog audit;
    private final Map<String, HybridClock> clocks = new ConcurrentHashMap<>();

    public ActionStore(CacheDatabase db, AlarmStore alarms) {
        this(db, alarms, new AuditLog(db, Clock.systemUTC()));
    }

    public ActionStore(CacheDatabase db, AlarmStore alarms, AuditLog audit) {
        this.db = db;
        this.alarms = alarms;
        this.audit = audit;
    }

    public AuditLog audit() {
        return audit;
    }

    /**
     * The hybrid logical clock of console {@code console} over this cache, made on first use and then shared:
     * it starts after every action already stored (so a restart with the wall clock set back still stamps after
     * them) and observes every action recorded from then on, own or received.
     *
     * @throws IllegalStateException when the cache cannot be read
     */
    public synchronized HybridClock clock(String console, Clock wall) {
        HybridClock existing = clocks.get(console);
        if (existing != null) {
            return existing;
        }
        HybridClock clock = new HybridClock(console, wall);
        try (Connection c = db.connect()) {
            HybridTimestamp latest = ActionRows.latest(c, wall.millis() + HybridClock.MAX_AHEAD_MILLIS);
            if (latest != null) {
                clock.observe(latest);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cache unreadable: " + e.getMessage(), e);
        }
        clocks.put(console, clock);
        return clock;
    }

    /**
     * Records actions (an id already held is kept, or replaced by a copy with other content that every console
     * prefers), audits what changed and refolds the alarms it touches; returns the actions that changed what is
     * stored. Runs in the caller's transaction.
     */
    public List<OperatorAction> record(Connection c, List<OperatorAction> actions, boolean published)
            throws SQLException {
        for (OperatorAction a : actions) {
            clocks.values().forEach(clock -> clock.observe(a.at()));
        }
        List<OperatorAction> fresh = ActionRows.insertNew(c, actions, published);
        List<OperatorAction> changed = new ArrayList<>(fresh);
        for (OperatorAction a : fresh) {
            audit.append(c, AuditEntries.action(a, published));
        }
        Set<OperatorAction> inserted = new HashSet<>(fresh);
        for (OperatorAction a : actions) {
            if (!inserted.contains(a)) {
                changed.addAll(keepPreferredCopy(c, a, published));
            }
        }
        for (String alarmId : changed.stream().map(OperatorAction::alarmId).distinct().toList()) {
            refold(c, alarmId);
        }
        return changed;
    }

    /**
     * A second copy of a stored action id: the same content is a redelivery and changes nothing. Different content
     * (a broken sender) keeps the copy {@link AlarmFold#preferredCopy} prefers, whichever came first, so that every
     * console holds the same one; returns both copies when it replaced the stored one (their alarms are folded again),
     * else nothing.
     */
    private List<OperatorAction> keepPreferredCopy(Connection c, OperatorAction copy, boolean published)
            throws SQLException {
        OperatorAction stored = ActionRows.find(c, copy.actionId());
        if (stored == null || stored.equals(copy) || AlarmFold.preferredCopy(stored, copy) == stored) {
            return List.of();
        }
        ActionRows.replace(c, copy);
        audit.append(c, AuditEntries.replacing(copy, stored, published));
        return List.of(stored, copy);
    }

    /** Folds one alarm's actions, stores the result with the alarm and audits a change; returns the fold. */
    private FoldedState refold(Connection c, String alarmId) throws SQLException {
        // Folds run one at a time, each after the last writer of actions committed: two folds of one alarm that
        // read its actions at the same moment (this console's outbox marking its own action published while the
        // ingest stores another console's) would otherwise both write, the later with a set that misses the
        // other's action: a lost update, seen in TwoConsolesTest about one run in three before this lock.
        audit.lockHead(c);
        ActionRows.Loaded loaded = ActionRows.forAlarm(c, alarmId);
        FoldedState folded = AlarmFold.fold(loaded.actions());
        AlarmStore.Workflow now = new AlarmStore.Workflow(folded.state(), folded.assignee(), folded.disposition(),
                folded.snoozedUntil());
        AlarmStore.Workflow before = alarms.workflow(c, alarmId);
        if (before != null && !before.equals(now)) {
            // Audit first: every writer takes the audit head lock before any alarm row lock, so none deadlock.
            audit.append(c, AuditEntries.stateChange(alarmId, before, folded));
        }
        alarms.updateWorkflow(c, alarmId, now, loaded.pending());
        return folded;
    }

    /** The folded operator state of one alarm (comments included), from the actions stored now. */
    public FoldedState folded(String alarmId) throws SQLException {
        try (Connection c = db.connect()) {
            return AlarmFold.fold(ActionRows.forAlarm(c, alarmId).actions());
        }
    }

    /**
     * Inserts the alarms not yet stored and applies the actions that arrived before them, in the caller's transaction;
     * returns the new alarms with their folded state. The fold lock is taken before the insert, so an action stored
     * at the same moment on another connection (the action consumer, while the alarm consumer drains beside it)
     * either committed before this reads the alarms' actions, or folds after this commit and finds the alarm. Without
     * it, each missed the other and the alarm stayed NEW on this console only ({@code AlarmActionRaceTest}).
     */
    public List<Alarm> insertAlarms(Connection c, List<Alarm> batch) throws SQLException {
        audit.lockHead(c);
        return applyEarlierActions(c, alarms.insertNew(c, batch));
    }

    /**
     * Applies actions that arrived before their alarm (an action from a console that saw the alarm first, replayed
     * after downtime) to alarms just inserted; returns the alarms with their folded state.
     */
    public List<Alarm> applyEarlierActions(Connection c, List<Alarm> inserted) throws SQLException {
        if (inserted.isEmpty()) {
            return inserted;
        }
        Set<String> withActions = new HashSet<>();
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
        for (String id : withActions.stream().sorted().toList()) {
            refold(c, id);
        }
        Map<String, Alarm> folded = new HashMap<>();
        alarms.findAll(c, withActions).forEach(a -> folded.put(a.id(), a));
        return inserted.stream().map(a -> folded.getOrDefault(a.id(), a)).toList();
    }

    /** Own actions not yet published, in HLC order. */
    public List<OperatorAction> outbox() throws SQLException {
        try (Connection c = db.connect()) {
            return ActionRows.unpublished(c);
        }
    }

    /**
     * Marks an own action as published and refolds its alarm (clears the pending flag); returns the alarm as it now
     * is, for the screen, or null when the cache does not hold it.
     */
    public Alarm markPublished(OperatorAction action) throws SQLException {
        try (Connection c = db.connect()) {
            c.setAutoCommit(false);
            audit.lockHead(c); // before the action's row, as every writer (a copy replacing it takes the head first)
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE operator_action SET published = TRUE WHERE action_id = ?")) {
                ps.setString(1, action.actionId());
                ps.executeUpdate();
            }
            refold(c, action.alarmId());
            List<Alarm> now = alarms.findAll(c, List.of(action.alarmId()));
            c.commit();
            return now.isEmpty() ? null : now.get(0);
        }
    }

    /** Audit entries for actions and state changes. */
    private static final class AuditEntries {
        static AuditEntry action(OperatorAction a, boolean published) {
            Map<String, String> d = new LinkedHashMap<>();
            d.put("actionId", a.actionId());
            d.put("kind", a.kindName());
            d.put("hlc", a.at().toString());
            d.put("note", a.note());
            d.put("assignee", a.assignee());
            d.put("until", a.until() == null ? null : a.until().toString());
            d.put("disposition", a.disposition());
            d.put("origin", published ? "received" : "local");
            return new AuditEntry(a.console(), a.operator(), AuditLog.ACTION, a.alarmId(), d);
        }

        /** A copy of an action replacing the stored copy of its id (a broken sender sent two). */
        static AuditEntry replacing(OperatorAction copy, OperatorAction stored, boolean published) {
            AuditEntry entry = action(copy, published);
            Map<String, String> d = new LinkedHashMap<>(entry.details());
            d.put("replaces", stored.toString());
            return new AuditEntry(entry.console(), entry.operator(), entry.kind(), entry.subject(), d);
        }

        static AuditEntry stateChange(String alarmId, AlarmStore.Workflow before, FoldedState after) {
            Map<String, String> d = new LinkedHashMap<>();
            d.put("fromState", before.state().name());
            d.put("toState", after.state().name());
            d.put("fromAssignee", before.assignee());
            d.put("assignee", after.assignee());
            d.put("disposition", after.disposition());
            d.put("snoozedUntil", after.snoozedUntil() == null ? null : after.snoozedUntil().toString());
            d.put("lastChange", after.lastChange() == null ? null : after.lastChange().toString());
            String console = after.lastChange() == null ? null : after.lastChange().node();
            return new AuditEntry(console, after.changedBy(), AuditLog.STATE_CHANGE, alarmId, d);
        }
    }
}
