package org.haechi.video;

import java.nio.file.Path;
import java.time.Instant;

/**
 * A still taken from a tile and written to disk, for the audit trail: which camera, when, where the PNG is and its
 * SHA-256 (also in the {@code sha256sum} sidecar {@code <file>.sha256}). Immutable; any thread.
 *
 * @param cameraId   camera id
 * @param cameraName camera name, as burnt into the picture
 * @param takenAt    when the picture was taken, as burnt into the picture
 * @param file       the PNG
 * @param sha256     lower-case hex SHA-256 of the PNG's bytes
 */
public record Snapshot(String cameraId, String cameraName, Instant takenAt, Path file, String sha256) {

    /** The sidecar file next to the PNG, in {@code sha256sum} format ({@code sha256sum -c} checks it). */
    public Path sidecar() {
        return file.resolveSibling(file.getFileName() + ".sha256");
    }
}
