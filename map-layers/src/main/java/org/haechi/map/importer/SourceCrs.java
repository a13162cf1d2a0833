package org.haechi.map.importer;

import java.util.List;
import org.apache.sis.referencing.CRS;
import org.apache.sis.referencing.CommonCRS;
import org.apache.sis.referencing.crs.AbstractCRS;
import org.apache.sis.referencing.cs.AxesConvention;
import org.apache.sis.util.Utilities;
import org.haechi.map.crs.CoordinateSystems;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.CoordinateSequenceFilter;
import org.locationtech.jts.geom.Geometry;
import org.opengis.referencing.crs.CoordinateReferenceSystem;
import org.opengis.referencing.crs.SingleCRS;
import org.opengis.referencing.datum.GeodeticDatum;
import org.opengis.referencing.operation.CoordinateOperation;
import org.opengis.referencing.operation.MathTransform;
import org.opengis.referencing.operation.TransformException;
import org.opengis.util.FactoryException;

/** The coordinate system of a file being imported, with its conversion to WGS84 (easting, northing) order. */
final class SourceCrs {
    private static final List<String> SHIPPED = List.of("EPSG:5186", "EPSG:5179", "EPSG:5174");
    private final MathTransform toWgs84;
    private final String description;

    private SourceCrs(MathTransform toWgs84, String description) {
        this.toWgs84 = toWgs84 == null || toWgs84.isIdentity() ? null : toWgs84;
        this.description = description;
    }

    /** WGS84 longitude/latitude, no conversion; {@code why} says where that came from. */
    static SourceCrs wgs84(String why) {
        return new SourceCrs(null, "WGS84 (" + why + ")");
    }

    /** An EPSG code such as "EPSG:5186"; {@code why} says where it came from. */
    static SourceCrs forCode(String code, String why) throws ImportException {
        try {
            return of(CoordinateSystems.forCode(code), code.trim() + " (" + why + ")");
        } catch (FactoryException | RuntimeException e) {
            throw new ImportException("unknown coordinate system '" + code + "' (" + why + "): " + e.getMessage()
                    + "; known without an EPSG database: EPSG:4326, 3857, 5186, 5179, 5174", e);
        }
    }

    /**
     * A WKT definition (a shapefile's .prj, a GeoPackage's srs definition). ESRI-style WKT carries no datum shift:
     * a definition equal to a shipped Korean system takes that system's shift; another one on a datum far from WGS84
     * is refused rather than imported hundreds of metres off.
     */
    static SourceCrs forWkt(String wkt, String why) throws ImportException {
        CoordinateReferenceSystem crs;
        CoordinateOperation op;
        try {
            crs = AbstractCRS.castOrCopy(CRS.fromWKT(wkt)).forConvention(AxesConvention.RIGHT_HANDED);
            for (String code : SHIPPED) {
                if (Utilities.equalsIgnoreMetadata(crs, CoordinateSystems.forCode(code))) {
                    return forCode(code, why + ": " + crs.getName().getCode());
                }
            }
            op = CRS.findOperation(crs, CommonCRS.WGS84.normalizedGeographic(), null);
        } catch (FactoryException | RuntimeException e) {
            throw new ImportException("cannot read the coordinate system (" + why + "): " + e.getMessage(), e);
        }
        if (CRS.getLinearAccuracy(op) > 10 && !onGrs80OrWgs84(crs)) {
            throw new ImportException("the coordinate system " + crs.getName().getCode() + " (" + why + ") has no "
                    + "datum shift to WGS84, so positions would be hundreds of metres off: give --crs EPSG:n "
                    + "(Korean 1985 Modified Central Belt is EPSG:5174)");
        }
        return new SourceCrs(op.getMathTransform(), crs.getName().getCode() + " (" + why + ")");
    }

    private static boolean onGrs80OrWgs84(CoordinateReferenceSystem crs) {
        if (crs instanceof SingleCRS single && single.getDatum() instanceof GeodeticDatum datum) {
            return Math.abs(datum.getEllipsoid().getSemiMajorAxis() - 6_378_137) < 0.5;
        }
        return true;
    }

    private static SourceCrs of(CoordinateReferenceSystem crs, String description) throws FactoryException {
        MathTransform t = CRS.findOperation(crs, CommonCRS.WGS84.normalizedGeographic(), null).getMathTransform();
        return new SourceCrs(t, description);
    }

    String description() {
        return description;
    }

    boolean isWgs84() {
        return toWgs84 == null;
    }

    /** A converted copy of {@code g} (x = longitude, y = latitude); the source geometry is not changed. */
    Geometry toWgs84(Geometry g) throws TransformException {
        if (toWgs84 == null) {
            return g;
        }
        Geometry copy = g.copy();
        TransformFilter filter = new TransformFilter();
        copy.apply(filter);
        if (filter.failure != null) {
            throw filter.failure;
        }
        copy.geometryChanged();
        return copy;
    }

    private final class TransformFilter implements CoordinateSequenceFilter {
        private final double[] p = new double[2];
        private TransformException failure;

        @Override
        public void filter(CoordinateSequence seq, int i) {
            p[0] = seq.getX(i);
            p[1] = seq.getY(i);
            try {
                toWgs84.transform(p, 0, p, 0, 1);
            } catch (TransformException e) {
                failure = e;
            }
            seq.setOrdinate(i, CoordinateSequence.X, p[0]);
            seq.setOrdinate(i, CoordinateSequence.Y, p[1]);
        }

        @Override
        public boolean isDone() {
            return failure != null;
        }

        @Override
        public boolean isGeometryChanged() {
            return true;
        }
    }
}
