package org.haechi.messaging.cache;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.haechi.core.alarm.ActionKind;
import org.haechi.core.alarm.Alarm;
import org.haechi.core.alarm.HybridClock;
import org.haechi.core.alarm.OperatorAction;

/**
 * Records this operator's actions: first in the local outbox (so none is lost offline), applied at once as
 * pending; the bus publishes the outbox when connected. Each action is stamped by the console's hybrid logical
 * clock, which the cache shares with the ingest of other consoles' actions. Thread-safe; call off the FX thread.
 */
public final class OperatorActions {
    private static final int ATTEMPTS = 3;
    private final CacheStores stores;
    private final String operator;
    private final HybridClock clock;

    /** Stamps with the console's clock over {@code stores} ({@link ActionStore#clock}), made from {@code wall}. */
    public OperatorActions(CacheStores stores, String operator, String console, Clock wall) {
        this(stores, operator, stores.actions().clock(console, wall));
    }

    /** Stamps with {@code clock}; its node is the console id. */
    public OperatorActions(CacheStores stores, String operator, HybridClock clock) {
        this.stores = stores;
        this.operator = operator;
        this.clock = clock;
    }

    /** Stores the action and returns the alarm with its new local state (or null when the alarm is unknown). */
    public Alarm perform(String alarmId, ActionKind kind, String note) throws SQLException {
        return perform(alarmId, kind, note, null, null, null);
    }

    /** Assigns the alarm to {@code assignee} (null: claims it for this operator). */
    public Alarm assign(String alarmId, String assignee, String note) throws SQLException {
        return perform(alarmId, ActionKind.ASSIGN, note, assignee, null, null);
    }

    /** Snoozes the alarm until {@code until} (null: for {@link org.haechi.core.alarm.AlarmFold#DEFAULT_SNOOZE}). */
    public Alarm snooze(String alarmId, Instant until, String note) throws SQLException {
        return perform(alarmId, ActionKind.SNOOZE, note, null, until, null);
    }

    /** Closes the alarm with a disposition (RESOLVED, FALSE_ALARM, DUPLICATE ..., or null). */
    public Alarm close(String alarmId, String disposition, String note) throws SQLException {
        return perform(alarmId, ActionKind.CLOSE, note, null, null, disposition);
    }

    /**
     * Stores the action in one transaction, tried again when another one held the fold lock too long (an alarm batch
     * of a storm on a slow disk): the operator's action must not fail for that.
     */
    private Alarm perform(String alarmId, ActionKind kind, String note, String assignee, Instant until,
                          String disposition) throws SQLException {
        OperatorAction action = new OperatorAction(UUID.randomUUID().toString(), alarmId, kind, operator,
                clock.node(), clock.now(), note, assignee, until, disposition);
        for (int attempt = 1; ; attempt++) {
            try (Connection c = stores.db().connect()) {
                c.setAutoCommit(false);
                try {
                    stores.actions().record(c, List.of(action), false);
                    List<Alarm> updated = stores.alarms().findAll(c, List.of(alarmId));
                    c.commit();
                    return updated.isEmpty() ? null : updated.get(0);
                } catch (SQLException e) {
                    c.rollback();
                    if (attempt >= ATTEMPTS || !CacheDatabase.isContention(e)) {
                        throw e;
                    }
                }
            }
        }
    }
}
