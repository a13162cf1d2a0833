package org.haechi.core.warning;

import java.util.List;
import org.haechi.core.geo.GeoPoint;

/**
 * One CAP area: polygons (closed rings), circles, or only a description and geocodes.
 *
 * @param description areaDesc text
 * @param polygons    closed rings, first point repeated last
 * @param circles     circles
 * @param geocodes    "valueName=value" texts, kept when there is no geometry
 */
public record WarningArea(String description, List<List<GeoPoint>> polygons, List<Circle> circles,
                          List<String> geocodes) {

    public WarningArea {
        polygons = polygons.stream().map(List::copyOf).toList();
        circles = List.copyOf(circles);
        geocodes = List.copyOf(geocodes);
    }

    public boolean hasGeometry() {
        return !polygons.isEmpty() || !circles.isEmpty();
    }

    /** A CAP circle: centre and radius in kilometres. */
    public record Circle(GeoPoint centre, double radiusKm) {
    }
}
