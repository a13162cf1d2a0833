package org.haechi.map.crs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.haechi.core.geo.GeoPoint;
import org.junit.jupiter.api.Test;

/** Reference coordinates of Seoul City Hall (37.5665 N, 126.9780 E) from the EPSG database (FACTS.md). */
class CoordinateSystemsTest {
    static final GeoPoint CITY_HALL = new GeoPoint(37.5665, 126.9780);

    @Test
    void centralBelt2010MatchesTheEpsgDatabaseToTheMillimetre() throws Exception {
        double[] en = CoordinateSystems.fromWgs84("EPSG:5186", CITY_HALL);
        assertThat(en[0]).isCloseTo(198056.367, within(0.001));
        assertThat(en[1]).isCloseTo(551885.031, within(0.001));
    }

    @Test
    void unifiedCsMatchesTheEpsgDatabaseToTheMillimetre() throws Exception {
        double[] en = CoordinateSystems.fromWgs84("EPSG:5179", CITY_HALL);
        assertThat(en[0]).isCloseTo(953901.165, within(0.001));
        assertThat(en[1]).isCloseTo(1952032.081, within(0.001));
    }

    @Test
    void webMercatorMatchesTheReference() throws Exception {
        double[] xy = CoordinateSystems.fromWgs84("EPSG:3857", CITY_HALL);
        assertThat(xy[0]).isCloseTo(14135126.302, within(0.001));
        assertThat(xy[1]).isCloseTo(4518366.510, within(0.001));
    }

    @Test
    void everyKoreanSystemRoundTrips() throws Exception {
        for (String code : new String[] {"EPSG:5186", "EPSG:5179", "EPSG:5174", "5186", "EPSG:4326"}) {
            double[] en = CoordinateSystems.fromWgs84(code, CITY_HALL);
            GeoPoint back = CoordinateSystems.toWgs84(code, en[0], en[1]);
            assertThat(back.lat()).as(code).isCloseTo(CITY_HALL.lat(), within(1e-7));
            assertThat(back.lon()).as(code).isCloseTo(CITY_HALL.lon(), within(1e-7));
        }
    }

    @Test
    void korean1985ModifiedCentralBeltPutsCityHallInSeoul() throws Exception {
        double[] en = CoordinateSystems.fromWgs84("EPSG:5174", CITY_HALL);
        // Bessel datum, false northing 500 km: City Hall lies about 200 km east, 452 km north.
        assertThat(en[0]).isBetween(197_000.0, 199_000.0);
        assertThat(en[1]).isBetween(451_000.0, 453_000.0);
    }
}
