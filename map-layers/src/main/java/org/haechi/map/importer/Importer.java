package org.haechi.map.importer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Reads a GeoJSON, GeoPackage, Shapefile or Korean public-data standard CSV file into assets or layer features,
 * converted to WGS84, with the rows it skipped and why; the format comes from the file's extension. All or nothing:
 * a file that cannot be read as a whole throws and returns nothing. Stateless and thread-safe; {@link #read} blocks
 * (file I/O), so call it off the FX thread. Interrupting the reading thread cancels the import.
 */
public final class Importer {

    /**
     * Reads {@code file}.
     *
     * @param kind     what the rows become
     * @param crsCode  the coordinate system of the file's coordinates (e.g. "EPSG:5186"), overriding what the file
     *                 says; null to use the file's own (WGS84 for GeoJSON and latitude/longitude CSV columns)
     * @param progress called now and then on this thread
     * @throws ImportException when the file cannot be read as a whole, with a message for the operator
     */
    public ImportResult read(Path file, ImportKind kind, String crsCode, ImportProgress progress)
            throws ImportException {
        if (!Files.isRegularFile(file)) {
            throw new ImportException("no such file: " + file);
        }
        String crs = crsCode == null || crsCode.isBlank() ? null : crsCode.strip();
        ImportProgress p = progress == null ? ImportProgress.NONE : progress;
        String ext = file.getFileName().toString().replaceFirst("^.*\\.", "").toLowerCase(Locale.ROOT);
        try {
            return switch (ext) {
                case "geojson", "json" -> GeoJsonReader.read(file, kind, crs, p);
                case "gpkg" -> GeoPackageReader.read(file, kind, crs, p);
                case "shp" -> ShapefileReader.read(file, kind, crs, p);
                case "csv" -> CsvReader.read(file, kind, crs, p);
                default -> throw new ImportException("unknown file type '" + file.getFileName() + "': import "
                        + ".geojson, .json, .gpkg, .shp (with its .dbf, .prj, .cpg) or .csv");
            };
        } catch (IOException e) {
            throw new ImportException("cannot read " + file.getFileName() + ": " + e, e);
        }
    }
}
