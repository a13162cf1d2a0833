package org.haechi.video;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Objects;
import java.util.ResourceBundle;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.css.PseudoClass;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;

/**
 * One tile of the camera wall: the picture, the camera's name, its state and the age of the last frame. FX thread
 * only, except that the player behind it reports from the control thread (handed over with runLater). The wall
 * owns it and {@link #release()}s it.
 */
public final class CameraTile extends StackPane {
    private static final PseudoClass PLAYING = PseudoClass.getPseudoClass("playing");
    private static final PseudoClass SELECTED = PseudoClass.getPseudoClass("selected");
    private static final long RESCALE_AFTER_NANOS = 1_000_000_000L;
    private final ImageView picture = new ImageView();
    private final Label caption = new Label();
    private final Label stateLabel = new Label();
    private final Region frame = new Region();
    private final FxFrameSurface surface;
    private final TilePlayer player;
    private final ResourceBundle text;
    private final Clock clock;
    private CameraSource camera;
    private boolean mainStream = true;
    private String playingUrl;
    private boolean offlineReported;
    private boolean reshaped;
    private long boxChangedNanos;
    private Consumer<CameraSource> onOffline = c -> { };
    private TileStatus status = TileStatus.idle();

    public CameraTile(VideoEngine engine, ScheduledExecutorService control, ResourceBundle text, Clock clock) {
        this(engine, control, text, clock, new FxFrameBatch());
    }

    CameraTile(VideoEngine engine, ScheduledExecutorService control, ResourceBundle text, Clock clock,
               FxFrameBatch batch) {
        this.surface = new FxFrameSurface(picture, batch);
        this.text = text;
        this.clock = clock;
        getStyleClass().add("camera-tile");
        setMinSize(80, 45);
        caption.getStyleClass().add("camera-tile-caption");
        stateLabel.getStyleClass().add("camera-tile-state");
        StackPane.setAlignment(caption, Pos.TOP_LEFT);
        StackPane.setAlignment(stateLabel, Pos.BOTTOM_LEFT);
        StackPane.setMargin(caption, new Insets(4));
        StackPane.setMargin(stateLabel, new Insets(4));
        caption.setMouseTransparent(true);
        stateLabel.setMouseTransparent(true);
        // The labels sit on a picture redrawn 15-30 times a second: keep them as bitmaps rather than re-render text.
        caption.setCache(true);
        stateLabel.setCache(true);
        // libvlc already scaled the picture to the tile: draw it pixel for pixel, never filtered.
        picture.setSmooth(false);
        // Selection and drop highlights go on a frame above the picture (a tile's own border is under it).
        frame.setMouseTransparent(true);
        getChildren().addAll(picture, caption, stateLabel, frame);
        widthProperty().addListener((o, a, b) -> boxChanged());
        heightProperty().addListener((o, a, b) -> boxChanged());
        this.player = engine.isAvailable() ? new TilePlayer(engine, surface, control, this::onStatus, clock) : null;
        if (player == null) {
            status = new TileStatus(TileState.UNAVAILABLE, 0, null, engine.problem());
        }
        refresh();
    }

    /** Shows {@code source}'s main stream, or clears the tile when null. The camera already shown stays as is. */
    public void show(CameraSource source) {
        show(source, mainStream);
    }

    /**
     * Shows {@code source} (null clears the tile) with its main stream (a tile shown alone) or its sub stream where
     * it has one (a small tile); only what changed restarts.
     */
    void show(CameraSource source, boolean main) {
        mainStream = main;
        if (source == null || camera == null || !source.cameraId().equals(camera.cameraId())) {
            camera = source;
            offlineReported = false;
            if (player != null) {
                status = TileStatus.idle();
            }
            surface.clear();
            refresh();
        }
        sync(false);
    }

    void setSelected(boolean selected) {
        pseudoClassStateChanged(SELECTED, selected);
        highlight(selected ? "#f2c14e" : null);
    }

    /** Draws a 2 px frame of that colour over the picture, or none when null. */
    void highlight(String colour) {
        frame.setStyle(colour == null ? "" : "-fx-border-color: " + colour + "; -fx-border-width: 2;");
    }

    /** Starts the current camera again (operator's request, or to let libvlc scale to a new tile size). */
    public void reconnect() {
        sync(true);
    }

    void setOnOffline(Consumer<CameraSource> listener) {
        onOffline = listener == null ? c -> { } : listener;
    }

    private void sync(boolean force) {
        if (player == null) {
            return;
        }
        String url = camera == null ? null : camera.streamUrl(mainStream);
        if (!force && Objects.equals(url, playingUrl)) {
            return;
        }
        if (!Objects.equals(url, playingUrl)) {
            reshaped = false;
        }
        playingUrl = url;
        if (url == null) {
            player.stop();
        } else {
            player.play(camera, mainStream);
        }
    }

    public CameraSource camera() {
        return camera;
    }

    public TileStatus status() {
        return status;
    }

    public long framesRendered() {
        return player == null ? 0 : player.framesRendered();
    }

    /** Frames that reached the FX thread since the camera was shown. */
    public long framesShown() {
        return surface.framesShown();
    }

    /** {@link System#nanoTime()} when the camera's first frame reached the FX thread, or -1. */
    public long firstFrameShownNanos() {
        return surface.firstShownNanos();
    }

    /** Frames libvlc decoded in the current attempt (the health check's view). */
    public int decodedFrames() {
        return player == null ? 0 : player.decodedFrames();
    }

    /**
     * Takes the current picture at the stream's size, burns in the camera and the time, writes a PNG and its
     * SHA-256 sidecar into {@code dir} on {@code io}; fails when the tile shows no live picture.
     */
    public CompletableFuture<Snapshot> snapshot(Path dir, ZoneId zone, Executor io) {
        CameraSource cam = camera;
        if (player == null || cam == null) {
            return CompletableFuture.failedFuture(new IllegalStateException("no camera on this tile"));
        }
        // The time burnt in is the grab's: a snapshot asked for during a reconnection waits for the picture.
        return player.grab().thenApply(image -> new Grabbed(image, clock.instant())).thenApplyAsync(grabbed -> {
            try {
                return SnapshotWriter.write(grabbed.image(), cam, grabbed.takenAt(), zone, dir);
            } catch (java.io.IOException e) {
                throw new CompletionException(e);
            }
        }, io);
    }

    private void boxChanged() {
        surface.setBox(getWidth(), getHeight());
        boxChangedNanos = System.nanoTime();
    }

    private void onStatus(TileStatus s) {
        CameraSource about = player.source();
        Platform.runLater(() -> {
            if (about != camera && s.state() != TileState.IDLE) {
                return;
            }
            status = s;
            if (s.state() == TileState.PLAYING) {
                offlineReported = false;
            } else if (s.state() == TileState.OFFLINE && !offlineReported && camera != null) {
                offlineReported = true;
                onOffline.accept(camera);
            }
            refresh();
        });
    }

    /**
     * FX thread, about once a second: the frame age; restarts the stream so that libvlc scales to the tile again,
     * once the tile has settled at a very new size, or once per stream when its frames turned out not to be of the
     * picture's shape (the first time a stream is seen).
     */
    void tick() {
        refresh();
        boolean settled = boxChangedNanos != 0 && System.nanoTime() - boxChangedNanos > RESCALE_AFTER_NANOS;
        if (settled) {
            boxChangedNanos = 0;
        }
        boolean reshape = !reshaped && surface.misshapen();
        if (status.state() == TileState.PLAYING && (reshape || settled && surface.needsRescale())) {
            reshaped |= reshape;
            reconnect();
        }
    }

    /** FX thread: redraws caption and state text. */
    public void refresh() {
        caption.setText(camera == null ? text.getString("tile.empty") : camera.name() + "  " + camera.cameraId());
        TileStatus s = status;
        String state = stateText(s.state());
        if (s.state() == TileState.RECONNECTING || s.state() == TileState.OFFLINE) {
            state += " #" + s.attempt();
        }
        if (s.lastFrameAt() != null && camera != null) {
            long age = Math.max(0, Duration.between(s.lastFrameAt(), Instant.now(clock)).toSeconds());
            state += "  " + String.format(text.getString("tile.frameAge"), age);
        }
        if (s.detail() != null && s.state() != TileState.PLAYING) {
            state += "  (" + s.detail() + ")";
        }
        stateLabel.setText(state);
        pseudoClassStateChanged(PLAYING, s.state() == TileState.PLAYING);
    }

    private String stateText(TileState state) {
        String key = "tile.state." + state.name().toLowerCase(Locale.ROOT);
        return text.containsKey(key) ? text.getString(key) : state.name().toLowerCase(Locale.ROOT);
    }

    /** Releases the native player; blocks; not on a vlcj callback thread nor the control thread. */
    public void release() {
        if (player != null) {
            player.close();
        }
    }

    private record Grabbed(java.awt.image.BufferedImage image, Instant takenAt) {
    }
}
