package org.haechi.video;

import javafx.scene.input.KeyCode;

/**
 * The camera wall's keyboard shortcuts, applied to a {@link WallLayout}; no JavaFX toolkit needed. FX thread (or a
 * test).
 * <table>
 * <caption>Shortcuts</caption>
 * <tr><td>1, 2, 3, 4</td><td>layout of 1, 4 (2x2), 9 (3x3) or 16 (4x4) tiles</td></tr>
 * <tr><td>arrows</td><td>select the neighbouring tile</td></tr>
 * <tr><td>Shift + arrows</td><td>move the selected tile (swap with its neighbour)</td></tr>
 * <tr><td>Enter, F</td><td>selected tile alone at full size, or back to the whole wall</td></tr>
 * <tr><td>Escape</td><td>back to the whole wall</td></tr>
 * <tr><td>Delete, Backspace</td><td>clear the selected tile</td></tr>
 * <tr><td>S</td><td>snapshot of the selected tile</td></tr>
 * <tr><td>R</td><td>reconnect the selected tile</td></tr>
 * </table>
 */
public final class WallShortcuts {
    /** What the wall must do besides the layout change, if anything. */
    public enum Outcome { NOT_HANDLED, HANDLED, SNAPSHOT, RECONNECT }

    private WallShortcuts() {
    }

    public static Outcome apply(WallLayout layout, KeyCode code, boolean shift) {
        switch (code) {
            case DIGIT1, NUMPAD1 -> layout.setSize(1);
            case DIGIT2, NUMPAD2 -> layout.setSize(4);
            case DIGIT3, NUMPAD3 -> layout.setSize(9);
            case DIGIT4, NUMPAD4 -> layout.setSize(16);
            case LEFT, RIGHT, UP, DOWN -> move(layout, code, shift);
            case ENTER, F -> layout.toggleSolo(layout.selected());
            case ESCAPE -> layout.leaveSolo();
            case DELETE, BACK_SPACE -> layout.clear(layout.selected());
            case S -> {
                return Outcome.SNAPSHOT;
            }
            case R -> {
                return Outcome.RECONNECT;
            }
            default -> {
                return Outcome.NOT_HANDLED;
            }
        }
        return Outcome.HANDLED;
    }

    private static void move(WallLayout layout, KeyCode code, boolean shift) {
        if (layout.solo() >= 0) {
            return;
        }
        int dx = code == KeyCode.LEFT ? -1 : code == KeyCode.RIGHT ? 1 : 0;
        int dy = code == KeyCode.UP ? -1 : code == KeyCode.DOWN ? 1 : 0;
        if (shift) {
            layout.moveSelectedTile(dx, dy);
        } else {
            layout.moveSelection(dx, dy);
        }
    }
}
