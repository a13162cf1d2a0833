package org.haechi.app.camera;

import java.util.Optional;
import java.util.function.Function;
import javafx.scene.Node;
import javafx.scene.control.ListView;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.Dragboard;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.TransferMode;
import org.haechi.map.view.MapFeature;
import org.haechi.map.view.MapView;
import org.haechi.video.CameraDrag;
import org.haechi.video.CameraSource;

/**
 * Lets the operator drag a camera from the map or from a list onto a tile of the camera wall (the wall accepts
 * {@link CameraDrag} content). Install once per control; FX thread.
 */
public final class CameraDragSource {
    private CameraDragSource() {
    }

    /** A drag that starts on a camera with a stream on the map carries that camera (elsewhere the map pans). */
    public static void fromMap(MapView map) {
        map.addEventFilter(MouseEvent.DRAG_DETECTED, e -> map.hit(e.getX(), e.getY())
                .flatMap(CameraDragSource::camera).ifPresent(c -> {
                    start(map, c);
                    e.consume();
                }));
    }

    /** A drag from a list of map features (zone contents, search results) carries the camera under the mouse. */
    public static void fromList(ListView<MapFeature> list) {
        fromList(list, CameraDragSource::camera);
    }

    public static <T> void fromList(ListView<T> list, Function<T, Optional<CameraSource>> camera) {
        list.addEventFilter(MouseEvent.DRAG_DETECTED, e -> {
            T item = list.getSelectionModel().getSelectedItem();
            if (item != null) {
                camera.apply(item).ifPresent(c -> {
                    start(list, c);
                    e.consume();
                });
            }
        });
    }

    /** The camera a map feature stands for, if it is a camera with a stream (sub stream from its attributes). */
    public static Optional<CameraSource> camera(MapFeature f) {
        String stream = f.details().get("stream");
        if (!"CAMERA".equals(f.details().get("kind")) || stream == null || stream.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(new CameraSource(f.id(), f.title(), stream, f.details().get("subStreamUrl")));
    }

    private static void start(Node source, CameraSource camera) {
        Dragboard board = source.startDragAndDrop(TransferMode.COPY);
        ClipboardContent content = new ClipboardContent();
        CameraDrag.put(content, camera);
        board.setContent(content);
    }
}
