package org.haechi.app.importer;

import org.haechi.map.importer.ImportResult;
import org.haechi.map.importer.SkippedRow;

/** The operator's summary of an import: counts, format, charset, coordinate system, the skipped rows and why. */
final class ImportSummary {
    static final int MAX_LISTED = 500;

    private ImportSummary() {
    }

    static String text(ImportResult r) {
        StringBuilder sb = new StringBuilder();
        sb.append("IMPORTED ").append(r.importedCount()).append(" SKIPPED ").append(r.skipped().size()).append('\n');
        sb.append("format ").append(r.format());
        if (r.charset() != null) {
            sb.append(", charset ").append(r.charset());
        }
        sb.append(", coordinates ").append(r.crs()).append("\n\n");
        int n = 0;
        for (SkippedRow s : r.skipped()) {
            if (n++ == MAX_LISTED) {
                sb.append("... and ").append(r.skipped().size() - MAX_LISTED).append(" more\n");
                break;
            }
            sb.append("row ").append(s.rowNumber()).append(": ").append(s.reason()).append('\n');
        }
        return sb.toString();
    }
}
