package org.haechi.core.alarm;

/** Alarm severity, most urgent first (ordinal order is urgency order). */
public enum Severity {
    CRITICAL, HIGH, MEDIUM, LOW;

    /** The severity named {@code name}, or null when the name is not one of the four. */
    public static Severity parseOrNull(String name) {
        for (Severity s : values()) {
            if (s.name().equals(name)) {
                return s;
            }
        }
        return null;
    }
}
