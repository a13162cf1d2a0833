package org.haechi.core.alarm;

import java.time.Instant;

/**
 * An operator's action on an alarm, as stored in the outbox and shared on the actions address.
 * Immutable; any thread.
 *
 * @param actionId unique id of the action (idempotency key)
 * @param alarmId  the alarm acted on
 * @param kind     what was done
 * @param operator operator id
 * @param console  console id
 * @param at       when it was done (console clock)
 * @param note     free text or null
 */
public record OperatorAction(String actionId, String alarmId, ActionKind kind, String operator, String console,
                             Instant at, String note) {
}
