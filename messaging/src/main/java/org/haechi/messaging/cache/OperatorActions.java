package org.haechi.messaging.cache;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.haechi.core.alarm.ActionKind;
import org.haechi.core.alarm.Alarm;
import org.haechi.core.alarm.OperatorAction;

/**
 * Records this operator's actions: first in the local outbox (so none is lost offline), applied at once as
 * pending; the bus publishes the outbox when connected. Thread-safe; call off the FX thread.
 */
public final class OperatorActions {
    private final CacheStores stores;
    private final String operator;
    private final String console;
    private final Clock clock;

    public OperatorActions(CacheStores stores, String operator, String console, Clock clock) {
        this.stores = stores;
        this.operator = operator;
        this.console = console;
        this.clock = clock;
    }

    /** Stores the action and returns the alarm with its new local state (or null when the alarm is unknown). */
    public Alarm perform(String alarmId, ActionKind kind, String note) throws SQLException {
        OperatorAction action = new OperatorAction(UUID.randomUUID().toString(), alarmId, kind, operator, console,
                clock.instant(), note);
        try (Connection c = stores.db().connect()) {
            c.setAutoCommit(false);
            stores.actions().record(c, List.of(action), false);
            List<Alarm> updated = stores.alarms().findAll(c, List.of(alarmId));
            c.commit();
            return updated.isEmpty() ? null : updated.get(0);
        }
    }
}
