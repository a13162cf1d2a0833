package org.haechi.sim.data;

import org.locationtech.jts.geom.Geometry;

/**
 * A Seoul district (gu) with its boundary.
 *
 * @param name     Korean name, e.g. 강남구
 * @param nameEng  English name, e.g. Gangnam-gu
 * @param code     KOSTAT code
 * @param boundary WGS84 boundary (x = lon, y = lat)
 */
public record District(String name, String nameEng, String code, Geometry boundary) {
}
