package org.haechi.map.layer;

import java.util.List;
import org.haechi.core.geo.GeoPoint;
import org.haechi.core.warning.Warning;
import org.haechi.core.warning.WarningArea;
import org.locationtech.jts.algorithm.RayCrossingCounter;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Location;

/** Point-in-zone tests for warning areas (polygons by ray crossing, circles by great-circle distance). Stateless. */
public final class ZoneGeometry {
    private static final GeometryFactory GF = new GeometryFactory();

    private ZoneGeometry() {
    }

    public static boolean contains(Warning w, GeoPoint p) {
        return w.areas().stream().anyMatch(a -> contains(a, p));
    }

    public static boolean contains(WarningArea a, GeoPoint p) {
        for (WarningArea.Circle c : a.circles()) {
            if (c.centre().distanceMetres(p) <= c.radiusKm() * 1000) {
                return true;
            }
        }
        Coordinate at = new Coordinate(p.lon(), p.lat());
        for (List<GeoPoint> ring : a.polygons()) {
            // Ray crossing on the ring as sent: no topology is built, so a ring that crosses itself (untidy CAP
            // text is kept as it came) is answered, where Geometry.contains threw. Its edge counts as inside, as a
            // circle's does.
            if (RayCrossingCounter.locatePointInRing(at, coordinates(ring)) != Location.EXTERIOR) {
                return true;
            }
        }
        return false;
    }

    private static Coordinate[] coordinates(List<GeoPoint> ring) {
        return ring.stream().map(q -> new Coordinate(q.lon(), q.lat())).toArray(Coordinate[]::new);
    }

    static Geometry polygon(List<GeoPoint> ring) {
        return GF.createPolygon(coordinates(ring));
    }
}
