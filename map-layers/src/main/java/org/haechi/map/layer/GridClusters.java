package org.haechi.map.layer;

import org.haechi.map.view.Viewport;

/**
 * Screen-space grid clustering of the visible points: one pass over the primitive arrays, one cluster per non-empty
 * cell at the mean position of its members. Counts always add up to the number of visible points. Not thread-safe;
 * reused by one layer on the FX thread.
 */
public final class GridClusters {
    private int columns;
    private int[] counts = new int[0];
    private double[] sumX = new double[0];
    private double[] sumY = new double[0];
    private int[] first = new int[0];
    private int clusters;
    private int[] cellOfCluster = new int[0];

    /** Clusters the points of {@code xs}/{@code ys} visible in {@code v} into cells of {@code cellPx} pixels. */
    public void compute(double[] xs, double[] ys, Viewport v, double cellPx) {
        columns = (int) Math.ceil(v.width() / cellPx) + 1;
        int rows = (int) Math.ceil(v.height() / cellPx) + 1;
        int cells = columns * rows;
        if (counts.length < cells) {
            counts = new int[cells];
            sumX = new double[cells];
            sumY = new double[cells];
            first = new int[cells];
            cellOfCluster = new int[cells];
        } else {
            java.util.Arrays.fill(counts, 0, cells, 0);
            java.util.Arrays.fill(sumX, 0, cells, 0);
            java.util.Arrays.fill(sumY, 0, cells, 0);
        }
        double minX = v.minX();
        double maxX = v.maxX();
        double minY = v.minY();
        double maxY = v.maxY();
        double res = v.resolution();
        clusters = 0;
        for (int i = 0; i < xs.length; i++) {
            double x = xs[i];
            double y = ys[i];
            if (x < minX || x > maxX || y < minY || y > maxY) {
                continue;
            }
            double sx = (x - minX) / res;
            double sy = (maxY - y) / res;
            int cell = (int) (sy / cellPx) * columns + (int) (sx / cellPx);
            if (counts[cell]++ == 0) {
                first[cell] = i;
                cellOfCluster[clusters++] = cell;
            }
            sumX[cell] += sx;
            sumY[cell] += sy;
        }
    }

    public int clusterCount() {
        return clusters;
    }

    public int count(int cluster) {
        return counts[cellOfCluster[cluster]];
    }

    public double screenX(int cluster) {
        int cell = cellOfCluster[cluster];
        return sumX[cell] / counts[cell];
    }

    public double screenY(int cluster) {
        int cell = cellOfCluster[cluster];
        return sumY[cell] / counts[cell];
    }

    /** The index of one member (the first met). */
    public int firstMember(int cluster) {
        return first[cellOfCluster[cluster]];
    }

    public int totalCount() {
        int total = 0;
        for (int c = 0; c < clusters; c++) {
            total += count(c);
        }
        return total;
    }
}
