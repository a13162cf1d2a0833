package org.haechi.map.query;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.haechi.core.asset.Asset;
import org.haechi.core.geo.GeoPoint;
import org.haechi.map.layer.PointIndex;
import org.haechi.map.view.WebMercator;

/**
 * Which cameras can see a point: within range, and inside the field-of-view cone where heading and field of view
 * are known; ranked by distance. Stateless; any thread (the index is immutable).
 */
public final class CameraVisibility {
    /** Range assumed for a camera whose range is unknown. */
    public static final double DEFAULT_RANGE_M = 100;

    /** A camera that sees the point, with its distance in metres. */
    public record Sighting(Asset camera, double distanceM) {
    }

    private CameraVisibility() {
    }

    public static List<Sighting> camerasSeeing(GeoPoint target, PointIndex cameras) {
        // As far as the longest-reaching camera sees (a PTZ camera on a tower sees over a kilometre).
        double maxRange = Math.max(DEFAULT_RANGE_M, cameras.longestRangeM());
        double r = maxRange * WebMercator.scale(target.lat());
        double x = WebMercator.x(target.lon());
        double y = WebMercator.y(target.lat());
        List<Sighting> out = new ArrayList<>();
        for (int i : cameras.query(x - r, y - r, x + r, y + r)) {
            Asset cam = cameras.asset(i);
            double d = cam.location().distanceMetres(target);
            if (sees(cam, target, d)) {
                out.add(new Sighting(cam, d));
            }
        }
        out.sort(Comparator.comparingDouble(Sighting::distanceM));
        return out;
    }

    /** Whether {@code cam} sees {@code target} at distance {@code d} metres. */
    public static boolean sees(Asset cam, GeoPoint target, double d) {
        double range = Double.isFinite(cam.rangeM()) ? cam.rangeM() : DEFAULT_RANGE_M;
        if (d > range) {
            return false;
        }
        if (d < 1 || !Double.isFinite(cam.headingDeg()) || !Double.isFinite(cam.fovDeg()) || cam.fovDeg() >= 360) {
            return true;
        }
        double bearing = cam.location().bearingDegrees(target);
        double off = Math.abs(((bearing - cam.headingDeg()) % 360 + 540) % 360 - 180);
        return off <= cam.fovDeg() / 2;
    }
}
