package org.haechi.map.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.haechi.core.asset.Asset;
import org.haechi.core.asset.AssetKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvReaderTest {
    private final Importer importer = new Importer();

    @Test
    void theRealCp949StandardCsvIsDecodedWithHangulNamesAndCoordinates() throws Exception {
        ImportResult r = importer.read(Golden.file("cctv-gangnam-50-cp949.csv"), ImportKind.CAMERA, null, null);

        assertThat(r.format()).isEqualTo("CSV");
        assertThat(r.charset()).isEqualTo("CP949");
        assertThat(r.skipped()).isEmpty();
        assertThat(r.assets()).hasSize(50);
        Asset first = r.assets().get(0);
        assertThat(first.id()).isEqualTo("camera-cctv-gangnam-50-cp949-1");
        assertThat(first.kind()).isEqualTo(AssetKind.CAMERA);
        assertThat(first.name()).isEqualTo("서울특별시 강남구 논현로115길 55 (논현동)");
        assertThat(first.location().lat()).isEqualTo(37.507970);
        assertThat(first.location().lon()).isEqualTo(127.028573);
        assertThat(first.attributes())
                .containsEntry("관리기관명", "서울특별시 강남구청")
                .containsEntry("설치목적구분", "생활방범")
                .containsEntry("데이터기준일자", "2017-11-13")
                .containsEntry("source", "cctv-gangnam-50-cp949.csv")
                .doesNotContainKeys("위도", "경도");
        assertThat(r.assets().get(2).name()).isEqualTo("서울특별시 강남구 논현로111길 7 (논현동, 영동빌라맨션)");
    }

    @Test
    void projectedXyColumnsAreConvertedWithTheChosenCrs() throws Exception {
        ImportResult r = importer.read(Golden.file("cctv-xy-5186.csv"), ImportKind.CAMERA, "EPSG:5186", null);

        assertThat(r.charset()).isEqualTo("UTF-8");
        assertThat(r.crs()).isEqualTo("EPSG:5186 (--crs)");
        assertThat(r.assets()).extracting(Asset::id).containsExactly("XY-1", "XY-2");
        Asset cityHall = r.assets().get(0);
        assertThat(cityHall.location().lat()).isCloseTo(37.5665, within(1e-6));
        assertThat(cityHall.location().lon()).isCloseTo(126.9780, within(1e-6));
        assertThat(r.assets().get(1).name()).isEqualTo("강남역 \"11번 출구\", 사거리");
        assertThat(Golden.reasons(r)).containsExactly(
                Map.entry(3L, "X 'abc' is not a number"),
                Map.entry(4L, "has 3 fields, the header has 4"),
                Map.entry(5L, "no coordinates"));
    }

    @Test
    void anEpsgCodeNamedInTheXColumnHeaderIsUsed(@TempDir Path dir) throws Exception {
        double[] en = org.haechi.map.crs.CoordinateSystems.fromWgs84("EPSG:5174",
                new org.haechi.core.geo.GeoPoint(37.5665, 126.9780));
        Path file = Files.writeString(dir.resolve("localdata.csv"), "사업장명,좌표정보x(epsg5174),좌표정보y(epsg5174)\n"
                + "시청 매점," + en[0] + "," + en[1] + "\n");

        ImportResult r = importer.read(file, ImportKind.LAYER, null, null);

        assertThat(r.crs()).isEqualTo("EPSG:5174 (named in column 좌표정보x(epsg5174))");
        assertThat(r.features().get(0).wgs84().getCoordinate().y).isCloseTo(37.5665, within(1e-6));
        assertThat(r.features().get(0).wgs84().getCoordinate().x).isCloseTo(126.9780, within(1e-6));
    }

    @Test
    void projectedXyWithoutACrsIsRefusedAskingForOne() {
        assertThatThrownBy(() -> importer.read(Golden.file("cctv-xy-5186.csv"), ImportKind.CAMERA, null, null))
                .isInstanceOf(ImportException.class)
                .hasMessageContaining("X좌표/Y좌표").hasMessageContaining("--crs EPSG:n");
    }

    @Test
    void aCsvWithoutCoordinateColumnsIsRefusedNamingItsHeader() {
        assertThatThrownBy(() -> importer.read(Golden.file("broken-no-coordinates.csv"), ImportKind.CAMERA, null,
                null))
                .isInstanceOf(ImportException.class)
                .hasMessageStartingWith("no coordinate columns")
                .hasMessageContaining("the header has: 이름, 주소, 설치년월");
    }

    @Test
    void aUtf8BomIsHonouredAndOutOfRangeOrSwappedRowsAreSkipped(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("schools.csv");
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] body = ("학교ID,학교명,latitude,longitude\r\nS1,청운초등학교,37.5850,126.9680\r\n"
                + "S2,뒤바뀐초등학교,126.9680,37.5850\r\nS1,중복초등학교,37.5,127.0\r\n").getBytes(StandardCharsets.UTF_8);
        Files.write(file, concat(bom, body));

        ImportResult r = importer.read(file, ImportKind.SCHOOL, null, null);

        assertThat(r.charset()).isEqualTo("UTF-8");
        assertThat(r.assets()).singleElement().satisfies(a -> {
            assertThat(a.id()).isEqualTo("S1");
            assertThat(a.name()).isEqualTo("청운초등학교");
        });
        assertThat(Golden.reasons(r)).containsExactly(
                Map.entry(2L, "latitude 126.968 outside -90..90"),
                Map.entry(3L, "duplicate id 'S1' (first used by row 1)"));
    }

    @Test
    void anUnclosedQuoteIsRefusedWhole(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("cut.csv");
        Files.writeString(file, "name,lat,lon\n\"종로,37.57,126.98\n");

        assertThatThrownBy(() -> importer.read(file, ImportKind.CAMERA, null, null))
                .isInstanceOf(ImportException.class).hasMessageContaining("never closed");
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
