package org.haechi.app.shell;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.jms.Connection;
import jakarta.jms.Session;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.application.Application;
import javafx.scene.control.Button;
import javafx.scene.control.TableView;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.haechi.app.HaechiApp;
import org.haechi.app.LaunchOptions;
import org.haechi.core.geo.GeoPoint;
import org.haechi.map.view.MapView;
import org.haechi.core.alarm.Alarm;
import org.haechi.core.alarm.AlarmState;
import org.haechi.messaging.bus.BusAddresses;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The real main window, headless, on its embedded broker (no simulator): an alarm published by a plain JMS client
 * appears in the queue, in the cache and in the metrics; a malformed one is only counted as rejected.
 */
class MainWindowTest {
    @TempDir
    static Path dataDir;
    static Application app;
    static int brokerPort;
    static int metricsPort;
    final FxRobot robot = new FxRobot();

    @BeforeAll
    static void launch() throws Exception {
        System.setProperty("haechi.noExit", "true");
        brokerPort = freePort();
        metricsPort = freePort();
        HaechiApp.useOptions(new LaunchOptions(null, dataDir, false, Locale.ENGLISH, null, 0, metricsPort,
                "op-test", 0, brokerPort, BusAddresses.DEAD_LETTER,
                LaunchOptions.DEFAULT_TRAIL_RETENTION));
        FxToolkit.registerPrimaryStage();
        app = FxToolkit.setupApplication(HaechiApp.class);
        await(() -> metrics().contains("haechi_broker_connected 1.0"), 30);
    }

    @AfterAll
    static void close() throws Exception {
        FxToolkit.cleanupApplication(app);
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    static String metrics() {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                    + metricsPort + "/metrics")).build(), HttpResponse.BodyHandlers.ofString()).body();
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }

    static void await(BooleanSupplier condition, int seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
    }

    static void publish(List<String> bodies) throws Exception {
        publish("haechi.alarms", bodies);
    }

    static void publish(String address, List<String> bodies) throws Exception {
        try (Connection c = new ActiveMQConnectionFactory("tcp://127.0.0.1:" + brokerPort).createConnection();
             Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE)) {
            var producer = s.createProducer(s.createTopic(address));
            for (String b : bodies) {
                producer.send(s.createTextMessage(b));
            }
        }
    }

    static String asset(String kind, String id, double lat, double lon, String name) {
        return "{\"schema\":\"haechi.asset/1\",\"kind\":\"" + kind + "\",\"id\":\"" + id + "\",\"lat\":" + lat
                + ",\"lon\":" + lon + ",\"name\":\"" + name + "\",\"status\":\"ONLINE\"}";
    }

    MapView map() {
        return robot.lookup("#map").queryAs(MapView.class);
    }

    /** Shows a point at street zoom and waits until the map's hit test finds something there. */
    void showAndWaitFor(double lat, double lon) throws Exception {
        await(() -> {
            robot.interact(() -> map().centreOn(new GeoPoint(lat, lon), 0.5));
            boolean[] found = {false};
            robot.interact(() -> found[0] = map().hit(map().getWidth() / 2, map().getHeight() / 2).isPresent());
            return found[0];
        }, 30);
    }

    @Test
    void clickingACameraOnTheMapShowsItsDetails() throws Exception {
        publish("haechi.assets", List.of(asset("CAMERA", "cam-ui-1", 37.5400, 127.0600, "성수동 테스트 카메라")));
        showAndWaitFor(37.5400, 127.0600);
        robot.clickOn(map());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#details-heading").queryLabeled().getText()).isEqualTo("성수동 테스트 카메라");
    }

    @Test
    void drawingAPolygonZoneListsWhatIsInside() throws Exception {
        publish("haechi.assets", List.of(asset("CAMERA", "cam-zone-1", 37.5200, 126.9000, "zone camera"),
                asset("SCHOOL", "school-zone-1", 37.5201, 126.9001, "zone school"),
                asset("CAMERA", "cam-outside-1", 37.5300, 126.9000, "far camera")));
        showAndWaitFor(37.5200, 126.9000);
        robot.interact(() -> map().centreOn(new GeoPoint(37.5200, 126.9000), 0.5));
        robot.clickOn("#tool-polygon");
        var b = map().localToScreen(map().getBoundsInLocal());
        double cx = b.getMinX() + b.getWidth() / 2;
        double cy = b.getMinY() + b.getHeight() / 2;
        robot.clickOn(cx - 60, cy + 60);
        robot.clickOn(cx + 60, cy + 60);
        robot.clickOn(cx + 60, cy - 60);
        robot.doubleClickOn(cx - 60, cy - 60);
        WaitForAsyncUtils.waitFor(10, java.util.concurrent.TimeUnit.SECONDS, () ->
                !robot.lookup("#zone-summary").queryLabeled().getText().endsWith("counting..."));
        String summary = robot.lookup("#zone-summary").queryLabeled().getText();
        assertThat(summary).contains("cameras: 1").contains("schools: 1");
        robot.clickOn("#tool-select");
    }

    @Test
    void importingTheKoreanStandardCsvFromTheWindowShowsWhatCameIn() throws Exception {
        Path csv = Path.of(MainWindowTest.class.getResource("/import/cctv-gangnam-50-cp949.csv").toURI());
        robot.interact(() -> new org.haechi.app.importer.ImportDialog(
                ((org.haechi.app.HaechiApp) app).runtimeForTests().cache(), Runnable::run, d -> { })
                .open(robot.window(0), csv));
        robot.clickOn(robot.lookup(".button").match(n -> n instanceof Button b && b.getText().equals("Import"))
                .queryButton());
        await(() -> robot.lookup(".text-area").queryAll().stream().anyMatch(n ->
                ((javafx.scene.control.TextArea) n).getText().startsWith("IMPORTED")), 30);
        String report = robot.lookup(".text-area").queryAll().stream().map(n ->
                ((javafx.scene.control.TextArea) n).getText()).filter(t -> t.startsWith("IMPORTED")).findFirst()
                .orElseThrow();
        assertThat(report).startsWith("IMPORTED 50 SKIPPED 0").contains("charset CP949");
        robot.interact(() -> robot.window("Import cctv-gangnam-50-cp949.csv").hide());
    }

    @SuppressWarnings("unchecked")
    TableView<Alarm> table() {
        return robot.lookup("#alarm-table").queryAs(TableView.class);
    }

    boolean tableHas(String id) {
        return table().getItems().stream().anyMatch(a -> a.id().equals(id));
    }

    @Test
    void publishedAlarmAppearsInQueueCacheAndMetricsAndCanBeAcknowledged() throws Exception {
        String alarm = "{\"schema\":\"haechi.alarm/1\",\"id\":\"ui-bell-1\",\"type\":\"EMERGENCY_BELL\","
                + "\"severity\":\"CRITICAL\",\"occurredAt\":\"2026-11-28T05:12:00Z\",\"location\":{\"lat\":37.4979,"
                + "\"lon\":127.0276},\"title\":\"Emergency bell pressed at Gangnam station exit 10\"}";
        publish(List.of(alarm, alarm, "{not json"));
        await(() -> tableHas("ui-bell-1") && metrics().contains("haechi_cache_alarms 1.0"), 30);
        assertThat(table().getItems()).extracting(Alarm::id).containsExactly("ui-bell-1");
        String m = metrics();
        assertThat(m).contains("haechi_messages_received_total{address=\"haechi.alarms\"} 3.0");
        assertThat(m).contains("haechi_messages_rejected_total{address=\"haechi.alarms\"} 1.0");
        assertThat(m).contains("haechi_cache_alarms 1.0");

        robot.interact(() -> table().getSelectionModel().select(0));
        robot.clickOn((Button) robot.lookup(".button").match(n -> n instanceof Button b
                && b.getText().equals("Acknowledge")).query());
        await(() -> table().getItems().get(0).state() == AlarmState.ACKNOWLEDGED, 10);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(table().getItems().get(0).state()).isEqualTo(AlarmState.ACKNOWLEDGED);
    }
}
