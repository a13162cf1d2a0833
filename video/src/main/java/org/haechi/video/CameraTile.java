package org.haechi.video;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ResourceBundle;
import java.util.concurrent.ScheduledExecutorService;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.scene.layout.StackPane;

/**
 * One tile of the camera wall: the picture, the camera's name, its state and the age of the last frame. FX thread
 * only, except that the player behind it reports from its own thread (handed over with runLater).
 */
public final class CameraTile extends StackPane {
    private final ImageView picture = new ImageView();
    private final Label caption = new Label();
    private final Label stateLabel = new Label();
    private final FxFrameSurface surface = new FxFrameSurface(picture);
    private final TilePlayer player;
    private final ResourceBundle text;
    private final Clock clock;
    private CameraSource camera;
    private volatile TileStatus status = new TileStatus(TileState.IDLE, 0, null, null);

    public CameraTile(VideoEngine engine, ScheduledExecutorService control, ResourceBundle text, Clock clock) {
        this.text = text;
        this.clock = clock;
        getStyleClass().add("camera-tile");
        setMinSize(160, 90);
        caption.getStyleClass().add("camera-tile-caption");
        stateLabel.getStyleClass().add("camera-tile-state");
        StackPane.setAlignment(caption, Pos.TOP_LEFT);
        StackPane.setAlignment(stateLabel, Pos.BOTTOM_LEFT);
        StackPane.setMargin(caption, new Insets(4));
        StackPane.setMargin(stateLabel, new Insets(4));
        getChildren().addAll(picture, caption, stateLabel);
        widthProperty().addListener((o, a, b) -> surface.setBox(getWidth(), getHeight()));
        heightProperty().addListener((o, a, b) -> surface.setBox(getWidth(), getHeight()));
        this.player = engine.isAvailable() ? new TilePlayer(engine, surface, control, this::onStatus, clock) : null;
        if (player == null) {
            status = new TileStatus(TileState.UNAVAILABLE, 0, null, engine.problem());
        }
        refresh();
    }

    /** Shows {@code source}, or clears the tile when null. */
    public void show(CameraSource source) {
        if (source != null && camera != null && source.cameraId().equals(camera.cameraId())) {
            return;
        }
        camera = source;
        surface.clear();
        if (player != null) {
            if (source == null) {
                player.stop();
            } else {
                player.play(source);
            }
        }
        refresh();
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

    private void onStatus(TileStatus s) {
        status = s;
        Platform.runLater(this::refresh);
    }

    /** FX thread: redraws caption and state text (also called once a second for the frame age). */
    public void refresh() {
        caption.setText(camera == null ? text.getString("tile.empty") : camera.name() + "  " + camera.cameraId());
        TileStatus s = status;
        String state = text.getString("tile.state." + s.state().name().toLowerCase(java.util.Locale.ROOT));
        if (s.state() == TileState.RECONNECTING || s.state() == TileState.NO_SIGNAL) {
            state += " #" + s.attempt();
        }
        if (s.lastFrameAt() != null && camera != null) {
            long age = Duration.between(s.lastFrameAt(), Instant.now(clock)).toSeconds();
            state += "  " + String.format(text.getString("tile.frameAge"), age);
        }
        if (s.detail() != null && s.state() != TileState.PLAYING) {
            state += "  (" + s.detail() + ")";
        }
        stateLabel.setText(state);
        pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("playing"), s.state() == TileState.PLAYING);
    }

    /** Releases the native player; blocks; not on a vlcj callback thread. */
    public void release() {
        if (player != null) {
            player.close();
        }
    }
}
