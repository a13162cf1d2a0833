package org.haechi.core.geo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class GeoPointTest {
    private static final GeoPoint CITY_HALL = new GeoPoint(37.5665, 126.9780);
    private static final GeoPoint GANGNAM_STATION = new GeoPoint(37.4979, 127.0276);

    @ParameterizedTest(name = "({0}, {1}) is rejected")
    @CsvSource({
            "NaN, 126.978",
            "37.5665, NaN",
            "NaN, NaN",
            "Infinity, 126.978",
            "37.5665, -Infinity",
            "90.000001, 0",
            "-90.000001, 0",
            "0, 180.000001",
            "0, -180.000001",
            "126.978, 37.5665"
    })
    void constructorRejectsNonFiniteOrOutOfRangeCoordinates(double lat, double lon) {
        assertThat(GeoPoint.isValid(lat, lon)).isFalse();
        assertThatIllegalArgumentException().isThrownBy(() -> new GeoPoint(lat, lon))
                .withMessageContaining("outside WGS84 range");
    }

    @ParameterizedTest(name = "({0}, {1}) is accepted")
    @CsvSource({"90, 180", "-90, -180", "0, 0", "37.5665, 126.978", "-33.8688, 151.2093"})
    void constructorAcceptsRangeIncludingItsBounds(double lat, double lon) {
        assertThat(GeoPoint.isValid(lat, lon)).isTrue();
        GeoPoint p = new GeoPoint(lat, lon);
        assertThat(p.lat()).isEqualTo(lat);
        assertThat(p.lon()).isEqualTo(lon);
    }

    @Test
    void cityHallToGangnamStationIsAbout8point8Kilometres() {
        // WGS84 ellipsoidal geodesic (Vincenty) between these two points: 8,785.7 m. The haversine on the mean
        // sphere must agree within 1 %.
        double metres = CITY_HALL.distanceMetres(GANGNAM_STATION);

        assertThat(metres).isCloseTo(8_785.7, withinPercentage(1));
        assertThat(metres / 1000).isCloseTo(8.8, within(0.1));
    }

    @Test
    void distanceIsSymmetricAndZeroToItself() {
        assertThat(GANGNAM_STATION.distanceMetres(CITY_HALL))
                .isCloseTo(CITY_HALL.distanceMetres(GANGNAM_STATION), within(1e-6));
        assertThat(CITY_HALL.distanceMetres(new GeoPoint(37.5665, 126.9780))).isZero();
    }

    @Test
    void oneDegreeOfLatitudeIsTheMeanEarthArc() {
        double expected = 6_371_008.8 * Math.PI / 180;

        assertThat(new GeoPoint(37, 127).distanceMetres(new GeoPoint(38, 127))).isCloseTo(expected, within(1e-3));
    }

    @Test
    void antipodesAreHalfTheCircumferenceApart() {
        assertThat(new GeoPoint(0, 0).distanceMetres(new GeoPoint(0, 180)))
                .isCloseTo(Math.PI * 6_371_008.8, within(1e-3));
    }

    @Test
    void bearingDueNorthIsZero() {
        assertThat(CITY_HALL.bearingDegrees(new GeoPoint(37.6, 126.9780))).isCloseTo(0, within(1e-9));
    }

    @Test
    void bearingDueEastIsNinety() {
        assertThat(new GeoPoint(0, 126.978).bearingDegrees(new GeoPoint(0, 127.0))).isCloseTo(90, within(1e-9));
        // Off the equator the great circle towards a point on the same parallel starts slightly north of east.
        assertThat(CITY_HALL.bearingDegrees(new GeoPoint(37.5665, 126.9880))).isCloseTo(90, within(0.01));
    }

    @Test
    void bearingDueSouthAndWestAreOneEightyAndTwoSeventy() {
        assertThat(CITY_HALL.bearingDegrees(new GeoPoint(37.5, 126.9780))).isCloseTo(180, within(1e-9));
        assertThat(new GeoPoint(0, 127).bearingDegrees(new GeoPoint(0, 126.9))).isCloseTo(270, within(1e-9));
    }

    @Test
    void bearingFromCityHallToGangnamIsSouthEastAndAlwaysInZeroTo360() {
        double bearing = CITY_HALL.bearingDegrees(GANGNAM_STATION);

        assertThat(bearing).isBetween(90.0, 180.0);
        assertThat(GANGNAM_STATION.bearingDegrees(CITY_HALL)).isBetween(270.0, 360.0);
        assertThat(new GeoPoint(0, 0).bearingDegrees(new GeoPoint(0.0001, -0.0000001)))
                .isGreaterThanOrEqualTo(0).isLessThan(360);
    }
}
