package org.haechi.map.query;

import java.util.ArrayList;
import java.util.List;
import org.haechi.core.asset.Asset;
import org.haechi.core.geo.GeoPoint;
import org.haechi.core.position.TagPosition;
import org.haechi.map.layer.PointIndex;
import org.haechi.map.view.WebMercator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;

/**
 * What lies inside a zone (a WGS84 polygon or circle): assets from a spatial index, tags from a list. The index
 * narrows by envelope, a prepared geometry decides. Stateless; any thread.
 */
public final class ZoneContents {
    private static final GeometryFactory GF = new GeometryFactory();
    private final PreparedGeometry zone;
    private final Envelope mercatorEnvelope;

    private ZoneContents(Geometry wgs84) {
        this.zone = PreparedGeometryFactory.prepare(wgs84);
        Envelope e = wgs84.getEnvelopeInternal();
        this.mercatorEnvelope = new Envelope(WebMercator.x(e.getMinX()), WebMercator.x(e.getMaxX()),
                WebMercator.y(e.getMinY()), WebMercator.y(e.getMaxY()));
    }

    /** A polygon zone from a ring of points (closed or not). */
    public static ZoneContents polygon(List<GeoPoint> ring) {
        List<Coordinate> cs = new ArrayList<>(ring.stream().map(p -> new Coordinate(p.lon(), p.lat())).toList());
        if (!cs.get(0).equals2D(cs.get(cs.size() - 1))) {
            cs.add(cs.get(0));
        }
        return new ZoneContents(GF.createPolygon(cs.toArray(Coordinate[]::new)));
    }

    /** A circle zone, approximated by a 64-gon on the ground. */
    public static ZoneContents circle(GeoPoint centre, double radiusM) {
        List<GeoPoint> ring = new ArrayList<>();
        double dLat = radiusM / 111_320.0;
        double dLon = dLat / Math.cos(Math.toRadians(centre.lat()));
        for (int i = 0; i < 64; i++) {
            double a = 2 * Math.PI * i / 64;
            ring.add(new GeoPoint(centre.lat() + dLat * Math.sin(a), centre.lon() + dLon * Math.cos(a)));
        }
        return polygon(ring);
    }

    public boolean contains(GeoPoint p) {
        return zone.contains(GF.createPoint(new Coordinate(p.lon(), p.lat())));
    }

    /** The assets of an index inside the zone. */
    public List<Asset> assetsIn(PointIndex index) {
        List<Asset> out = new ArrayList<>();
        for (int i : index.query(mercatorEnvelope.getMinX(), mercatorEnvelope.getMinY(), mercatorEnvelope.getMaxX(),
                mercatorEnvelope.getMaxY())) {
            Asset a = index.asset(i);
            if (contains(a.location())) {
                out.add(a);
            }
        }
        return out;
    }

    /** The tags whose latest fix is inside the zone. */
    public List<TagPosition> tagsIn(List<TagPosition> latest) {
        return latest.stream().filter(t -> contains(t.location())).toList();
    }
}
