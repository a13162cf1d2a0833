package org.haechi.sim.data;

import java.util.List;
import org.haechi.core.geo.GeoPoint;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;

/** Which Seoul district a point lies in (Korean name), as field systems report it. Immutable; any thread. */
public final class DistrictLookup {
    private static final GeometryFactory GF = new GeometryFactory();
    private final List<District> districts;
    private final List<PreparedGeometry> prepared;

    public DistrictLookup(List<District> districts) {
        this.districts = districts;
        this.prepared = districts.stream().map(d -> PreparedGeometryFactory.prepare(d.boundary())).toList();
    }

    /** The district's Korean name, or null outside Seoul. */
    public String nameAt(GeoPoint p) {
        var point = GF.createPoint(new Coordinate(p.lon(), p.lat()));
        for (int i = 0; i < prepared.size(); i++) {
            if (prepared.get(i).contains(point)) {
                return districts.get(i).name();
            }
        }
        return null;
    }
}
