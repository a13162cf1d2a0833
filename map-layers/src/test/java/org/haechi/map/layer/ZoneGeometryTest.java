package org.haechi.map.layer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.haechi.core.geo.GeoPoint;
import org.haechi.core.warning.Warning;
import org.haechi.core.warning.WarningArea;
import org.junit.jupiter.api.Test;

class ZoneGeometryTest {
    private static final double METRES_PER_DEG_LAT = 6_371_008.8 * Math.PI / 180;
    private static final GeoPoint GANGNAM_STATION = new GeoPoint(37.4979, 127.0276);
    private static final GeoPoint CITY_HALL = new GeoPoint(37.5665, 126.9780);

    /** A closed ring around south-east Seoul (Gangnam, Seocho, Songpa), first point repeated last. */
    private static final List<GeoPoint> SOUTH_EAST = List.of(
            new GeoPoint(37.512, 126.982), new GeoPoint(37.530, 127.060), new GeoPoint(37.520, 127.140),
            new GeoPoint(37.470, 127.140), new GeoPoint(37.440, 127.050), new GeoPoint(37.460, 126.990),
            new GeoPoint(37.512, 126.982));

    /** An L-shaped (concave) closed ring: the notch at the upper right is outside. */
    private static final List<GeoPoint> L_SHAPE = List.of(
            new GeoPoint(37.0, 127.0), new GeoPoint(37.0, 127.2), new GeoPoint(37.1, 127.2),
            new GeoPoint(37.1, 127.1), new GeoPoint(37.2, 127.1), new GeoPoint(37.2, 127.0),
            new GeoPoint(37.0, 127.0));

    private static WarningArea polygonArea(List<GeoPoint> ring) {
        return new WarningArea("polygon", List.of(ring), List.of(), List.of());
    }

    private static WarningArea circleArea(GeoPoint centre, double radiusKm) {
        return new WarningArea("circle", List.of(), List.of(new WarningArea.Circle(centre, radiusKm)), List.of());
    }

    private static Warning warning(WarningArea... areas) {
        return new Warning("TEST-1", "test@haechi", Instant.parse("2026-07-15T05:00:00Z"), "Alert", List.of(),
                "호우경보", "Severe", "Immediate", "Likely", "h", "i", null, null, List.of(areas), List.of());
    }

    private static GeoPoint north(GeoPoint from, double metres) {
        return new GeoPoint(from.lat() + metres / METRES_PER_DEG_LAT, from.lon());
    }

    @Test
    void polygonAreaContainsPointsInsideTheRing() {
        Warning w = warning(polygonArea(SOUTH_EAST));

        assertThat(ZoneGeometry.contains(w, GANGNAM_STATION)).isTrue();
        assertThat(ZoneGeometry.contains(w, new GeoPoint(37.5133, 127.1001))).as("Jamsil").isTrue();
    }

    @Test
    void polygonAreaDoesNotContainPointsOutsideTheRing() {
        Warning w = warning(polygonArea(SOUTH_EAST));

        assertThat(ZoneGeometry.contains(w, CITY_HALL)).isFalse();
        assertThat(ZoneGeometry.contains(w, new GeoPoint(37.5, 126.9))).isFalse();
    }

    @Test
    void polygonTestUsesLongitudeAsXAndLatitudeAsY() {
        // Swapping axes would move the L into the sea; check the concave notch in particular.
        WarningArea area = polygonArea(L_SHAPE);

        assertThat(ZoneGeometry.contains(area, new GeoPoint(37.05, 127.15))).as("lower right arm").isTrue();
        assertThat(ZoneGeometry.contains(area, new GeoPoint(37.15, 127.05))).as("upper left arm").isTrue();
        assertThat(ZoneGeometry.contains(area, new GeoPoint(37.15, 127.15))).as("notch").isFalse();
        assertThat(ZoneGeometry.contains(area, new GeoPoint(37.25, 127.05))).as("above the L").isFalse();
    }

    /**
     * A bow-tie ring, as untidy CAP text can send and the codec keeps: each lobe is inside, the rest outside, and a
     * click on it no longer throws (review, session 11: Geometry.contains built a topology and failed on it).
     */
    @Test
    void aRingThatCrossesItselfIsAnsweredLobeByLobe() {
        WarningArea bowTie = polygonArea(List.of(new GeoPoint(37.0, 127.0), new GeoPoint(37.2, 127.2),
                new GeoPoint(37.0, 127.2), new GeoPoint(37.2, 127.0), new GeoPoint(37.0, 127.0)));

        assertThat(ZoneGeometry.contains(bowTie, new GeoPoint(37.1, 127.02))).as("left lobe").isTrue();
        assertThat(ZoneGeometry.contains(bowTie, new GeoPoint(37.1, 127.18))).as("right lobe").isTrue();
        assertThat(ZoneGeometry.contains(bowTie, new GeoPoint(37.18, 127.1))).as("above the crossing").isFalse();
        assertThat(ZoneGeometry.contains(bowTie, new GeoPoint(37.3, 127.1))).isFalse();
    }

    @Test
    void circleAreaContainsPointsWithinItsRadius() {
        Warning w = warning(circleArea(GANGNAM_STATION, 2.0));

        assertThat(ZoneGeometry.contains(w, GANGNAM_STATION)).isTrue();
        assertThat(ZoneGeometry.contains(w, north(GANGNAM_STATION, 1_900))).isTrue();
        assertThat(ZoneGeometry.contains(w, north(GANGNAM_STATION, 1_999))).isTrue();
    }

    @Test
    void circleAreaDoesNotContainPointsBeyondItsRadius() {
        Warning w = warning(circleArea(GANGNAM_STATION, 2.0));

        assertThat(ZoneGeometry.contains(w, north(GANGNAM_STATION, 2_001))).isFalse();
        assertThat(ZoneGeometry.contains(w, CITY_HALL)).as("8.8 km away").isFalse();
    }

    @Test
    void circleRadiusIsInKilometres() {
        // City Hall is about 8.8 km from Gangnam station.
        assertThat(ZoneGeometry.contains(circleArea(GANGNAM_STATION, 9), CITY_HALL)).isTrue();
        assertThat(ZoneGeometry.contains(circleArea(GANGNAM_STATION, 8.7), CITY_HALL)).isFalse();
    }

    @Test
    void warningContainsAPointWhenAnyOfItsAreasDoes() {
        Warning w = warning(polygonArea(SOUTH_EAST), circleArea(CITY_HALL, 0.5));

        assertThat(ZoneGeometry.contains(w, GANGNAM_STATION)).isTrue();
        assertThat(ZoneGeometry.contains(w, north(CITY_HALL, 400))).isTrue();
        assertThat(ZoneGeometry.contains(w, north(CITY_HALL, 600))).isFalse();
    }

    @Test
    void areaWithPolygonAndCircleContainsTheUnion() {
        WarningArea area = new WarningArea("both", List.of(SOUTH_EAST),
                List.of(new WarningArea.Circle(CITY_HALL, 1.0)), List.of());

        assertThat(ZoneGeometry.contains(area, GANGNAM_STATION)).isTrue();
        assertThat(ZoneGeometry.contains(area, CITY_HALL)).isTrue();
        assertThat(ZoneGeometry.contains(area, new GeoPoint(37.6, 126.9))).isFalse();
    }

    @Test
    void areaWithoutGeometryOrWarningWithoutAreasContainsNothing() {
        WarningArea geocodeOnly = new WarningArea("서울특별시", List.of(), List.of(), List.of("KMA_ZONE=11B10101"));

        assertThat(ZoneGeometry.contains(geocodeOnly, CITY_HALL)).isFalse();
        assertThat(ZoneGeometry.contains(warning(geocodeOnly), CITY_HALL)).isFalse();
        assertThat(ZoneGeometry.contains(warning(), CITY_HALL)).isFalse();
    }
}
