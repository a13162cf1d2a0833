package org.haechi.core.asset;

/** Kinds of field asset; {@link #UNKNOWN} keeps anything new. */
public enum AssetKind {
    CAMERA, ACCESS_POINT, SCHOOL, EMERGENCY_BELL, UNKNOWN;

    public static AssetKind parse(String name) {
        for (AssetKind k : values()) {
            if (k.name().equals(name)) {
                return k;
            }
        }
        return UNKNOWN;
    }
}
