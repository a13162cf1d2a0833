package org.haechi.map.view;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class WebMercatorTest {

    @Test
    void seoulCityHallProjectsToItsEpsg3857ReferenceToTheMillimetre() {
        // 37.5665 N 126.9780 E in EPSG:3857 (spherical Mercator, R = 6,378,137 m).
        assertThat(WebMercator.x(126.9780)).isCloseTo(14_135_126.302, within(0.001));
        assertThat(WebMercator.y(37.5665)).isCloseTo(4_518_366.510, within(0.001));
    }

    @Test
    void originAndAntimeridianProjectAsExpected() {
        assertThat(WebMercator.x(0)).isZero();
        assertThat(WebMercator.y(0)).isCloseTo(0, within(1e-9));
        assertThat(WebMercator.x(180)).isCloseTo(Math.PI * WebMercator.RADIUS, within(1e-6));
        assertThat(WebMercator.x(-180)).isCloseTo(-Math.PI * WebMercator.RADIUS, within(1e-6));
    }

    @Test
    void inverseOfCityHallGivesBackTheDegrees() {
        assertThat(WebMercator.lon(14_135_126.302)).isCloseTo(126.9780, within(1e-8));
        assertThat(WebMercator.lat(4_518_366.510)).isCloseTo(37.5665, within(1e-8));
    }

    @Test
    void forwardThenInverseRoundTripsAnywhereInsideTheMercatorLatitudeRange() {
        Random random = new Random(42);
        for (int i = 0; i < 10_000; i++) {
            double lon = -180 + 360 * random.nextDouble();
            double lat = -85 + 170 * random.nextDouble();

            assertThat(WebMercator.lon(WebMercator.x(lon))).as("lon %s", lon).isCloseTo(lon, within(1e-9));
            assertThat(WebMercator.lat(WebMercator.y(lat))).as("lat %s", lat).isCloseTo(lat, within(1e-9));
        }
    }

    @Test
    void polesAreClampedToTheSquareWorldInsteadOfGoingInfinite() {
        double top = WebMercator.y(90);
        double bottom = WebMercator.y(-90);

        assertThat(top).isFinite().isCloseTo(Math.PI * WebMercator.RADIUS, within(1.0));
        assertThat(bottom).isFinite().isCloseTo(-Math.PI * WebMercator.RADIUS, within(1.0));
        assertThat(WebMercator.y(89)).isEqualTo(top);
    }

    @Test
    void scaleFactorIsOneAtTheEquatorAndSecantOfLatitudeElsewhere() {
        assertThat(WebMercator.scale(0)).isCloseTo(1, within(1e-12));
        assertThat(WebMercator.scale(60)).isCloseTo(2, within(1e-9));
        assertThat(WebMercator.scale(37.5665)).isCloseTo(1 / Math.cos(Math.toRadians(37.5665)), within(1e-12));
    }
}
