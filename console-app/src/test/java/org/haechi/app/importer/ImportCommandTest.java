package org.haechi.app.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.haechi.core.asset.Asset;
import org.haechi.core.asset.AssetKind;
import org.haechi.map.importer.ImportKind;
import org.haechi.messaging.cache.CacheStores;
import org.haechi.messaging.cache.ImportedLayerStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImportCommandTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return ImportCommand.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private static Path sample(Path dir) throws Exception {
        Path file = dir.resolve("cctv-gangnam-50-cp949.csv");
        try (var in = ImportCommandTest.class.getResourceAsStream("/import/cctv-gangnam-50-cp949.csv")) {
            Files.copy(in, file);
        }
        return file;
    }

    @Test
    void theRealCp949CsvLandsInTheCacheWithAReport(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("data");

        int status = run(sample(dir).toString(), "--data-dir", data.toString());

        assertThat(status).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("IMPORTED 50 SKIPPED 0" + System.lineSeparator());
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("importing as CAMERA").contains("CP949");
        try (CacheStores stores = CacheStores.open(data.resolve("cache"))) {
            assertThat(stores.assets().count()).isEqualTo(50);
            Asset first = stores.assets().loadAll().stream()
                    .filter(a -> a.id().equals("camera-cctv-gangnam-50-cp949-1")).findFirst().orElseThrow();
            assertThat(first.kind()).isEqualTo(AssetKind.CAMERA);
            assertThat(first.name()).isEqualTo("서울특별시 강남구 논현로115길 55 (논현동)");
        }
        List<Path> reports = reports(data);
        assertThat(reports).singleElement().satisfies(r -> {
            assertThat(r.getFileName().toString()).startsWith("cctv-gangnam-50-cp949.csv-").endsWith(".txt");
            assertThat(Files.readString(r)).contains("imported:  50").contains("skipped:   0").contains("none");
            assertThat(err.toString(StandardCharsets.UTF_8)).contains(r.toAbsolutePath().toString());
        });
    }

    @Test
    void skippedRowsAreListedWithTheirReasons(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("points.csv");
        Files.writeString(file, "name,위도,경도\n시청,37.5665,126.9780\n틀린 위도,137.5,126.97\n");
        Path data = dir.resolve("data");

        int status = run(file.toString(), "--kind", "SCHOOL", "--data-dir", data.toString());

        assertThat(status).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8).strip()).isEqualTo("IMPORTED 1 SKIPPED 1");
        assertThat(Files.readString(reports(data).get(0))).contains("row 2: latitude 137.5 outside -90..90");
    }

    @Test
    void aLayerIsStoredAsWktWithItsProperties(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("zones.geojson");
        Files.writeString(file, "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"properties\":"
                + "{\"name\":\"시청 구역\"},\"geometry\":{\"type\":\"LineString\",\"coordinates\":[[126.97,37.56],"
                + "[126.98,37.57]]}}]}");
        Path data = dir.resolve("data");

        assertThat(run(file.toString(), "--data-dir", data.toString())).isZero();

        assertThat(out.toString(StandardCharsets.UTF_8).strip()).isEqualTo("IMPORTED 1 SKIPPED 0");
        try (CacheStores stores = CacheStores.open(data.resolve("cache"))) {
            ImportedLayerStore layers = new ImportedLayerStore(stores.db());
            assertThat(layers.layers()).containsExactly("zones");
            assertThat(layers.load("zones")).singleElement().satisfies(r -> {
                assertThat(r.id()).isEqualTo("zones-1");
                assertThat(r.wkt()).isEqualTo("LINESTRING (126.97 37.56, 126.98 37.57)");
                assertThat(r.propertiesJson()).isEqualTo("{\"name\":\"시청 구역\"}");
            });
        }
    }

    @Test
    void aBrokenFileWritesNothing(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("cctv-broken.csv");
        Files.writeString(file, "이름,주소\n시청,세종대로 110\n");
        Path data = dir.resolve("data");

        int status = run(file.toString(), "--data-dir", data.toString());

        assertThat(status).isEqualTo(1);
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("cannot import cctv-broken.csv: no coordinate columns").contains("nothing was imported");
        assertThat(data).doesNotExist();
    }

    @Test
    void aFailedImportLeavesEarlierDataAlone(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("data");
        assertThat(run(sample(dir).toString(), "--data-dir", data.toString())).isZero();
        Path truncated = dir.resolve("cctv-cut.geojson");
        Files.writeString(truncated, "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\","
                + "\"properties\":{},\"geometry\":{\"type\":\"Point\",\"coordinates\":[127.0,37.5]}},{\"type\":");

        assertThat(run(truncated.toString(), "--data-dir", data.toString())).isEqualTo(1);

        try (CacheStores stores = CacheStores.open(data.resolve("cache"))) {
            assertThat(stores.assets().count()).isEqualTo(50);
        }
        assertThat(reports(data)).hasSize(1);
    }

    @Test
    void theKindIsGuessedFromTheFileName() {
        assertThat(ImportCommand.guessKind(Path.of("seoul-CCTV-2025.csv"))).isEqualTo(ImportKind.CAMERA);
        assertThat(ImportCommand.guessKind(Path.of("public-wifi-2016.geojson"))).isEqualTo(ImportKind.ACCESS_POINT);
        assertThat(ImportCommand.guessKind(Path.of("elementary-schools.gpkg"))).isEqualTo(ImportKind.SCHOOL);
        assertThat(ImportCommand.guessKind(Path.of("districts-2018.geojson"))).isEqualTo(ImportKind.LAYER);
    }

    @Test
    void aBadCommandLineShowsTheUsage() {
        assertThat(run("--kind", "TREE", "x.csv")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("unknown kind 'TREE'").contains("Usage:");
    }

    private static List<Path> reports(Path data) throws Exception {
        try (Stream<Path> files = Files.list(data.resolve("import-reports"))) {
            return files.sorted().toList();
        }
    }
}
