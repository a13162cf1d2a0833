package org.haechi.app.camera;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.haechi.core.asset.Asset;
import org.haechi.core.asset.AssetKind;
import org.haechi.core.asset.AssetStatus;
import org.haechi.core.geo.GeoPoint;
import org.haechi.video.CameraSource;
import org.junit.jupiter.api.Test;

/** A wall started while the camera registry is still arriving is completed as the cameras come in. */
class StartupWallFillTest {
    private static final GeoPoint CENTRE = new GeoPoint(37.4979, 127.0276);

    @Test
    void emptyTilesAreFilledAsStreamedCamerasArriveAndThenItStops() {
        StartupWallFill fill = new StartupWallFill(CENTRE);
        List<CameraSource> wall = Arrays.asList(new CameraSource[4]);
        List<Asset> known = new ArrayList<>(List.of(camera("far", 0.010), camera("near", 0.001)));

        apply(wall, fill.next(wall, known, false));
        assertThat(ids(wall)).containsExactly("near", "far", null, null);

        known.add(camera("nearest", 0.0001));
        known.add(camera("fourth", 0.020));
        known.add(camera("fifth", 0.030));
        apply(wall, fill.next(wall, known, false));
        assertThat(ids(wall)).as("playing tiles keep their camera; the empty ones get the nearest of the rest")
                .containsExactly("near", "far", "nearest", "fourth");
        assertThat(fill.isDone()).isTrue();
        assertThat(fill.next(Arrays.asList(new CameraSource[4]), known, false)).isEmpty();
    }

    @Test
    void aCameraTheOperatorPutOnTheWallStopsTheFill() {
        StartupWallFill fill = new StartupWallFill(CENTRE);
        List<CameraSource> wall = Arrays.asList(new CameraSource[4]);
        List<Asset> known = new ArrayList<>(List.of(camera("a", 0.001)));
        apply(wall, fill.next(wall, known, false));
        wall.set(3, CameraChooser.source(camera("dragged", 0.5)));
        known.add(camera("b", 0.002));

        assertThat(fill.next(wall, known, false)).isEmpty();
        assertThat(fill.isDone()).isTrue();
    }

    @Test
    void aSelectedAlarmStopsTheFillAndCamerasWithoutStreamAreNotUsed() {
        StartupWallFill fill = new StartupWallFill(CENTRE);
        List<CameraSource> wall = Arrays.asList(new CameraSource[4]);
        List<Asset> known = List.of(new Asset(AssetKind.CAMERA, "no-stream", CENTRE, "x", AssetStatus.ONLINE, null,
                0, 60, 50, Map.of()));
        assertThat(fill.next(wall, known, false)).isEmpty();
        assertThat(fill.isDone()).isFalse();

        assertThat(fill.next(wall, List.of(camera("a", 0.001)), true)).isEmpty();
        assertThat(fill.isDone()).isTrue();
    }

    private static Asset camera(String id, double offsetDeg) {
        return new Asset(AssetKind.CAMERA, id, new GeoPoint(CENTRE.lat() + offsetDeg, CENTRE.lon()), id,
                AssetStatus.ONLINE, "rtsp://127.0.0.1:8554/" + id, 0, 60, 50, Map.of());
    }

    private static void apply(List<CameraSource> wall, Map<Integer, CameraSource> placed) {
        placed.forEach(wall::set);
    }

    private static List<String> ids(List<CameraSource> wall) {
        return wall.stream().map(c -> c == null ? null : c.cameraId()).toList();
    }
}
