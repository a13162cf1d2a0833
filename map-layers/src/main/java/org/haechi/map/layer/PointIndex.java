package org.haechi.map.layer;

import java.util.ArrayList;
import java.util.List;
import org.haechi.core.asset.Asset;
import org.haechi.map.view.WebMercator;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.index.strtree.STRtree;

/**
 * Assets projected to Web Mercator in primitive arrays, with an STRtree over them for hit tests and area queries.
 * Built off the FX thread; immutable afterwards, so any thread may read it.
 */
public final class PointIndex {
    private final Asset[] assets;
    private final double[] xs;
    private final double[] ys;
    private final STRtree tree = new STRtree();
    /** The longest range among the assets that give one (metres), 0 when none does. */
    private final double longestRangeM;

    public PointIndex(List<Asset> list) {
        int n = list.size();
        assets = list.toArray(new Asset[0]);
        xs = new double[n];
        ys = new double[n];
        double longest = 0;
        for (int i = 0; i < n; i++) {
            if (Double.isFinite(assets[i].rangeM())) {
                longest = Math.max(longest, assets[i].rangeM());
            }
            xs[i] = WebMercator.x(assets[i].location().lon());
            ys[i] = WebMercator.y(assets[i].location().lat());
            tree.insert(new Envelope(xs[i], xs[i], ys[i], ys[i]), i);
        }
        tree.build();
        longestRangeM = longest;
    }

    /** The longest range among the assets that give one (metres), 0 when none does. */
    public double longestRangeM() {
        return longestRangeM;
    }

    public int size() {
        return assets.length;
    }

    public Asset asset(int i) {
        return assets[i];
    }

    public double x(int i) {
        return xs[i];
    }

    public double y(int i) {
        return ys[i];
    }

    double[] xs() {
        return xs;
    }

    double[] ys() {
        return ys;
    }

    /** Indices of the points inside a Web Mercator envelope. */
    public List<Integer> query(double minX, double minY, double maxX, double maxY) {
        @SuppressWarnings("unchecked")
        List<Integer> found = tree.query(new Envelope(minX, maxX, minY, maxY));
        return found == null ? new ArrayList<>() : found;
    }

    /** The index of the point nearest to (x, y) within {@code radius} metres, or -1. */
    public int nearest(double x, double y, double radius) {
        int best = -1;
        double bestD = radius * radius;
        for (int i : query(x - radius, y - radius, x + radius, y + radius)) {
            double d = (xs[i] - x) * (xs[i] - x) + (ys[i] - y) * (ys[i] - y);
            if (d <= bestD) {
                bestD = d;
                best = i;
            }
        }
        return best;
    }
}
