package org.haechi.map.importer;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImporterTest {
    private final Importer importer = new Importer();

    @Test
    void anUnknownExtensionIsRefusedListingTheFormats(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("cameras.xlsx"), "x");

        assertThatThrownBy(() -> importer.read(file, ImportKind.CAMERA, null, null))
                .isInstanceOf(ImportException.class).hasMessageContaining(".geojson, .json, .gpkg, .shp");
    }

    @Test
    void anUnknownCrsIsRefusedByName() {
        assertThatThrownBy(() -> importer.read(Golden.file("cctv-xy-5186.csv"), ImportKind.CAMERA, "EPSG:99999",
                null))
                .isInstanceOf(ImportException.class).hasMessageStartingWith("unknown coordinate system 'EPSG:99999'");
    }

    @Test
    void aMissingFileIsNamed(@TempDir Path dir) {
        assertThatThrownBy(() -> importer.read(dir.resolve("nothing.csv"), ImportKind.CAMERA, null, null))
                .isInstanceOf(ImportException.class).hasMessageStartingWith("no such file");
    }

    @Test
    void anInterruptedImportIsCancelled(@TempDir Path dir) throws Exception {
        StringBuilder csv = new StringBuilder("name,lat,lon\n");
        for (int i = 0; i < 2500; i++) {
            csv.append("p").append(i).append(",37.5,127.0\n");
        }
        Path file = Files.writeString(dir.resolve("many.csv"), csv);
        Thread.currentThread().interrupt();
        try {
            assertThatThrownBy(() -> importer.read(file, ImportKind.LAYER, null, null))
                    .isInstanceOf(ImportException.class).hasMessage("import cancelled");
        } finally {
            Thread.interrupted();
        }
    }
}
