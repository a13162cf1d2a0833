package org.haechi.map.layer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.haechi.map.view.Viewport;
import org.haechi.map.view.WebMercator;
import org.junit.jupiter.api.Test;

class GridClustersTest {
    private static final double CELL = 64;
    private static final Viewport VIEW = new Viewport(WebMercator.x(127.0276), WebMercator.y(37.4979), 4.0, 1000,
            700);

    private static boolean inside(Viewport v, double x, double y) {
        return x >= v.minX() && x <= v.maxX() && y >= v.minY() && y <= v.maxY();
    }

    /** Random points over an area three times the viewport in each direction, so most fall outside. */
    private static double[][] randomPoints(Viewport v, int n, long seed) {
        Random random = new Random(seed);
        double spanX = v.maxX() - v.minX();
        double spanY = v.maxY() - v.minY();
        double[] xs = new double[n];
        double[] ys = new double[n];
        for (int i = 0; i < n; i++) {
            xs[i] = v.minX() - spanX + 3 * spanX * random.nextDouble();
            ys[i] = v.minY() - spanY + 3 * spanY * random.nextDouble();
        }
        return new double[][] {xs, ys};
    }

    @Test
    void clusteringKeepsCounts() {
        double[][] p = randomPoints(VIEW, 20_000, 7);
        int expectedInside = 0;
        for (int i = 0; i < p[0].length; i++) {
            if (inside(VIEW, p[0][i], p[1][i])) {
                expectedInside++;
            }
        }
        GridClusters clusters = new GridClusters();

        clusters.compute(p[0], p[1], VIEW, CELL);

        assertThat(expectedInside).isBetween(1, p[0].length - 1);
        int sum = 0;
        for (int c = 0; c < clusters.clusterCount(); c++) {
            assertThat(clusters.count(c)).isPositive();
            sum += clusters.count(c);
        }
        assertThat(sum).isEqualTo(expectedInside);
        assertThat(clusters.totalCount()).isEqualTo(expectedInside);
    }

    @Test
    void clusteringKeepsCountsForManySeedsAndCellSizes() {
        GridClusters clusters = new GridClusters();
        double[] cells = {16, 33.3, 64, 100, 250, 999, 2000};
        for (int seed = 0; seed < 20; seed++) {
            double[][] p = randomPoints(VIEW, 3_000, seed);
            long expectedInside = java.util.stream.IntStream.range(0, p[0].length)
                    .filter(i -> inside(VIEW, p[0][i], p[1][i])).count();
            for (double cell : cells) {
                clusters.compute(p[0], p[1], VIEW, cell);

                assertThat(clusters.totalCount()).as("seed %d cell %s", seed, cell).isEqualTo(expectedInside);
            }
        }
    }

    @Test
    void noClustersWhenEveryPointIsOutsideTheViewport() {
        double[] xs = {VIEW.minX() - 1, VIEW.maxX() + 1, VIEW.centreX()};
        double[] ys = {VIEW.centreY(), VIEW.centreY(), VIEW.maxY() + 1};
        GridClusters clusters = new GridClusters();

        clusters.compute(xs, ys, VIEW, CELL);

        assertThat(clusters.clusterCount()).isZero();
        assertThat(clusters.totalCount()).isZero();
    }

    @Test
    void pointsOnTheViewportEdgesAndCornersAreCounted() {
        double[] xs = {VIEW.minX(), VIEW.maxX(), VIEW.minX(), VIEW.maxX(), VIEW.centreX()};
        double[] ys = {VIEW.minY(), VIEW.minY(), VIEW.maxY(), VIEW.maxY(), VIEW.maxY()};
        GridClusters clusters = new GridClusters();

        clusters.compute(xs, ys, VIEW, CELL);

        assertThat(clusters.totalCount()).isEqualTo(5);
        assertThat(clusters.clusterCount()).isEqualTo(5);
    }

    @Test
    void onePointPerCellWhenPointsAreFarApart() {
        // One point in the middle of every other cell: no two share a cell.
        int cols = (int) (VIEW.width() / CELL);
        int rows = (int) (VIEW.height() / CELL);
        int n = 0;
        double[] xs = new double[cols * rows];
        double[] ys = new double[cols * rows];
        for (int r = 0; r < rows; r += 2) {
            for (int c = 0; c < cols; c += 2) {
                xs[n] = VIEW.worldX((c + 0.5) * CELL);
                ys[n] = VIEW.worldY((r + 0.5) * CELL);
                n++;
            }
        }
        double[] px = java.util.Arrays.copyOf(xs, n);
        double[] py = java.util.Arrays.copyOf(ys, n);
        GridClusters clusters = new GridClusters();

        clusters.compute(px, py, VIEW, CELL);

        assertThat(clusters.clusterCount()).isEqualTo(n);
        Set<Integer> members = new HashSet<>();
        for (int c = 0; c < clusters.clusterCount(); c++) {
            assertThat(clusters.count(c)).isEqualTo(1);
            int i = clusters.firstMember(c);
            members.add(i);
            // A lone point's cluster sits exactly on the point.
            assertThat(clusters.screenX(c)).isCloseTo(VIEW.screenX(px[i]), within(1e-6));
            assertThat(clusters.screenY(c)).isCloseTo(VIEW.screenY(py[i]), within(1e-6));
        }
        assertThat(members).hasSize(n);
    }

    @Test
    void pointsInOneCellMakeOneClusterAtTheirMeanPosition() {
        double[] xs = {VIEW.worldX(10), VIEW.worldX(20), VIEW.worldX(60)};
        double[] ys = {VIEW.worldY(5), VIEW.worldY(50), VIEW.worldY(35)};
        GridClusters clusters = new GridClusters();

        clusters.compute(xs, ys, VIEW, CELL);

        assertThat(clusters.clusterCount()).isEqualTo(1);
        assertThat(clusters.count(0)).isEqualTo(3);
        assertThat(clusters.screenX(0)).isCloseTo(30, within(1e-6));
        assertThat(clusters.screenY(0)).isCloseTo(30, within(1e-6));
        assertThat(clusters.firstMember(0)).isZero();
    }

    @Test
    void firstMemberIsAMemberOfItsCluster() {
        double[][] p = randomPoints(VIEW, 5_000, 11);
        GridClusters clusters = new GridClusters();

        clusters.compute(p[0], p[1], VIEW, CELL);

        assertThat(clusters.clusterCount()).isPositive();
        Set<Integer> firsts = new HashSet<>();
        for (int c = 0; c < clusters.clusterCount(); c++) {
            int i = clusters.firstMember(c);
            assertThat(i).isBetween(0, p[0].length - 1);
            assertThat(inside(VIEW, p[0][i], p[1][i])).as("member %d is visible", i).isTrue();
            // Same grid cell as the cluster's mean position (a cell is convex, so the mean stays in it).
            int memberCol = (int) (VIEW.screenX(p[0][i]) / CELL);
            int memberRow = (int) (VIEW.screenY(p[1][i]) / CELL);
            assertThat(memberCol).isEqualTo((int) (clusters.screenX(c) / CELL));
            assertThat(memberRow).isEqualTo((int) (clusters.screenY(c) / CELL));
            assertThat(firsts.add(i)).as("member %d is first of one cluster only", i).isTrue();
        }
    }

    @Test
    void firstMemberIsTheLowestIndexInItsCell() {
        double[] xs = {VIEW.minX() - 10, VIEW.worldX(3), VIEW.worldX(700), VIEW.worldX(5)};
        double[] ys = {VIEW.centreY(), VIEW.worldY(3), VIEW.worldY(600), VIEW.worldY(7)};
        GridClusters clusters = new GridClusters();

        clusters.compute(xs, ys, VIEW, CELL);

        assertThat(clusters.clusterCount()).isEqualTo(2);
        assertThat(clusters.firstMember(0)).isEqualTo(1);
        assertThat(clusters.count(0)).isEqualTo(2);
        assertThat(clusters.firstMember(1)).isEqualTo(2);
        assertThat(clusters.count(1)).isEqualTo(1);
    }

    @Test
    void reusedInstanceForgetsThePreviousFrame() {
        GridClusters clusters = new GridClusters();
        double[][] many = randomPoints(VIEW, 10_000, 3);
        clusters.compute(many[0], many[1], VIEW, 16);
        Viewport small = VIEW.withSize(300, 200);
        double[] xs = {small.centreX(), small.centreX() + 1};
        double[] ys = {small.centreY(), small.centreY() + 1};

        clusters.compute(xs, ys, small, 64);

        assertThat(clusters.clusterCount()).isEqualTo(1);
        assertThat(clusters.count(0)).isEqualTo(2);
        assertThat(clusters.totalCount()).isEqualTo(2);
        assertThat(clusters.firstMember(0)).isZero();
    }

    @Test
    void emptyInputGivesNoClusters() {
        GridClusters clusters = new GridClusters();

        clusters.compute(new double[0], new double[0], VIEW, CELL);

        assertThat(clusters.clusterCount()).isZero();
        assertThat(clusters.totalCount()).isZero();
    }
}
