package org.haechi.core.alarm;

/** Kinds of operator action on an alarm; {@link #UNKNOWN} keeps anything new. */
public enum ActionKind {
    ACKNOWLEDGE, ASSIGN, ESCALATE, SNOOZE, COMMENT, CLOSE, REOPEN, UNKNOWN;

    public static ActionKind parse(String name) {
        for (ActionKind k : values()) {
            if (k.name().equals(name)) {
                return k;
            }
        }
        return UNKNOWN;
    }

    /** The state this action moves an alarm to, or null when it leaves the state alone. */
    public AlarmState resultingState() {
        return switch (this) {
            case ACKNOWLEDGE -> AlarmState.ACKNOWLEDGED;
            case ASSIGN -> AlarmState.ASSIGNED;
            case ESCALATE -> AlarmState.ESCALATED;
            case SNOOZE -> AlarmState.SNOOZED;
            case CLOSE -> AlarmState.CLOSED;
            case REOPEN -> AlarmState.NEW;
            case COMMENT, UNKNOWN -> null;
        };
    }
}
