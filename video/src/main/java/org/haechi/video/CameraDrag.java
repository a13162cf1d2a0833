package org.haechi.video;

import java.util.Optional;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.DataFormat;
import javafx.scene.input.Dragboard;

/**
 * How a camera travels in a drag and drop onto the wall: a list, the map or another tile puts it on the dragboard
 * with {@link #put}, a tile reads it back. The camera is carried whole (id, name, URLs), so the wall needs no
 * lookup. FX thread.
 */
public final class CameraDrag {
    /** A camera: id, name, main URL and sub URL, one per line. */
    public static final DataFormat CAMERA = new DataFormat("application/x-haechi-camera");

    private CameraDrag() {
    }

    /** Adds the camera to drag content (and its name as plain text for other drop targets). */
    public static void put(ClipboardContent content, CameraSource camera) {
        content.put(CAMERA, encode(camera));
        content.putString(camera.name());
    }

    public static Optional<CameraSource> read(Dragboard board) {
        Object data = board.getContent(CAMERA);
        return data instanceof String s ? decode(s) : Optional.empty();
    }

    static String encode(CameraSource c) {
        return String.join("\n", c.cameraId(), line(c.name()), line(c.url()),
                c.subStreamUrl() == null ? "" : line(c.subStreamUrl()));
    }

    static Optional<CameraSource> decode(String s) {
        String[] f = s.split("\n", -1);
        if (f.length != 4 || f[0].isBlank() || f[2].isBlank()) {
            return Optional.empty();
        }
        return Optional.of(new CameraSource(f[0], f[1], f[2], f[3].isEmpty() ? null : f[3]));
    }

    private static String line(String s) {
        return s == null ? "" : s.replace('\n', ' ').replace('\r', ' ');
    }
}
