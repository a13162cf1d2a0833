package org.haechi.map.tool;

import java.util.List;
import org.haechi.core.geo.GeoPoint;

/** Ground distance along a path and area of a ring, on the sphere. Stateless. */
public final class Measure {
    private static final double EARTH_RADIUS = 6_371_008.8;

    private Measure() {
    }

    /** Length of the path through {@code points}, in metres. */
    public static double lengthMetres(List<GeoPoint> points) {
        double sum = 0;
        for (int i = 1; i < points.size(); i++) {
            sum += points.get(i - 1).distanceMetres(points.get(i));
        }
        return sum;
    }

    /** Area of the ring through {@code points} (closed or not), in square metres (spherical excess formula). */
    public static double areaSquareMetres(List<GeoPoint> points) {
        int n = points.size();
        if (n < 3) {
            return 0;
        }
        double sum = 0;
        for (int i = 0; i < n; i++) {
            GeoPoint a = points.get(i);
            GeoPoint b = points.get((i + 1) % n);
            sum += Math.toRadians(b.lon() - a.lon())
                    * (2 + Math.sin(Math.toRadians(a.lat())) + Math.sin(Math.toRadians(b.lat())));
        }
        return Math.abs(sum * EARTH_RADIUS * EARTH_RADIUS / 2);
    }

    /** "850 m" or "2.35 km". */
    public static String formatLength(double metres) {
        return metres < 1000 ? String.format("%.0f m", metres) : String.format("%.2f km", metres / 1000);
    }

    /** "5,300 m²" or "1.25 km²". */
    public static String formatArea(double squareMetres) {
        return squareMetres < 1_000_000 ? String.format("%,.0f m²", squareMetres)
                : String.format("%.2f km²", squareMetres / 1_000_000);
    }
}
