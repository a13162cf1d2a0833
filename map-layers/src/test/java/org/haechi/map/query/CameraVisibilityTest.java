package org.haechi.map.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.haechi.core.asset.Asset;
import org.haechi.core.asset.AssetKind;
import org.haechi.core.asset.AssetStatus;
import org.haechi.core.geo.GeoPoint;
import org.haechi.map.layer.PointIndex;
import org.junit.jupiter.api.Test;

class CameraVisibilityTest {
    static final GeoPoint TARGET = new GeoPoint(37.4979, 127.0276);
    /** About 50 m of latitude. */
    static final double FIFTY_M_LAT = 50 / 111_320.0;

    static Asset camera(String id, GeoPoint at, double heading, double fov, double range) {
        return new Asset(AssetKind.CAMERA, id, at, id, AssetStatus.ONLINE, null, heading, fov, range, Map.of());
    }

    static GeoPoint south50() {
        return new GeoPoint(TARGET.lat() - FIFTY_M_LAT, TARGET.lon());
    }

    @Test
    void cameraFacingThePointWithinRangeSeesIt() {
        assertThat(CameraVisibility.sees(camera("c", south50(), 0, 60, 80), TARGET, 50)).isTrue();
    }

    @Test
    void cameraFacingAwayDoesNotSeeIt() {
        assertThat(CameraVisibility.sees(camera("c", south50(), 180, 60, 80), TARGET, 50)).isFalse();
    }

    @Test
    void pointJustOutsideTheConeIsNotSeen() {
        assertThat(CameraVisibility.sees(camera("c", south50(), 40, 60, 80), TARGET, 50)).isFalse();
        assertThat(CameraVisibility.sees(camera("c", south50(), 25, 60, 80), TARGET, 50)).isTrue();
    }

    @Test
    void headingAcrossNorthWrapsAround() {
        assertThat(CameraVisibility.sees(camera("c", south50(), 350, 40, 80), TARGET, 50)).isTrue();
    }

    @Test
    void outOfRangeIsNotSeenEvenInTheCone() {
        assertThat(CameraVisibility.sees(camera("c", south50(), 0, 60, 40), TARGET, 50)).isFalse();
    }

    @Test
    void allAroundAndUnknownFieldOfViewSeeWithinRange() {
        assertThat(CameraVisibility.sees(camera("ptz", south50(), 0, 360, 60), TARGET, 50)).isTrue();
        assertThat(CameraVisibility.sees(camera("unknown", south50(), Double.NaN, Double.NaN, Double.NaN), TARGET,
                50)).isTrue();
        assertThat(CameraVisibility.sees(camera("unknown", south50(), Double.NaN, Double.NaN, Double.NaN), TARGET,
                150)).isFalse();
    }

    @Test
    void camerasAreRankedByDistance() {
        GeoPoint near = new GeoPoint(TARGET.lat() - FIFTY_M_LAT / 2, TARGET.lon());
        PointIndex index = new PointIndex(List.of(camera("far", south50(), 0, 60, 80),
                camera("near", near, 0, 60, 80), camera("away", near, 180, 60, 80)));
        assertThat(CameraVisibility.camerasSeeing(TARGET, index)).extracting(s -> s.camera().id())
                .containsExactly("near", "far");
    }

    /** A camera that sees far (a PTZ on a tower, 1.5 km) is found 1 km away (review, session 11: only 500 m were searched). */
    @Test
    void aLongRangeCameraIsFoundBeyondFiveHundredMetres() {
        GeoPoint kmSouth = new GeoPoint(TARGET.lat() - 20 * FIFTY_M_LAT, TARGET.lon());
        PointIndex index = new PointIndex(List.of(camera("tower", kmSouth, 0, 30, 1500),
                camera("short", kmSouth, 0, 30, 80)));
        assertThat(index.longestRangeM()).isEqualTo(1500);
        assertThat(CameraVisibility.camerasSeeing(TARGET, index)).extracting(s -> s.camera().id())
                .containsExactly("tower");
    }
}
