package org.haechi.app.importer;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.haechi.map.importer.ImportResult;
import org.haechi.map.importer.SkippedRow;

/** The text report of one import: what was read and each skipped row with its reason. Stateless. */
final class ImportReport {
    private ImportReport() {
    }

    /** Writes {@code <dir>/<file name>-<stamp>.txt} (a new file, numbered when the name is taken) in UTF-8. */
    static Path write(Path dir, ImportCommand.Options options, ImportResult result, String stamp) throws IOException {
        Files.createDirectories(dir);
        String base = options.file().getFileName() + "-" + stamp;
        Path report = dir.resolve(base + ".txt");
        for (int n = 2; Files.exists(report); n++) {
            report = dir.resolve(base + "-" + n + ".txt");
        }
        try (BufferedWriter w = Files.newBufferedWriter(report, StandardCharsets.UTF_8,
                StandardOpenOption.CREATE_NEW)) {
            w.write("Haechi import report\n");
            w.write("file:      " + options.file().toAbsolutePath() + "\n");
            w.write("format:    " + result.format() + (result.charset() == null ? "" : ", text " + result.charset())
                    + "\n");
            w.write("crs:       " + result.crs() + "\n");
            w.write("kind:      " + options.kind() + "\n");
            w.write("imported:  " + result.importedCount() + "\n");
            w.write("skipped:   " + result.skipped().size() + "\n");
            w.write("\nSkipped rows (row = record number in the file from 1, after the CSV header;"
                    + " the feature id in a GeoPackage):\n");
            if (result.skipped().isEmpty()) {
                w.write("none\n");
            }
            for (SkippedRow s : result.skipped()) {
                w.write("row " + s.rowNumber() + ": " + s.reason() + "\n");
            }
        }
        return report;
    }
}
