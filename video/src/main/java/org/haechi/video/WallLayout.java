package org.haechi.video;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The camera wall's arrangement, without JavaFX: how many tiles (1, 4, 9 or 16), which camera each position
 * holds, which position is selected, and which one, if any, is shown alone at full size. Cameras at positions
 * beyond the current size are kept (hidden) so that going back to a larger layout brings them back. Every change
 * notifies the listener. Not thread-safe: the FX thread (or a test).
 */
public final class WallLayout {
    /** The layouts a wall offers. */
    public static final List<Integer> SIZES = List.of(1, 4, 9, 16);
    public static final int MAX_TILES = 16;
    private final CameraSource[] cameras = new CameraSource[MAX_TILES];
    private int size;
    private int selected;
    private int solo = -1;
    private Runnable onChange = () -> { };

    public WallLayout(int size) {
        this.size = nearestSize(size);
    }

    /** The allowed layout closest to {@code tiles} (at least 1, at most 16). */
    public static int nearestSize(int tiles) {
        int best = SIZES.get(0);
        for (int s : SIZES) {
            if (Math.abs(s - tiles) < Math.abs(best - tiles)) {
                best = s;
            }
        }
        return best;
    }

    public void setOnChange(Runnable listener) {
        onChange = listener == null ? () -> { } : listener;
    }

    /** Number of tiles in the layout (1, 4, 9 or 16), whether or not one is shown alone. */
    public int size() {
        return size;
    }

    /** Tiles per row (and per column). */
    public int columns() {
        return (int) Math.round(Math.sqrt(size));
    }

    public void setSize(int tiles) {
        if (!SIZES.contains(tiles)) {
            throw new IllegalArgumentException("layout of " + tiles + " tiles; allowed: " + SIZES);
        }
        size = tiles;
        selected = Math.min(selected, size - 1);
        if (solo >= size) {
            solo = -1;
        }
        onChange.run();
    }

    public CameraSource camera(int position) {
        return cameras[position];
    }

    /** The cameras of the layout's positions in order (null for an empty tile). */
    public List<CameraSource> cameras() {
        return Arrays.asList(Arrays.copyOf(cameras, size));
    }

    /**
     * Fills the layout's positions in order (nearest camera first) and clears every other position, hidden ones
     * included; a camera listed twice is shown once. Cameras past the layout's size are left out.
     */
    public void fill(List<CameraSource> list) {
        Arrays.fill(cameras, null);
        Set<String> seen = new HashSet<>();
        int p = 0;
        for (CameraSource c : list) {
            if (p == size) {
                break;
            }
            if (c != null && seen.add(c.cameraId())) {
                cameras[p++] = c;
            }
        }
        solo = solo >= 0 && cameras[solo] == null ? -1 : solo;
        onChange.run();
    }

    /** Puts {@code camera} at {@code position}; if it is already shown at another position, the two swap. */
    public void assign(int position, CameraSource camera) {
        checkPosition(position);
        int existing = camera == null ? -1 : positionOf(camera.cameraId());
        if (existing == position) {
            return;
        }
        if (existing >= 0) {
            swap(existing, position);
            return;
        }
        cameras[position] = camera;
        onChange.run();
    }

    public void clear(int position) {
        assign(position, null);
    }

    /** Exchanges the cameras of two positions; the selection follows the camera it was on. */
    public void swap(int a, int b) {
        checkPosition(a);
        checkPosition(b);
        if (a == b) {
            return;
        }
        CameraSource t = cameras[a];
        cameras[a] = cameras[b];
        cameras[b] = t;
        if (selected == a || selected == b) {
            selected = selected == a ? b : a;
        }
        if (solo == a || solo == b) {
            solo = solo == a ? b : a;
        }
        onChange.run();
    }

    /** The position showing the camera, among the layout's positions, or -1. */
    public int positionOf(String cameraId) {
        for (int i = 0; i < size; i++) {
            if (cameras[i] != null && cameras[i].cameraId().equals(cameraId)) {
                return i;
            }
        }
        return -1;
    }

    public int selected() {
        return selected;
    }

    public void select(int position) {
        checkPosition(position);
        if (selected != position) {
            selected = position;
            if (solo >= 0) {
                solo = position;
            }
            onChange.run();
        }
    }

    /** Moves the selection by whole tiles, staying inside the grid. */
    public void moveSelection(int dx, int dy) {
        int cols = columns();
        int x = Math.max(0, Math.min(cols - 1, selected % cols + dx));
        int y = Math.max(0, Math.min(cols - 1, selected / cols + dy));
        select(y * cols + x);
    }

    /** Swaps the selected tile with its neighbour in that direction; the selection moves with it. */
    public void moveSelectedTile(int dx, int dy) {
        int cols = columns();
        int x = selected % cols + dx;
        int y = selected / cols + dy;
        if (x >= 0 && x < cols && y >= 0 && y < cols) {
            swap(selected, y * cols + x);
        }
    }

    /** The position shown alone at full size, or -1. */
    public int solo() {
        return solo;
    }

    /** Shows {@code position} alone at full size, or the whole layout again if it already is. */
    public void toggleSolo(int position) {
        checkPosition(position);
        solo = solo == position ? -1 : position;
        selected = position;
        onChange.run();
    }

    public void leaveSolo() {
        if (solo >= 0) {
            solo = -1;
            onChange.run();
        }
    }

    /** The positions on screen now, in order: all of the layout's, or the one shown alone. */
    public List<Integer> visiblePositions() {
        if (solo >= 0) {
            return List.of(solo);
        }
        List<Integer> out = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            out.add(i);
        }
        return out;
    }

    /** Whether a position plays its camera's main stream: when shown alone or in a one-tile layout. */
    public boolean wantsMainStream(int position) {
        return solo == position || size == 1;
    }

    private void checkPosition(int position) {
        if (position < 0 || position >= size) {
            throw new IndexOutOfBoundsException("position " + position + " of " + size);
        }
    }
}
