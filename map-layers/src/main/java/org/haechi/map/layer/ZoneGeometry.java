package org.haechi.map.layer;

import java.util.List;
import org.haechi.core.geo.GeoPoint;
import org.haechi.core.warning.Warning;
import org.haechi.core.warning.WarningArea;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;

/** Point-in-zone tests for warning areas (polygons with JTS, circles by great-circle distance). Stateless. */
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
        for (List<GeoPoint> ring : a.polygons()) {
            if (polygon(ring).contains(GF.createPoint(new Coordinate(p.lon(), p.lat())))) {
                return true;
            }
        }
        return false;
    }

    static Geometry polygon(List<GeoPoint> ring) {
        Coordinate[] cs = ring.stream().map(q -> new Coordinate(q.lon(), q.lat())).toArray(Coordinate[]::new);
        return GF.createPolygon(cs);
    }
}
