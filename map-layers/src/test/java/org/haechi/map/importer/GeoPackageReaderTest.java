package org.haechi.map.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.haechi.core.asset.Asset;
import org.haechi.core.asset.AssetKind;
import org.junit.jupiter.api.Test;

class GeoPackageReaderTest {
    private final Importer importer = new Importer();

    @Test
    void schoolsInCentralBelt2010AreReadFromGeoPackageBinary() throws Exception {
        ImportResult r = importer.read(Golden.file("schools-5186.gpkg"), ImportKind.SCHOOL, null, null);

        assertThat(r.format()).isEqualTo("GeoPackage");
        assertThat(r.crs()).isEqualTo("EPSG:5186 (GeoPackage srs_id 5186)");
        assertThat(r.assets()).extracting(Asset::id).containsExactly("B0001", "B0002", "B0005");
        Asset cityHall = r.assets().get(0);
        assertThat(cityHall.kind()).isEqualTo(AssetKind.SCHOOL);
        assertThat(cityHall.name()).isEqualTo("시청초등학교");
        assertThat(cityHall.location().lat()).isCloseTo(37.5665, within(1e-6));
        assertThat(cityHall.location().lon()).isCloseTo(126.9780, within(1e-6));
        assertThat(cityHall.attributes()).containsEntry("설립형태", "공립").containsEntry("학생수", "312")
                .doesNotContainKeys("fid", "geom");
        Asset bigEndian = r.assets().get(2);
        assertThat(bigEndian.location().lat()).isCloseTo(37.5172, within(1e-6));
        assertThat(bigEndian.location().lon()).isCloseTo(127.0473, within(1e-6));
        assertThat(Golden.reasons(r)).containsExactly(
                Map.entry(3L, "no coordinates"),
                Map.entry(4L, "bad geometry: not GeoPackage binary (no 'GP' magic)"));
    }

    @Test
    void progressCountsRows() throws Exception {
        long[] last = new long[2];

        importer.read(Golden.file("schools-5186.gpkg"), ImportKind.LAYER, null, (done, total) -> {
            last[0] = done;
            last[1] = total;
        });

        assertThat(last).containsExactly(5, 5);
    }

    @Test
    void aFileThatIsNotSqliteIsRefused() {
        assertThatThrownBy(() -> importer.read(Golden.file("broken-not-sqlite.gpkg"), ImportKind.SCHOOL, null, null))
                .isInstanceOf(ImportException.class)
                .hasMessage("not a GeoPackage: the file is not an SQLite database");
    }
}
