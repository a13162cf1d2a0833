package org.haechi.app.map;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.haechi.core.asset.Asset;
import org.haechi.core.asset.AssetKind;
import org.haechi.core.asset.AssetStatus;
import org.haechi.core.geo.GeoPoint;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;

/**
 * An asset update replaces the whole record (WIRE.md: an optional field left out is cleared), the wall's list of
 * cameras with a stream included (review, session 11: it kept the old stream).
 */
class ConsoleMapAssetsTest {
    private static final GeoPoint HERE = new GeoPoint(37.5665, 126.978);

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @Test
    void aCameraUpdatedWithoutItsStreamLeavesTheWallsList() throws Exception {
        AtomicReference<List<Asset>> seen = new AtomicReference<>();
        FxToolkit.setupFixture(() -> {
            try (ConsoleMap map = new ConsoleMap(false, Clock.systemUTC())) {
                map.putAssets(List.of(camera("cam-1", "rtsp://127.0.0.1:8554/cam-1"), camera("cam-2",
                        "rtsp://127.0.0.1:8554/cam-2")));
                map.putAssets(List.of(camera("cam-1", null), new Asset(AssetKind.SCHOOL, "cam-2", HERE, "now a school",
                        AssetStatus.ONLINE, null, 0, 0, 0, Map.of())));
                map.putAssets(List.of(camera("cam-3", "rtsp://127.0.0.1:8554/cam-3")));
                seen.set(List.copyOf(map.streamedCameras()));
                assertThat(map.camera("cam-1")).isNull();
                assertThat(map.assetCount()).isEqualTo(3);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        assertThat(seen.get()).extracting(Asset::id).containsExactly("cam-3");
    }

    private static Asset camera(String id, String stream) {
        return new Asset(AssetKind.CAMERA, id, HERE, id, AssetStatus.ONLINE, stream, 90, 60, 80, Map.of());
    }
}
