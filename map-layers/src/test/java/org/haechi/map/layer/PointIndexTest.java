package org.haechi.map.layer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.haechi.core.asset.Asset;
import org.haechi.core.asset.AssetKind;
import org.haechi.core.asset.AssetStatus;
import org.haechi.core.geo.GeoPoint;
import org.haechi.map.view.WebMercator;
import org.junit.jupiter.api.Test;

class PointIndexTest {
    private static final GeoPoint CITY_HALL = new GeoPoint(37.5665, 126.9780);
    private static final GeoPoint GANGNAM_STATION = new GeoPoint(37.4979, 127.0276);
    private static final GeoPoint SEOUL_STATION = new GeoPoint(37.5547, 126.9707);
    private static final GeoPoint JAMSIL = new GeoPoint(37.5133, 127.1001);

    private static Asset camera(String id, GeoPoint at) {
        return new Asset(AssetKind.CAMERA, id, at, id, AssetStatus.ONLINE, null, Double.NaN, Double.NaN, Double.NaN,
                Map.of());
    }

    private static PointIndex fourPlaces() {
        return new PointIndex(List.of(camera("city-hall", CITY_HALL), camera("gangnam", GANGNAM_STATION),
                camera("seoul-station", SEOUL_STATION), camera("jamsil", JAMSIL)));
    }

    private static double mx(GeoPoint p) {
        return WebMercator.x(p.lon());
    }

    private static double my(GeoPoint p) {
        return WebMercator.y(p.lat());
    }

    @Test
    void keepsAssetsInOrderWithTheirWebMercatorPositions() {
        PointIndex index = fourPlaces();

        assertThat(index.size()).isEqualTo(4);
        assertThat(index.asset(1).id()).isEqualTo("gangnam");
        assertThat(index.x(0)).isCloseTo(14_135_126.302, within(0.001));
        assertThat(index.y(0)).isCloseTo(4_518_366.510, within(0.001));
        assertThat(index.x(3)).isEqualTo(mx(JAMSIL));
        assertThat(index.y(3)).isEqualTo(my(JAMSIL));
    }

    @Test
    void queryByEnvelopeReturnsExactlyThePointsInside() {
        PointIndex index = fourPlaces();

        // An envelope around City Hall and Seoul Station (north-west Seoul) only.
        List<Integer> northWest = index.query(mx(SEOUL_STATION) - 100, my(SEOUL_STATION) - 100,
                mx(CITY_HALL) + 100, my(CITY_HALL) + 100);
        // Everything from Seoul Station to Jamsil.
        List<Integer> all = index.query(mx(SEOUL_STATION) - 1, my(GANGNAM_STATION) - 1, mx(JAMSIL) + 1,
                my(CITY_HALL) + 1);
        List<Integer> none = index.query(0, 0, 1000, 1000);

        assertThat(northWest).containsExactlyInAnyOrder(0, 2);
        assertThat(all).containsExactlyInAnyOrder(0, 1, 2, 3);
        assertThat(none).isEmpty();
    }

    @Test
    void queryIncludesPointsOnTheEnvelopeBoundary() {
        PointIndex index = fourPlaces();

        assertThat(index.query(mx(JAMSIL), my(JAMSIL), mx(JAMSIL), my(JAMSIL))).containsExactly(3);
    }

    @Test
    void queryAgreesWithABruteForceScan() {
        Random random = new Random(5);
        List<Asset> assets = new ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            assets.add(camera("c" + i, new GeoPoint(37.42 + 0.28 * random.nextDouble(),
                    126.76 + 0.43 * random.nextDouble())));
        }
        PointIndex index = new PointIndex(assets);
        for (int q = 0; q < 50; q++) {
            double x0 = WebMercator.x(126.76 + 0.43 * random.nextDouble());
            double y0 = WebMercator.y(37.42 + 0.28 * random.nextDouble());
            double x1 = x0 + 5_000 * random.nextDouble();
            double y1 = y0 + 5_000 * random.nextDouble();
            List<Integer> expected = new ArrayList<>();
            for (int i = 0; i < assets.size(); i++) {
                if (index.x(i) >= x0 && index.x(i) <= x1 && index.y(i) >= y0 && index.y(i) <= y1) {
                    expected.add(i);
                }
            }

            assertThat(index.query(x0, y0, x1, y1)).containsExactlyInAnyOrderElementsOf(expected);
        }
    }

    @Test
    void nearestWithinRadiusHitsTheClosestPoint() {
        PointIndex index = fourPlaces();

        // A click 30 m east of City Hall, with Seoul Station 1.4 km away.
        assertThat(index.nearest(mx(CITY_HALL) + 30, my(CITY_HALL), 50)).isEqualTo(0);
        assertThat(index.nearest(mx(CITY_HALL) + 30, my(CITY_HALL), 5_000)).isEqualTo(0);
        assertThat(index.nearest(mx(GANGNAM_STATION), my(GANGNAM_STATION), 1)).isEqualTo(1);
    }

    @Test
    void nearestPicksTheCloserOfTwoCandidatesInsideTheRadius() {
        PointIndex index = fourPlaces();
        double x = mx(CITY_HALL) + (mx(SEOUL_STATION) - mx(CITY_HALL)) * 0.6;
        double y = my(CITY_HALL) + (my(SEOUL_STATION) - my(CITY_HALL)) * 0.6;

        assertThat(index.nearest(x, y, 10_000)).isEqualTo(2);
    }

    @Test
    void nearestReturnsMinusOneWhenNothingIsWithinTheRadius() {
        PointIndex index = fourPlaces();

        assertThat(index.nearest(mx(CITY_HALL) + 60, my(CITY_HALL), 50)).isEqualTo(-1);
        // Inside the square query box but outside the circle: 40 m east and 40 m north is 56.6 m away.
        assertThat(index.nearest(mx(CITY_HALL) + 40, my(CITY_HALL) + 40, 50)).isEqualTo(-1);
        assertThat(index.nearest(0, 0, 1_000)).isEqualTo(-1);
    }

    @Test
    void nearestAgreesWithABruteForceScan() {
        Random random = new Random(9);
        List<Asset> assets = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            assets.add(camera("c" + i, new GeoPoint(37.45 + 0.1 * random.nextDouble(),
                    126.95 + 0.1 * random.nextDouble())));
        }
        PointIndex index = new PointIndex(assets);
        for (int q = 0; q < 200; q++) {
            double x = WebMercator.x(126.95 + 0.1 * random.nextDouble());
            double y = WebMercator.y(37.45 + 0.1 * random.nextDouble());
            double radius = 20 + 300 * random.nextDouble();
            int expected = -1;
            double best = Double.MAX_VALUE;
            for (int i = 0; i < assets.size(); i++) {
                double d = Math.hypot(index.x(i) - x, index.y(i) - y);
                if (d <= radius && d < best) {
                    best = d;
                    expected = i;
                }
            }

            int hit = index.nearest(x, y, radius);
            if (expected < 0) {
                assertThat(hit).isEqualTo(-1);
            } else {
                assertThat(hit).isNotNegative();
                assertThat(Math.hypot(index.x(hit) - x, index.y(hit) - y)).isCloseTo(best, within(1e-9));
            }
        }
    }

    @Test
    void emptyIndexFindsNothing() {
        PointIndex index = new PointIndex(List.of());

        assertThat(index.size()).isZero();
        assertThat(index.query(-1e9, -1e9, 1e9, 1e9)).isEmpty();
        assertThat(index.nearest(0, 0, 1e9)).isEqualTo(-1);
    }
}
