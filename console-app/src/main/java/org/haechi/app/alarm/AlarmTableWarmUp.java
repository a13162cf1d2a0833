package org.haechi.app.alarm;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.concurrent.Executor;
import java.util.logging.Level;
import java.util.logging.Logger;
import javafx.scene.Scene;
import org.haechi.core.alarm.Alarm;
import org.haechi.core.alarm.AlarmState;
import org.haechi.core.alarm.AlarmType;
import org.haechi.core.alarm.Severity;
import org.haechi.core.geo.GeoPoint;

/**
 * Makes the alarm table's first fill happen before the first storm: a cold first fill took a 370 ms layout pass and
 * 150 ms of painting in one pulse while the storm was arriving (docs/benchmarks.md, session 5). Before the window
 * opens, the real table shows sample alarms for one off-screen rendering of its scene ({@link #primeInScene}); once
 * it is open, a throw-away queue is filled and rendered off screen a few times ({@link #run}), so the code of a fill
 * is loaded and less cold. Nothing of it reaches the operator's queue, the cache or the bell. FX thread.
 */
public final class AlarmTableWarmUp {
    private static final Logger LOG = Logger.getLogger(AlarmTableWarmUp.class.getName());
    static final int ROUNDS = 3;
    static final int ROWS = 40;
    private static final String FAILED = "the alarm table's warm-up failed; the first storm may stutter";

    private AlarmTableWarmUp() {
    }

    /**
     * Lays out and renders (to an image) a queue of sample alarms {@value #ROUNDS} times, one round per task given to
     * {@code fx} (the FX thread's {@code Platform::runLater}, so the window's pulses run in between; a test passes
     * {@code Runnable::run}), then drops it.
     */
    public static void run(ResourceBundle text, List<String> stylesheets, Executor fx) {
        fx.execute(() -> {
            try {
                AlarmBoardViewModel vm = new AlarmBoardViewModel((id, kind, note) -> null, Runnable::run,
                        Runnable::run);
                AlarmBoardView view = new AlarmBoardView(vm, text);
                Scene scene = new Scene(view, 600, 380);
                scene.getStylesheets().addAll(stylesheets);
                round(vm, view, 0, 0, fx);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, FAILED, e);
            }
        });
    }

    private static void round(AlarmBoardViewModel vm, AlarmBoardView view, int round, long nanosSoFar, Executor fx) {
        long start = System.nanoTime();
        try {
            vm.upsert(samples(round));
            view.snapshot(null, null);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, FAILED, e);
            return;
        }
        long total = nanosSoFar + System.nanoTime() - start;
        if (round + 1 < ROUNDS) {
            fx.execute(() -> round(vm, view, round + 1, total, fx));
        } else {
            LOG.info(() -> "alarm table warm-up: " + total / 1_000_000 + " ms on the FX thread in " + ROUNDS
                    + " steps");
        }
    }

    /**
     * Shows sample alarms in the real queue's table for one off-screen rendering of its scene, before the window
     * opens, then gives the table back its real rows: the scene's style lookups for the table's rows and cells are
     * then made. A failure is logged and start-up goes on.
     */
    public static void primeInScene(AlarmBoardView view, Scene scene) {
        try {
            view.showMeanwhile(samples(0), () -> scene.snapshot(null));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, FAILED, e);
        }
    }

    static List<Alarm> samples(int round) {
        List<Alarm> alarms = new ArrayList<>(ROWS);
        Instant now = Instant.now();
        AlarmType[] types = AlarmType.values();
        Severity[] severities = Severity.values();
        AlarmState[] states = {AlarmState.NEW, AlarmState.ACKNOWLEDGED, AlarmState.ASSIGNED};
        for (int i = 0; i < ROWS; i++) {
            AlarmType type = types[(i + round) % types.length];
            Instant at = now.minusSeconds(round * ROWS + i);
            alarms.add(new Alarm("warm-up-" + round + "-" + i, type, type.name(), severities[i % severities.length],
                    at, at, new GeoPoint(37.5665, 126.978), "warm-up", "비상벨 warm-up " + i, Map.of(),
                    states[i % states.length], i % 7 == 0));
        }
        return alarms;
    }
}
