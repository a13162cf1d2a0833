package org.haechi.map.importer;

import org.apache.sis.referencing.CRS;
import org.apache.sis.referencing.CommonCRS;
import org.apache.sis.referencing.crs.AbstractCRS;
import org.apache.sis.referencing.cs.AxesConvention;
import org.haechi.map.crs.CoordinateSystems;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.CoordinateSequenceFilter;
import org.locationtech.jts.geom.Geometry;
import org.opengis.referencing.crs.CoordinateReferenceSystem;
import org.opengis.referencing.operation.MathTransform;
import org.opengis.referencing.operation.TransformException;
import org.opengis.util.FactoryException;

/** The coordinate system of a file being imported, with its conversion to WGS84 (easting, northing) order. */
final class SourceCrs {
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

    /** A WKT definition (a shapefile's .prj, a GeoPackage's srs definition). */
    static SourceCrs forWkt(String wkt, String why) throws ImportException {
        try {
            CoordinateReferenceSystem crs = CRS.fromWKT(wkt);
            CoordinateReferenceSystem ordered = AbstractCRS.castOrCopy(crs).forConvention(AxesConvention.RIGHT_HANDED);
            return of(ordered, crs.getName().getCode() + " (" + why + ")");
        } catch (FactoryException | RuntimeException e) {
            throw new ImportException("cannot read the coordinate system (" + why + "): " + e.getMessage(), e);
        }
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
