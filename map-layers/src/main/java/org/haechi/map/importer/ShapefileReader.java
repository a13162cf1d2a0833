package org.haechi.map.importer;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * Reads an ESRI shapefile set: geometry from the .shp, attributes from the .dbf, the text encoding from the .cpg
 * (detected when absent), the coordinate system from the .prj, from --crs, or WGS84 when there is no .prj and the
 * coordinates look like degrees. One per file.
 */
final class ShapefileReader {
    private ShapefileReader() {
    }

    static ImportResult read(Path shp, ImportKind kind, String crsCode, ImportProgress progress)
            throws IOException, ImportException {
        Path dbf = sibling(shp, "dbf");
        if (dbf == null) {
            throw new ImportException("the .dbf beside " + shp.getFileName() + " is missing: a shapefile needs its "
                    + ".shp and .dbf (and .prj, .cpg)");
        }
        Path cpg = sibling(shp, "cpg");
        Charset charset = cpg == null ? null : TextCharsets.forCpg(Files.readString(cpg, StandardCharsets.US_ASCII));
        try (ShpReader shapes = ShpReader.open(shp); DbfReader attributes = DbfReader.open(dbf, charset)) {
            SourceCrs crs = crs(shp, shapes, crsCode);
            RowCollector rows = new RowCollector(kind, shp, crs, progress);
            long row = 0;
            for (ShpReader.Shape shape = shapes.next(); shape != null; shape = shapes.next()) {
                row++;
                DbfReader.DbfRecord record = attributes.next();
                if (record == null) {
                    throw new ImportException("the .dbf has fewer records (" + attributes.recordCount()
                            + ") than the .shp has shapes");
                }
                if (record.deleted()) {
                    rows.skip(row, "marked deleted in the .dbf");
                } else if (shape.problem() != null) {
                    rows.skip(row, shape.problem());
                } else if (shape.geometry() == null) {
                    rows.skip(row, "null shape (no geometry)");
                } else {
                    rows.add(row, shape.geometry(), record.values());
                }
                rows.tick(shapes.position(), shapes.length());
            }
            if (row != attributes.recordCount()) {
                throw new ImportException("the .shp has " + row + " shapes but the .dbf has "
                        + attributes.recordCount() + " records");
            }
            return rows.result("Shapefile", TextCharsets.label(attributes.charset()), shapes.length());
        }
    }

    private static SourceCrs crs(Path shp, ShpReader shapes, String crsCode) throws IOException, ImportException {
        if (crsCode != null) {
            return SourceCrs.forCode(crsCode, "--crs");
        }
        Path prj = sibling(shp, "prj");
        if (prj != null) {
            return SourceCrs.forWkt(Files.readString(prj, StandardCharsets.ISO_8859_1), ".prj");
        }
        if (shapes.looksLikeDegrees()) {
            return SourceCrs.wgs84("assumed: no .prj and the coordinates look like degrees");
        }
        throw new ImportException("no .prj beside " + shp.getFileName() + " and the coordinates are not degrees ("
                + shapes.bboxText() + "): give the coordinate system with --crs EPSG:n");
    }

    /** The file beside {@code shp} with the same stem and extension {@code ext}, in any letter case, or null. */
    static Path sibling(Path shp, String ext) throws IOException {
        String name = shp.getFileName().toString();
        String stem = name.substring(0, name.length() - 4);
        Path dir = shp.toAbsolutePath().getParent();
        Path exact = dir.resolve(stem + "." + ext);
        if (Files.isRegularFile(exact)) {
            return exact;
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().equalsIgnoreCase(stem + "." + ext)).findFirst()
                    .filter(Files::isRegularFile).orElse(null);
        }
    }
}
