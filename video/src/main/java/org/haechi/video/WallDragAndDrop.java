package org.haechi.video;

import java.util.function.ToIntFunction;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.Dragboard;
import javafx.scene.input.TransferMode;

/**
 * Drag and drop on the wall's tiles: a camera dropped from a list or the map ({@link CameraDrag}) goes to the tile
 * it is dropped on; a tile dragged onto another swaps with it. FX thread.
 */
final class WallDragAndDrop {
    private static final String DROP_COLOUR = "#42d392";
    private final WallLayout layout;
    private final ToIntFunction<CameraTile> positionOf;

    WallDragAndDrop(WallLayout layout, ToIntFunction<CameraTile> positionOf) {
        this.layout = layout;
        this.positionOf = positionOf;
    }

    void install(CameraTile tile) {
        tile.setOnDragDetected(e -> {
            if (tile.camera() != null && positionOf.applyAsInt(tile) >= 0) {
                Dragboard board = tile.startDragAndDrop(TransferMode.COPY_OR_MOVE);
                ClipboardContent content = new ClipboardContent();
                CameraDrag.put(content, tile.camera());
                board.setContent(content);
                e.consume();
            }
        });
        tile.setOnDragOver(e -> {
            if (e.getGestureSource() != tile && accepts(e.getDragboard()) && positionOf.applyAsInt(tile) >= 0) {
                e.acceptTransferModes(TransferMode.COPY_OR_MOVE);
            }
            e.consume();
        });
        tile.setOnDragEntered(e -> {
            if (e.getGestureSource() != tile && accepts(e.getDragboard())) {
                tile.highlight(DROP_COLOUR);
            }
        });
        tile.setOnDragExited(e -> tile.setSelected(positionOf.applyAsInt(tile) == layout.selected()
                && layout.size() > 1));
        tile.setOnDragDropped(e -> {
            int to = positionOf.applyAsInt(tile);
            boolean done = false;
            if (to >= 0 && e.getGestureSource() instanceof CameraTile from && positionOf.applyAsInt(from) >= 0) {
                layout.swap(positionOf.applyAsInt(from), to);
                done = true;
            } else if (to >= 0) {
                done = CameraDrag.read(e.getDragboard()).map(c -> {
                    layout.assign(to, c);
                    return true;
                }).orElse(false);
            }
            e.setDropCompleted(done);
            e.consume();
        });
    }

    private static boolean accepts(Dragboard board) {
        return board.hasContent(CameraDrag.CAMERA);
    }
}
