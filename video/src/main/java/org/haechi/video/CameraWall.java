package org.haechi.video;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.ResourceBundle;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.RowConstraints;
import javafx.util.Duration;

/**
 * A grid of camera tiles (2x2 by default). FX thread only. Owns the control thread on which every libvlc call of its
 * tiles runs; {@link #release()} stops players, then that thread (the engine is closed by its owner afterwards).
 */
public final class CameraWall extends GridPane {
    private final List<CameraTile> tiles = new ArrayList<>();
    private final ScheduledExecutorService control = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "haechi-video-control");
        t.setDaemon(true);
        return t;
    });
    private final Timeline ticker;

    public CameraWall(VideoEngine engine, int columns, int rows, ResourceBundle text, Clock clock) {
        getStyleClass().add("camera-wall");
        setHgap(2);
        setVgap(2);
        for (int c = 0; c < columns; c++) {
            ColumnConstraints cc = new ColumnConstraints();
            cc.setPercentWidth(100.0 / columns);
            cc.setHgrow(Priority.ALWAYS);
            getColumnConstraints().add(cc);
        }
        for (int r = 0; r < rows; r++) {
            RowConstraints rc = new RowConstraints();
            rc.setPercentHeight(100.0 / rows);
            rc.setVgrow(Priority.ALWAYS);
            getRowConstraints().add(rc);
        }
        for (int i = 0; i < columns * rows; i++) {
            CameraTile tile = new CameraTile(engine, control, text, clock);
            tile.setMaxSize(Double.MAX_VALUE, Double.MAX_VALUE);
            tiles.add(tile);
            add(tile, i % columns, i / columns);
        }
        ticker = new Timeline(new KeyFrame(Duration.seconds(1), e -> tiles.forEach(CameraTile::refresh)));
        ticker.setCycleCount(Timeline.INDEFINITE);
        ticker.play();
    }

    /** Shows the given cameras in order, nearest first; tiles left over are cleared. */
    public void show(List<CameraSource> cameras) {
        for (int i = 0; i < tiles.size(); i++) {
            tiles.get(i).show(i < cameras.size() ? cameras.get(i) : null);
        }
    }

    public List<CameraTile> tiles() {
        return List.copyOf(tiles);
    }

    /** Number of tiles currently playing. */
    public long playingCount() {
        return tiles.stream().filter(t -> t.status().state() == TileState.PLAYING).count();
    }

    /** Releases every player, then the control thread. Call off the FX thread is not required, but it blocks. */
    public void release() {
        ticker.stop();
        tiles.forEach(CameraTile::release);
        control.shutdown();
        try {
            control.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
