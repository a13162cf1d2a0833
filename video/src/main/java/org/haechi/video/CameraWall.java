package org.haechi.video;

import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.ResourceBundle;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import javafx.application.Platform;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.RowConstraints;
import javafx.scene.layout.StackPane;

/**
 * The camera wall: 1, 4, 9 or 16 tiles, or one tile alone at full size, arranged by a {@link WallLayout}; cameras
 * dropped from a list or the map, tiles swapped by drag or keyboard ({@link WallShortcuts}). Small tiles play a
 * camera's sub stream, a tile shown alone its main stream; tiles not on screen stop decoding. A camera that moves
 * (swap, new alarm that shares cameras) keeps its player, so it does not reconnect. FX thread only. Owns the
 * control thread on which every libvlc call of its tiles runs; {@link #release()} stops players, then that thread
 * (the engine is closed by its owner afterwards).
 */
public final class CameraWall extends StackPane {
    private static final Logger LOG = Logger.getLogger(CameraWall.class.getName());
    private final VideoEngine engine;
    private final ResourceBundle text;
    private final Clock clock;
    private final WallLayout layout;
    private final GridPane grid = new GridPane();
    private final List<CameraTile> pool = new ArrayList<>();
    private final CameraTile[] byPosition = new CameraTile[WallLayout.MAX_TILES];
    private final ScheduledExecutorService control = Executors.newSingleThreadScheduledExecutor(r -> daemon(r,
            "haechi-video-control"));
    private final ExecutorService io = Executors.newSingleThreadExecutor(r -> daemon(r, "haechi-video-io"));
    private final ScheduledFuture<?> ticker;
    private final WallDragAndDrop dragAndDrop;
    private final FxFrameBatch frames = new FxFrameBatch();
    private Consumer<CameraSource> onCameraOffline = c -> { };
    private Consumer<Snapshot> onSnapshot = s -> { };
    private Path snapshotDir;

    public CameraWall(VideoEngine engine, int columns, int rows, ResourceBundle text, Clock clock) {
        this(engine, columns * rows, text, clock);
    }

    /** A wall of {@code tiles} tiles (the nearest of 1, 4, 9, 16). */
    public CameraWall(VideoEngine engine, int tiles, ResourceBundle text, Clock clock) {
        this.engine = engine;
        this.text = text;
        this.clock = clock;
        this.layout = new WallLayout(tiles);
        this.dragAndDrop = new WallDragAndDrop(layout, this::positionOf);
        getStyleClass().add("camera-wall");
        grid.setHgap(2);
        grid.setVgap(2);
        getChildren().add(grid);
        setFocusTraversable(true);
        addEventHandler(KeyEvent.KEY_PRESSED, this::onKey);
        layout.setOnChange(this::apply);
        // Not a Timeline: a running animation keeps JavaFX pulsing 60 times a second even when nothing changes.
        ticker = control.scheduleWithFixedDelay(() -> Platform.runLater(() -> pool.forEach(CameraTile::tick)), 1, 1,
                TimeUnit.SECONDS);
        apply();
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    public WallLayout wallLayout() {
        return layout;
    }

    /** Number of tiles of the current layout (1, 4, 9 or 16): how many cameras {@link #show} takes. */
    public int tileCount() {
        return layout.size();
    }

    /** Switches to a layout of 1, 4, 9 or 16 tiles. */
    public void setTileCount(int tiles) {
        layout.setSize(tiles);
    }

    /** Shows the given cameras in order, nearest first; tiles left over are cleared. */
    public void show(List<CameraSource> cameras) {
        layout.fill(cameras);
    }

    /** Called once per outage when a tile has had no picture for 30 s (the tile's state is then OFFLINE). */
    public void setOnCameraOffline(Consumer<CameraSource> listener) {
        onCameraOffline = listener == null ? c -> { } : listener;
    }

    /** The tiles on screen, in position order: the layout's, or the one shown alone. */
    public List<CameraTile> tiles() {
        return layout.visiblePositions().stream().map(p -> byPosition[p]).toList();
    }

    /** The tile at a position, or null when that position is not on screen (another tile is shown alone). */
    public CameraTile tileAt(int position) {
        return byPosition[position];
    }

    /** Number of tiles currently playing. */
    public long playingCount() {
        return pool.stream().filter(t -> t.status().state() == TileState.PLAYING).count();
    }

    /**
     * Snapshot of the selected tile into {@code dir}: a PNG with camera and time burnt in and its SHA-256 sidecar.
     * The result (file and hash, for the audit trail) completes on a background thread.
     */
    public CompletableFuture<Snapshot> snapshotSelected(Path dir) {
        CameraTile tile = tileAt(layout.selected());
        return tile == null ? CompletableFuture.failedFuture(new IllegalStateException("no tile selected"))
                : tile.snapshot(dir, ZoneId.systemDefault(), io);
    }

    /** Where the S key writes snapshots, and who hears of each one on the FX thread (to log it in the audit). */
    public void setOnSnapshot(Path dir, Consumer<Snapshot> listener) {
        snapshotDir = dir;
        onSnapshot = listener == null ? s -> { } : listener;
    }

    private void onKey(KeyEvent e) {
        WallShortcuts.Outcome outcome = WallShortcuts.apply(layout, e.getCode(), e.isShiftDown());
        CameraTile selected = tileAt(layout.selected());
        if (outcome == WallShortcuts.Outcome.RECONNECT && selected != null) {
            selected.reconnect();
        } else if (outcome == WallShortcuts.Outcome.SNAPSHOT && snapshotDir != null) {
            snapshotSelected(snapshotDir).whenComplete((s, err) -> Platform.runLater(() -> {
                if (err != null) {
                    LOG.log(Level.WARNING, "snapshot failed", err);
                } else {
                    onSnapshot.accept(s);
                }
            }));
        }
        if (outcome != WallShortcuts.Outcome.NOT_HANDLED) {
            e.consume();
        }
    }

    /**
     * Gives each visible position a tile: a tile already showing that camera moves there (no reconnection); the
     * rest reuse the position's previous tile or a free one. Tiles left over are stopped.
     */
    private void apply() {
        List<Integer> visible = layout.visiblePositions();
        List<CameraTile> free = new ArrayList<>(pool);
        CameraTile[] next = new CameraTile[WallLayout.MAX_TILES];
        for (int p : visible) {
            CameraSource c = layout.camera(p);
            if (c != null) {
                free.stream().filter(t -> t.camera() != null && t.camera().cameraId().equals(c.cameraId()))
                        .findFirst().ifPresent(t -> {
                            next[p] = t;
                            free.remove(t);
                        });
            }
        }
        for (int p : visible) {
            if (next[p] == null) {
                CameraTile t = byPosition[p] != null && free.contains(byPosition[p]) ? byPosition[p]
                        : free.stream().filter(x -> x.camera() == null).findFirst()
                        .orElse(free.isEmpty() ? newTile() : free.get(0));
                free.remove(t);
                next[p] = t;
            }
            next[p].show(layout.camera(p), layout.wantsMainStream(p));
            next[p].setSelected(p == layout.selected() && layout.size() > 1);
        }
        free.forEach(t -> {
            t.show(null);
            t.setSelected(false);
        });
        System.arraycopy(next, 0, byPosition, 0, next.length);
        frames.setMaxRate(fxRate(visible.size()));
        arrange(visible);
    }

    /**
     * How often the FX thread takes new frames. With graphics hardware, as they come. With JavaFX's software
     * renderer, whose cost grows with every frame painted (ADR 0002): as they come for one tile, 25 times a second
     * for four, 12 for nine or sixteen small tiles (a 15 frame/s camera then shows 12 of them, a 30 frame/s one
     * every other frame, as commercial walls do without a GPU). {@code -Dhaechi.video.fxRate=N} sets it (0: every
     * frame).
     */
    static int fxRate(int visibleTiles) {
        boolean hardware = Platform.isSupported(javafx.application.ConditionalFeature.SCENE3D);
        int rate = hardware ? 0 : visibleTiles >= 9 ? 12 : visibleTiles >= 4 ? 25 : 0;
        return Integer.getInteger("haechi.video.fxRate", rate);
    }

    private CameraTile newTile() {
        CameraTile tile = new CameraTile(engine, control, text, clock, frames);
        tile.setMaxSize(Double.MAX_VALUE, Double.MAX_VALUE);
        tile.setOnOffline(c -> onCameraOffline.accept(c));
        tile.setOnMouseClicked(e -> {
            int p = positionOf(tile);
            if (p >= 0 && e.getButton() == MouseButton.PRIMARY) {
                requestFocus();
                if (e.getClickCount() == 2) {
                    layout.toggleSolo(p);
                } else {
                    layout.select(p);
                }
            }
        });
        dragAndDrop.install(tile);
        pool.add(tile);
        return tile;
    }

    private int positionOf(CameraTile tile) {
        for (int p = 0; p < byPosition.length; p++) {
            if (byPosition[p] == tile) {
                return p;
            }
        }
        return -1;
    }

    private void arrange(List<Integer> visible) {
        int cols = visible.size() == 1 ? 1 : layout.columns();
        grid.getChildren().clear();
        grid.getColumnConstraints().clear();
        grid.getRowConstraints().clear();
        for (int i = 0; i < cols; i++) {
            ColumnConstraints cc = new ColumnConstraints();
            cc.setPercentWidth(100.0 / cols);
            cc.setHgrow(Priority.ALWAYS);
            grid.getColumnConstraints().add(cc);
            RowConstraints rc = new RowConstraints();
            rc.setPercentHeight(100.0 / cols);
            rc.setVgrow(Priority.ALWAYS);
            grid.getRowConstraints().add(rc);
        }
        for (int i = 0; i < visible.size(); i++) {
            grid.add(byPosition[visible.get(i)], i % cols, i / cols);
        }
    }

    /** Releases every player, then the control and snapshot threads. Blocks; FX thread or any other. */
    public void release() {
        ticker.cancel(false);
        pool.forEach(CameraTile::release);
        control.shutdown();
        io.shutdown();
        try {
            control.awaitTermination(5, TimeUnit.SECONDS);
            io.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
