package org.haechi.map.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.haechi.core.asset.Asset;
import org.haechi.core.geo.GeoPoint;
import org.haechi.map.crs.CoordinateSystems;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;

class ShapefileReaderTest {
    private final Importer importer = new Importer();

    @Test
    void pointsInCentralBelt2010WithCp949AttributesBecomeCameras() throws Exception {
        ImportResult r = importer.read(Golden.file("cctv-5186.shp"), ImportKind.CAMERA, null, null);

        assertThat(r.format()).isEqualTo("Shapefile");
        assertThat(r.charset()).isEqualTo("CP949");
        assertThat(r.crs()).contains("Korea_2000_Korea_Central_Belt_2010").contains(".prj");
        assertThat(r.assets()).extracting(Asset::id).containsExactly("CCTV-0001", "CCTV-0002", "CCTV-0005");
        Asset cityHall = r.assets().get(0);
        assertThat(cityHall.name()).isEqualTo("서울특별시청 앞");
        assertThat(cityHall.location().lat()).isCloseTo(37.5665, within(1e-6));
        assertThat(cityHall.location().lon()).isCloseTo(126.9780, within(1e-6));
        assertThat(cityHall.attributes()).containsEntry("설치목적", "생활방범").containsEntry("카메라대수", "2");
        assertThat(r.assets().get(1).location().lat()).isCloseTo(37.4979, within(1e-6));
        assertThat(r.assets().get(1).location().lon()).isCloseTo(127.0276, within(1e-6));
        assertThat(Golden.reasons(r)).containsExactly(
                Map.entry(3L, "null shape (no geometry)"),
                Map.entry(4L, "marked deleted in the .dbf"));
    }

    @Test
    void polygonsKeepTheirHolesAndPartsAndUtf8IsDetectedWithoutCpg() throws Exception {
        ImportResult r = importer.read(Golden.file("zones-5186.shp"), ImportKind.LAYER, null, null);

        assertThat(r.charset()).isEqualTo("UTF-8");
        assertThat(r.skipped()).isEmpty();
        assertThat(r.features()).hasSize(2);
        ImportedFeature ring = r.features().get(0);
        assertThat(ring.id()).isEqualTo("zones-5186-1");
        assertThat(ring.properties()).containsEntry("name", "시청 주변 구역").containsEntry("code", "Z1");
        assertThat(ring.wgs84()).isInstanceOf(Polygon.class);
        assertThat(((Polygon) ring.wgs84()).getNumInteriorRing()).isEqualTo(1);
        Coordinate centre = ring.wgs84().getEnvelopeInternal().centre();
        assertThat(centre.y).isCloseTo(37.5665, within(1e-4));
        assertThat(centre.x).isCloseTo(126.9780, within(1e-4));
        assertThat(r.features().get(1).wgs84()).isInstanceOf(MultiPolygon.class);
        assertThat(r.features().get(1).wgs84().getNumGeometries()).isEqualTo(2);
    }

    @Test
    void aTruncatedShpIsRefusedWhole() {
        assertThatThrownBy(() -> importer.read(Golden.file("broken-truncated.shp"), ImportKind.CAMERA, null, null))
                .isInstanceOf(ImportException.class)
                .hasMessage("truncated .shp: its header says 224 bytes, the file has 162");
    }

    @Test
    void withoutPrjProjectedCoordinatesNeedACrsAndTheCrsOptionIsUsed(@TempDir Path dir) throws Exception {
        for (String ext : new String[] {"shp", "dbf", "cpg"}) {
            Files.copy(Golden.file("cctv-5186." + ext), dir.resolve("noprj." + ext));
        }
        Path shp = dir.resolve("noprj.shp");

        assertThatThrownBy(() -> importer.read(shp, ImportKind.CAMERA, null, null))
                .isInstanceOf(ImportException.class)
                .hasMessageContaining("no .prj beside noprj.shp").hasMessageContaining("--crs EPSG:n");
        ImportResult r = importer.read(shp, ImportKind.CAMERA, "EPSG:5186", null);
        assertThat(r.crs()).isEqualTo("EPSG:5186 (--crs)");
        assertThat(r.assets().get(0).location().lat()).isCloseTo(37.5665, within(1e-6));
    }

    /** An ESRI .prj as GIS software writes it for EPSG:5174: no TOWGS84, so the datum shift must come from us. */
    private static final String ESRI_5174 = "PROJCS[\"Korean_1985_Modified_Korea_Central_Belt\",GEOGCS["
            + "\"GCS_Korean_Datum_1985\",DATUM[\"D_Korean_Datum_1985\",SPHEROID[\"Bessel_1841\",6377397.155,"
            + "299.1528128]],PRIMEM[\"Greenwich\",0.0],UNIT[\"Degree\",0.0174532925199433]],PROJECTION["
            + "\"Transverse_Mercator\"],PARAMETER[\"False_Easting\",200000.0],PARAMETER[\"False_Northing\","
            + "500000.0],PARAMETER[\"Central_Meridian\",CM],PARAMETER[\"Scale_Factor\",1.0],"
            + "PARAMETER[\"Latitude_Of_Origin\",38.0],UNIT[\"Meter\",1.0]]";

    private static Path withPrj(Path dir, String prj) throws Exception {
        for (String ext : new String[] {"shp", "dbf", "cpg"}) {
            Files.copy(Golden.file("cctv-5186." + ext), dir.resolve("old." + ext));
        }
        Files.writeString(dir.resolve("old.prj"), prj);
        return dir.resolve("old.shp");
    }

    @Test
    void anEsriPrjOfKorean1985GetsTheShippedDatumShift(@TempDir Path dir) throws Exception {
        ImportResult r = importer.read(withPrj(dir, ESRI_5174.replace("CM", "127.002890277778")), ImportKind.CAMERA,
                null, null);

        assertThat(r.crs()).contains("EPSG:5174");
        GeoPoint expected = CoordinateSystems.toWgs84("EPSG:5174", 198056.367, 551885.031);
        assertThat(r.assets().get(0).location().lat()).isCloseTo(expected.lat(), within(1e-9));
        assertThat(r.assets().get(0).location().lon()).isCloseTo(expected.lon(), within(1e-9));
    }

    @Test
    void aPrjOnAnotherDatumWithoutShiftIsRefusedRatherThanMisplaced(@TempDir Path dir) throws Exception {
        Path shp = withPrj(dir, ESRI_5174.replace("CM", "127.0"));

        assertThatThrownBy(() -> importer.read(shp, ImportKind.CAMERA, null, null))
                .isInstanceOf(ImportException.class)
                .hasMessageContaining("has no datum shift to WGS84").hasMessageContaining("--crs EPSG:n");
    }

    @Test
    void aMissingDbfIsNamed(@TempDir Path dir) throws Exception {
        Files.copy(Golden.file("cctv-5186.shp"), dir.resolve("alone.shp"));

        assertThatThrownBy(() -> importer.read(dir.resolve("alone.shp"), ImportKind.CAMERA, null, null))
                .isInstanceOf(ImportException.class).hasMessageContaining("the .dbf beside alone.shp is missing");
    }
}
