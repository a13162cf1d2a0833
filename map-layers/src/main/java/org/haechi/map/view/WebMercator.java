package org.haechi.map.view;

/** Spherical Web Mercator (EPSG:3857) in metres. Stateless; any thread. */
public final class WebMercator {
    public static final double RADIUS = 6_378_137.0;
    private static final double MAX_LAT = 85.05112878;

    private WebMercator() {
    }

    public static double x(double lon) {
        return Math.toRadians(lon) * RADIUS;
    }

    public static double y(double lat) {
        double clamped = Math.max(-MAX_LAT, Math.min(MAX_LAT, lat));
        return Math.log(Math.tan(Math.PI / 4 + Math.toRadians(clamped) / 2)) * RADIUS;
    }

    public static double lon(double x) {
        return Math.toDegrees(x / RADIUS);
    }

    public static double lat(double y) {
        return Math.toDegrees(2 * Math.atan(Math.exp(y / RADIUS)) - Math.PI / 2);
    }

    /** Mercator metres per ground metre at {@code lat} (scale factor), to draw ground distances. */
    public static double scale(double lat) {
        return 1 / Math.cos(Math.toRadians(lat));
    }
}
