package org.haechi.map.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.haechi.core.asset.Asset;
import org.haechi.core.asset.AssetKind;
import org.haechi.core.asset.AssetStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.LineString;

class GeoJsonReaderTest {
    private final Importer importer = new Importer();

    @Test
    void pointsBecomeAccessPointsWithKoreanPropertiesAndBadFeaturesAreSkippedWithReasons() throws Exception {
        ImportResult r = importer.read(Golden.file("wifi-sample.geojson"), ImportKind.ACCESS_POINT, null, null);

        assertThat(r.format()).isEqualTo("GeoJSON");
        assertThat(r.crs()).startsWith("WGS84");
        assertThat(r.assets()).hasSize(3);
        assertThat(r.features()).isEmpty();
        assertThat(Golden.reasons(r)).containsExactly(
                java.util.Map.entry(3L, "latitude 137.5 outside -90..90"),
                java.util.Map.entry(4L, "no coordinates"),
                java.util.Map.entry(5L, "not a point geometry for kind ACCESS_POINT: LineString"));

        Asset cityHall = Golden.byId(r.assets(), "access-point-wifi-sample-1");
        assertThat(cityHall.kind()).isEqualTo(AssetKind.ACCESS_POINT);
        assertThat(cityHall.status()).isEqualTo(AssetStatus.ONLINE);
        assertThat(cityHall.name()).isEqualTo("서울시청 시민청");
        assertThat(cityHall.location().lat()).isCloseTo(37.5665, within(1e-9));
        assertThat(cityHall.location().lon()).isCloseTo(126.9780, within(1e-9));
        assertThat(cityHall.attributes()).containsEntry("와이파이SSID", "Public WiFi Free")
                .containsEntry("설치층", "1").containsEntry("source", "wifi-sample.geojson").doesNotContainKey("비고");
        assertThat(Double.isNaN(cityHall.headingDeg())).isTrue();

        Asset square = Golden.byId(r.assets(), "access-point-wifi-sample-2");
        assertThat(square.name()).isEqualTo("광화문광장");
        assertThat(square.attributes().get("장비")).contains("\"제조사\":\"한빛\"");

        Asset gate = Golden.byId(r.assets(), "AP-6");
        assertThat(gate.name()).isEqualTo("덕수궁 대한문");
    }

    @Test
    void aLayerKeepsEveryGeometryType() throws Exception {
        ImportResult r = importer.read(Golden.file("wifi-sample.geojson"), ImportKind.LAYER, null, null);

        assertThat(r.features()).extracting(ImportedFeature::id)
                .containsExactly("wifi-sample-1", "wifi-sample-2", "wifi-sample-5", "AP-6");
        assertThat(r.features().get(2).wgs84()).isInstanceOf(LineString.class);
        assertThat(r.features().get(2).properties()).containsEntry("설치장소명", "청계천 산책로");
        assertThat(r.skipped()).hasSize(2);
    }

    @Test
    void aSingleFeatureWithMembersInAnyOrderIsRead(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("one.json");
        Files.writeString(file, "{\"properties\": {\"name\": \"종각\"}, \"geometry\": {\"type\": \"Point\","
                + " \"coordinates\": [126.983, 37.570]}, \"type\": \"Feature\"}");

        ImportResult r = importer.read(file, ImportKind.CAMERA, null, null);

        assertThat(r.assets()).singleElement().satisfies(a -> assertThat(a.name()).isEqualTo("종각"));
    }

    @Test
    void progressIsReportedAndEndsAtTheTotal() throws Exception {
        List<long[]> calls = new ArrayList<>();
        Path file = Golden.file("wifi-sample.geojson");

        importer.read(file, ImportKind.LAYER, null, (done, total) -> calls.add(new long[] {done, total}));

        assertThat(calls).isNotEmpty();
        assertThat(calls.get(calls.size() - 1)).containsExactly(Files.size(file), Files.size(file));
    }

    @Test
    void malformedJsonIsRefusedWhole() {
        assertThatThrownBy(() -> importer.read(Golden.file("broken-malformed.geojson"), ImportKind.ACCESS_POINT,
                null, null))
                .isInstanceOf(ImportException.class)
                .hasMessageContaining("malformed or truncated JSON at line");
    }

    @Test
    void jsonThatIsNotGeoJsonIsRefused(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("other.json");
        Files.writeString(file, "{\"type\": \"Topology\", \"objects\": {}}");

        assertThatThrownBy(() -> importer.read(file, ImportKind.LAYER, null, null))
                .isInstanceOf(ImportException.class)
                .hasMessage("not a GeoJSON FeatureCollection or Feature (type: Topology)");
    }
}
