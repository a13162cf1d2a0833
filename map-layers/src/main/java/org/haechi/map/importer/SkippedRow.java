package org.haechi.map.importer;

/**
 * A row or feature that was not imported, and why. Immutable; any thread.
 *
 * @param rowNumber 1-based record number in the file (after the CSV header; the feature id of a GeoPackage)
 * @param reason    operator-facing reason, e.g. "latitude 137.5 outside -90..90"
 */
public record SkippedRow(long rowNumber, String reason) {
}
