package org.haechi.core.alarm;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * An operator's action on an alarm, as stored in the outbox and shared on the actions address.
 * Immutable; any thread.
 *
 * @param actionId    unique id of the action (idempotency key)
 * @param alarmId     the alarm acted on
 * @param kind        what was done
 * @param operator    operator id
 * @param console     console id
 * @param at          when it was done, by the console's hybrid logical clock
 * @param note        free text or null
 * @param assignee    ASSIGN: the operator it is assigned to (null: the acting operator claims it); else null
 * @param until       SNOOZE: until when, to the millisecond (null: {@link AlarmFold#DEFAULT_SNOOZE} after {@code at});
 *                    else null
 * @param disposition CLOSE: how it was closed (RESOLVED, FALSE_ALARM, DUPLICATE ..., free text) or null
 * @param kindName    the kind as it was sent: a kind this version does not know ({@link ActionKind#UNKNOWN}) keeps
 *                    its name, so that a later version that knows it folds it as the consoles that knew it already
 */
public record OperatorAction(String actionId, String alarmId, ActionKind kind, String operator, String console,
                             HybridTimestamp at, String note, String assignee, Instant until, String disposition,
                             String kindName) {

    public OperatorAction {
        if (kindName == null || kind != ActionKind.UNKNOWN) {
            kindName = kind.name();
        }
        // To the millisecond, as the stamps: a copy read back from the cache then equals the one that was stored.
        until = until == null ? null : until.truncatedTo(ChronoUnit.MILLIS);
    }

    /** An action of a kind this version knows. */
    public OperatorAction(String actionId, String alarmId, ActionKind kind, String operator, String console,
                          HybridTimestamp at, String note, String assignee, Instant until, String disposition) {
        this(actionId, alarmId, kind, operator, console, at, note, assignee, until, disposition, kind.name());
    }

    /** An action without assignee, snooze time or disposition. */
    public OperatorAction(String actionId, String alarmId, ActionKind kind, String operator, String console,
                          HybridTimestamp at, String note) {
        this(actionId, alarmId, kind, operator, console, at, note, null, null, null);
    }
}
