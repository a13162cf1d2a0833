package org.haechi.map.tool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.haechi.core.geo.GeoPoint;
import org.junit.jupiter.api.Test;

class MeasureTest {
    @Test
    void pathLengthAddsTheLegs() {
        GeoPoint a = new GeoPoint(37.5, 127.0);
        GeoPoint b = new GeoPoint(37.51, 127.0);
        GeoPoint c = new GeoPoint(37.51, 127.01);
        assertThat(Measure.lengthMetres(List.of(a, b, c))).isCloseTo(a.distanceMetres(b) + b.distanceMetres(c),
                within(1e-6));
    }

    @Test
    void areaOfAOneKilometreSquareInSeoul() {
        double dLat = 1000 / 111_195.0;
        double dLon = dLat / Math.cos(Math.toRadians(37.5));
        List<GeoPoint> square = List.of(new GeoPoint(37.5, 127.0), new GeoPoint(37.5, 127.0 + dLon),
                new GeoPoint(37.5 + dLat, 127.0 + dLon), new GeoPoint(37.5 + dLat, 127.0));
        assertThat(Measure.areaSquareMetres(square)).isCloseTo(1_000_000, within(5_000.0));
        assertThat(Measure.formatArea(2_500_000)).isEqualTo("2.50 km²");
    }

    @Test
    void formatsForTheOperator() {
        assertThat(Measure.formatLength(850)).isEqualTo("850 m");
        assertThat(Measure.formatLength(2345)).isEqualTo("2.35 km");
        assertThat(Measure.formatArea(5300)).isEqualTo("5,300 m²");
    }
}
