package org.haechi.app.alarm;

import java.time.Instant;
import org.haechi.core.alarm.ActionKind;

/**
 * One operator action asked from the alarm queue, with what that kind needs. Immutable; any thread.
 *
 * @param kind        what to do
 * @param note        the operator's note, or null
 * @param assignee    ASSIGN: to whom (null: to the operator asking)
 * @param until       SNOOZE: until when
 * @param disposition CLOSE: RESOLVED, FALSE_ALARM, DUPLICATE, TEST, or null
 */
public record WorkflowRequest(ActionKind kind, String note, String assignee, Instant until, String disposition) {

    public static WorkflowRequest of(ActionKind kind, String note) {
        return new WorkflowRequest(kind, note, null, null, null);
    }

    /** Records a request against an alarm; returns the alarm's new local state (null: unknown). Off the FX thread. */
    @FunctionalInterface
    public interface Handler {
        org.haechi.core.alarm.Alarm apply(String alarmId, WorkflowRequest request) throws Exception;
    }
}
