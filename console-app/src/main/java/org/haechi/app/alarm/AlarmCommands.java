package org.haechi.app.alarm;

import org.haechi.core.alarm.ActionKind;
import org.haechi.core.alarm.Alarm;

/** What the alarm board asks of the outside: record an operator action. Called off the FX thread; may block. */
@FunctionalInterface
public interface AlarmCommands {
    /** Records the action and returns the alarm with its new local state, or null when unknown. */
    Alarm perform(String alarmId, ActionKind kind, String note) throws Exception;
}
