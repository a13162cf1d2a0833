package org.haechi.core.asset;

/** Operational status of an asset. */
public enum AssetStatus {
    ONLINE, OFFLINE, DEGRADED, UNKNOWN;

    public static AssetStatus parse(String name) {
        for (AssetStatus s : values()) {
            if (s.name().equals(name)) {
                return s;
            }
        }
        return UNKNOWN;
    }
}
