package org.haechi.map.importer;

/**
 * A file that cannot be imported as a whole (broken, truncated, not that format, unknown coordinate system); the
 * message is written for the operator and names the file's problem. Nothing of such a file is imported.
 */
public final class ImportException extends Exception {
    public ImportException(String message) {
        super(message);
    }

    public ImportException(String message, Throwable cause) {
        super(message, cause);
    }
}
