package org.haechi.core.alarm;

/** Where an alarm stands in the operator workflow. */
public enum AlarmState {
    NEW, ACKNOWLEDGED, ASSIGNED, ESCALATED, SNOOZED, CLOSED;

    /** True while the alarm still needs an operator. */
    public boolean isOpen() {
        return this != CLOSED;
    }
}
