package org.haechi.map.importer;

/**
 * Progress of an import: called now and then on the importing thread, last with {@code done == total} when the
 * total is known. Units are the reader's (bytes, or rows for a GeoPackage); {@code total} is -1 when unknown.
 */
@FunctionalInterface
public interface ImportProgress {
    ImportProgress NONE = (done, total) -> { };

    void update(long done, long total);
}
