package org.haechi.app.map;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import org.haechi.core.alarm.Alarm;
import org.haechi.core.alarm.AlarmState;
import org.haechi.core.alarm.AlarmType;
import org.haechi.core.alarm.Severity;
import org.haechi.core.geo.GeoPoint;
import org.haechi.map.view.MapFeature;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;

/** The start-up warm-up's samples are on the map only meanwhile; the alarms shown before come back. */
class ConsoleMapDrawMeanwhileTest {
    private static final GeoPoint HERE = new GeoPoint(37.5665, 126.978);

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @Test
    void samplesAreDrawnOnlyMeanwhile() throws Exception {
        AtomicReference<Optional<MapFeature>> before = new AtomicReference<>();
        AtomicReference<Optional<MapFeature>> during = new AtomicReference<>();
        AtomicReference<Optional<MapFeature>> after = new AtomicReference<>();
        FxToolkit.setupFixture(() -> {
            try (ConsoleMap map = new ConsoleMap(false, Clock.systemUTC())) {
                StackPane root = new StackPane(map.view());
                new Scene(root, 800, 600);
                root.applyCss();
                root.layout();
                map.view().centreOn(HERE, 2);
                double x = map.view().getWidth() / 2;
                double y = map.view().getHeight() / 2;
                map.showAlarms(List.of(alarm("real-1")));
                before.set(map.view().hit(x, y));
                map.drawMeanwhile(List.of(alarm("sample-1")));
                during.set(map.view().hit(x, y));
                map.drawAlarmsAgain();
                after.set(map.view().hit(x, y));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        assertThat(before.get()).map(MapFeature::id).contains("real-1");
        assertThat(during.get()).map(MapFeature::id).contains("sample-1");
        assertThat(after.get()).map(MapFeature::id).contains("real-1");
    }

    private static Alarm alarm(String id) {
        Instant t = Instant.parse("2026-11-28T05:00:00Z");
        return new Alarm(id, AlarmType.EMERGENCY_BELL, "EMERGENCY_BELL", Severity.HIGH, t, t, HERE, null, "t",
                Map.of(), AlarmState.NEW, false);
    }
}
