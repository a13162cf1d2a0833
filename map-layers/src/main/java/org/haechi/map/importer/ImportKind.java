package org.haechi.map.importer;

import org.haechi.core.asset.AssetKind;

/** What the rows of an imported file become: assets of one kind, or the features of a map layer. */
public enum ImportKind {
    CAMERA(AssetKind.CAMERA), ACCESS_POINT(AssetKind.ACCESS_POINT), SCHOOL(AssetKind.SCHOOL), LAYER(null);

    private final AssetKind assetKind;

    ImportKind(AssetKind assetKind) {
        this.assetKind = assetKind;
    }

    /** The asset kind the rows become, or null for {@link #LAYER}. */
    public AssetKind assetKind() {
        return assetKind;
    }

    /** Parses a kind name case-insensitively; throws IllegalArgumentException naming the accepted values. */
    public static ImportKind parse(String name) {
        for (ImportKind k : values()) {
            if (k.name().equalsIgnoreCase(name.trim())) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown kind '" + name + "': use CAMERA, ACCESS_POINT, SCHOOL or LAYER");
    }
}
