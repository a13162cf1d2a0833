package org.haechi.core.asset;

import java.util.Map;
import org.haechi.core.geo.GeoPoint;

/**
 * A field asset (camera, access point, school, bell) from the registry. Immutable; any thread.
 *
 * @param kind       kind
 * @param id         unique id
 * @param location   WGS84 position
 * @param name       display name (address for most Korean registries)
 * @param status     operational status
 * @param streamUrl  video stream for a camera, or null
 * @param headingDeg camera heading clockwise from north, or NaN when unknown
 * @param fovDeg     camera field of view, or NaN
 * @param rangeM     camera useful range in metres, or NaN
 * @param attributes other attributes; {@code synthetic=true} marks generated stand-ins
 */
public record Asset(AssetKind kind, String id, GeoPoint location, String name, AssetStatus status, String streamUrl,
                    double headingDeg, double fovDeg, double rangeM, Map<String, String> attributes) {

    public Asset {
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
        status = status == null ? AssetStatus.UNKNOWN : status;
    }

    public boolean isSynthetic() {
        return "true".equals(attributes.get("synthetic"));
    }

    public boolean hasStream() {
        return streamUrl != null && !streamUrl.isBlank();
    }

    public boolean hasFieldOfView() {
        return Double.isFinite(headingDeg) && Double.isFinite(fovDeg) && Double.isFinite(rangeM);
    }
}
