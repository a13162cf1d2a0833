package org.haechi.app.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javafx.application.Application;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import org.haechi.app.HaechiApp;
import org.haechi.app.LaunchOptions;
import org.haechi.core.alarm.Alarm;
import org.haechi.core.alarm.AlarmType;
import org.haechi.messaging.bus.BusAddresses;
import org.haechi.messaging.cache.AuditRecord;
import org.haechi.messaging.cache.CacheStores;
import org.haechi.video.CameraSource;
import org.haechi.video.CameraWall;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

/**
 * The real main window on its embedded broker, with a camera whose stream is refused (nothing listens on its port):
 * once its tile has been dark for the offline time (shortened to 2 s here) the console raises one CAMERA_OFFLINE
 * alarm, stores it, audits it and shows it in the queue.
 */
class WallWiringTest {
    @TempDir
    static Path dataDir;
    static Application app;
    final FxRobot robot = new FxRobot();

    @BeforeAll
    static void launch() throws Exception {
        System.setProperty("haechi.noExit", "true");
        System.setProperty("haechi.video.offlineAfterSeconds", "2");
        HaechiApp.useOptions(new LaunchOptions(null, dataDir, false, Locale.ENGLISH, null, 0, 0, "op-wall", 0,
                MainWindowTest.freePort(), BusAddresses.DEAD_LETTER,
                LaunchOptions.DEFAULT_TRAIL_RETENTION));
        FxToolkit.registerPrimaryStage();
        app = FxToolkit.setupApplication(HaechiApp.class);
    }

    @AfterAll
    static void close() throws Exception {
        FxToolkit.cleanupApplication(app);
        System.clearProperty("haechi.video.offlineAfterSeconds");
    }

    CacheStores cache() {
        return ((HaechiApp) app).runtimeForTests().cache();
    }

    @SuppressWarnings("unchecked")
    TableView<Alarm> table() {
        return robot.lookup("#alarm-table").queryAs(TableView.class);
    }

    @Test
    void aCameraThatStaysDarkRaisesOneOfflineAlarm() throws Exception {
        int closedPort = MainWindowTest.freePort();
        CameraWall wall = robot.lookup(".camera-wall").queryAs(CameraWall.class);
        robot.interact(() -> wall.show(List.of(new CameraSource("cam-dead-1", "Dead camera",
                "http://127.0.0.1:" + closedPort + "/stream.ts"))));
        MainWindowTest.await(() -> table().getItems().stream().anyMatch(a -> a.type() == AlarmType.CAMERA_OFFLINE),
                60);
        List<Alarm> offline = table().getItems().stream().filter(a -> a.type() == AlarmType.CAMERA_OFFLINE)
                .toList();
        assertThat(offline).hasSize(1);
        Alarm alarm = offline.get(0);
        assertThat(alarm.sourceId()).isEqualTo("cam-dead-1");
        assertThat(alarm.title()).contains("Dead camera");
        assertThat(cache().alarms().find(alarm.id())).isNotNull();
        List<AuditRecord> audit = cache().actions().audit().read(1, 100);
        assertThat(audit).anyMatch(r -> r.kind().equals("ALARM_RAISED") && r.subject().equals(alarm.id()));
        assertThat(cache().actions().audit().verify().ok()).isTrue();
        // Published once connected: nothing stays queued.
        MainWindowTest.await(() -> {
            try {
                return cache().raised().queued().isEmpty();
            } catch (Exception e) {
                return false;
            }
        }, 30);
        assertThat(cache().raised().queued()).isEmpty();
        // Staying dark does not raise it again.
        Thread.sleep(3000);
        assertThat(table().getItems().stream().filter(a -> a.type() == AlarmType.CAMERA_OFFLINE)).hasSize(1);
    }

    @Test
    void aSnapshotTakenWithTheSKeyIsInTheAuditTrail(@TempDir Path clips) throws Exception {
        Path clip = clips.resolve("clip.ts");
        Process ffmpeg = new ProcessBuilder("ffmpeg", "-hide_banner", "-loglevel", "error", "-nostdin", "-f", "lavfi",
                "-i", "testsrc=size=320x180:rate=15", "-t", "60", "-c:v", "libx264", "-preset", "ultrafast", "-g",
                "15", clip.toString()).inheritIO().start();
        assertThat(ffmpeg.waitFor()).isZero();
        CameraWall wall = robot.lookup(".camera-wall").queryAs(CameraWall.class);
        robot.interact(() -> wall.show(List.of(new CameraSource("cam-snap-1", "Snapshot camera",
                clip.toUri().toString()))));
        MainWindowTest.await(() -> wall.tiles().get(0).firstFrameShownNanos() > 0, 30);
        robot.clickOn(wall.tiles().get(0));
        robot.type(KeyCode.S);
        MainWindowTest.await(() -> snapshots().size() == 1, 30);
        List<AuditRecord> records = snapshots();
        assertThat(records).hasSize(1);
        AuditRecord r = records.get(0);
        assertThat(r.subject()).isEqualTo("cam-snap-1");
        assertThat(r.operator()).isEqualTo("op-wall");
        var details = new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.details());
        Path png = Path.of(details.get("file").asText());
        assertThat(png).exists();
        assertThat(Files.readString(png.resolveSibling(png.getFileName() + ".sha256")))
                .startsWith(details.get("sha256").asText());
        assertThat(cache().actions().audit().verify().ok()).isTrue();
    }

    List<AuditRecord> snapshots() {
        try {
            return cache().actions().audit().read(1, 1000).stream().filter(a -> a.kind().equals("SNAPSHOT"))
                    .toList();
        } catch (Exception e) {
            return List.of();
        }
    }
}
