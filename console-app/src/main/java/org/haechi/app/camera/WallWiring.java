package org.haechi.app.camera;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.haechi.app.map.ConsoleMap;
import org.haechi.core.alarm.Alarm;
import org.haechi.video.CameraWall;
import org.haechi.video.Snapshot;

/**
 * Connects the camera wall to the rest of the console: a camera whose tile stays dark raises a CAMERA_OFFLINE
 * alarm, every snapshot goes to the audit trail, and cameras can be dragged from the map onto a tile. The cache
 * writes run on {@code work}, never on the FX thread. Wire once, on the FX thread.
 */
public final class WallWiring {
    private static final Logger LOG = Logger.getLogger(WallWiring.class.getName());

    private WallWiring() {
    }

    /** Stores and publishes an alarm this console raises (off the FX thread). */
    @FunctionalInterface
    public interface AlarmRaiser {
        void raise(Alarm alarm) throws Exception;
    }

    /** Records a snapshot in the audit trail (off the FX thread). */
    @FunctionalInterface
    public interface SnapshotAudit {
        void record(Snapshot snapshot) throws Exception;
    }

    public static void wire(CameraWall wall, ConsoleMap map, String consoleId, Clock clock, AlarmRaiser raiser,
                            Path snapshotDir, SnapshotAudit audit, Executor work) {
        wall.setOnCameraOffline(camera -> {
            String why = wall.tiles().stream().filter(t -> camera.equals(t.camera()))
                    .map(t -> t.status().detail()).filter(Objects::nonNull).findFirst().orElse(null);
            Alarm alarm = OfflineCameraAlarm.of(camera, map.camera(camera.cameraId()), consoleId, clock.instant(),
                    why);
            work.execute(() -> {
                try {
                    raiser.raise(alarm);
                } catch (Exception e) {
                    LOG.log(Level.SEVERE, "CAMERA_OFFLINE alarm for " + camera.cameraId() + " not stored", e);
                }
            });
        });
        wall.setOnSnapshot(snapshotDir, s -> work.execute(() -> {
            try {
                audit.record(s);
            } catch (Exception e) {
                LOG.log(Level.SEVERE, "snapshot " + s.file() + " not recorded in the audit trail", e);
            }
        }));
        CameraDragSource.fromMap(map.view());
    }
}
