package org.haechi.map.crs;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.sis.referencing.CRS;
import org.apache.sis.referencing.CommonCRS;
import org.apache.sis.referencing.crs.AbstractCRS;
import org.apache.sis.referencing.cs.AxesConvention;
import org.haechi.core.geo.GeoPoint;
import org.opengis.referencing.crs.CoordinateReferenceSystem;
import org.opengis.referencing.operation.MathTransform;
import org.opengis.util.FactoryException;

/**
 * Coordinate reference systems by EPSG code, with Apache SIS: EPSG:4326 and 3857 from SIS itself, the Korean
 * systems (5186, 5179, 5174) from WKT shipped with the application, so no EPSG database is needed. Transforms
 * take (easting, northing) whatever the system's own axis order. Thread-safe.
 */
public final class CoordinateSystems {
    private static final Map<String, MathTransform> TO_WGS84 = new ConcurrentHashMap<>();
    private static final Map<String, MathTransform> FROM_WGS84 = new ConcurrentHashMap<>();

    private CoordinateSystems() {
    }

    /** The system for a code such as "EPSG:5186" or "5186", in (easting, northing) / (longitude, latitude) order. */
    public static CoordinateReferenceSystem forCode(String code) throws FactoryException {
        String number = code.toUpperCase(java.util.Locale.ROOT).replace("EPSG:", "").trim();
        CoordinateReferenceSystem crs = switch (number) {
            case "5186", "5179", "5174" -> CRS.fromWKT(wkt(number));
            case "4326" -> CommonCRS.WGS84.geographic();
            default -> CRS.forCode("EPSG:" + number);
        };
        return AbstractCRS.castOrCopy(crs).forConvention(AxesConvention.RIGHT_HANDED);
    }

    private static String wkt(String number) throws FactoryException {
        try (InputStream in = CoordinateSystems.class.getResourceAsStream("EPSG-" + number + ".wkt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException | NullPointerException e) {
            throw new FactoryException("no WKT shipped for EPSG:" + number, e);
        }
    }

    /** Converts (easting, northing) in {@code code} to WGS84. */
    public static GeoPoint toWgs84(String code, double easting, double northing) throws FactoryException {
        double[] p = {easting, northing};
        try {
            TO_WGS84.computeIfAbsent(code, CoordinateSystems::toWgs84Transform).transform(p, 0, p, 0, 1);
        } catch (org.opengis.referencing.operation.TransformException e) {
            throw new FactoryException("cannot transform " + easting + "," + northing + " from " + code, e);
        } catch (IllegalStateException e) {
            throw new FactoryException(e.getMessage(), e.getCause());
        }
        return new GeoPoint(p[1], p[0]);
    }

    /** Converts a WGS84 point to (easting, northing) in {@code code}. */
    public static double[] fromWgs84(String code, GeoPoint point) throws FactoryException {
        double[] p = {point.lon(), point.lat()};
        try {
            FROM_WGS84.computeIfAbsent(code, c -> {
                try {
                    return toWgs84Transform(c).inverse();
                } catch (org.opengis.referencing.operation.NoninvertibleTransformException e) {
                    throw new IllegalStateException(e.getMessage(), e);
                }
            }).transform(p, 0, p, 0, 1);
        } catch (org.opengis.referencing.operation.TransformException e) {
            throw new FactoryException("cannot transform " + point + " to " + code, e);
        } catch (IllegalStateException e) {
            throw new FactoryException(e.getMessage(), e.getCause());
        }
        return p;
    }

    private static MathTransform toWgs84Transform(String code) {
        try {
            return CRS.findOperation(forCode(code), CommonCRS.WGS84.normalizedGeographic(), null).getMathTransform();
        } catch (FactoryException e) {
            throw new IllegalStateException("no transform from " + code + ": " + e.getMessage(), e);
        }
    }
}
