package org.haechi.core.alarm;

/** The kinds of alarm named by the wire contract; {@link #UNKNOWN} keeps anything new. */
public enum AlarmType {
    CCTV_ANALYTICS, EMERGENCY_BELL, CHILD_SOS, GEOFENCE_EXIT, GEOFENCE_ENTER, DISASTER,
    CAMERA_OFFLINE, AP_DOWN, CITIZEN_REPORT, CYBER, UNKNOWN;

    /** The type named {@code name}, or {@link #UNKNOWN}; never null. */
    public static AlarmType parse(String name) {
        if (name == null) {
            return UNKNOWN;
        }
        try {
            return valueOf(name);
        } catch (IllegalArgumentException e) {
            return UNKNOWN;
        }
    }
}
