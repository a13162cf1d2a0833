package org.haechi.app.alarm;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
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
 * opens, the real table shows sample alarms for a few off-screen renderings of its scene ({@link #primeInScene}); once
 * it is open, a throw-away queue is filled and rendered off screen a few times ({@link #run}), so the code of a fill
 * is loaded and less cold. Nothing of it reaches the operator's queue, the cache or the bell. FX thread.
 */
public final class AlarmTableWarmUp {
    private static final Logger LOG = Logger.getLogger(AlarmTableWarmUp.class.getName());
    static final int ROUNDS = 3;
    static final int ROWS = 40;
    /** System property: how many renderings {@link #primeInScene} makes (a tuning switch for the benchmark). */
    public static final String ROUNDS_PROPERTY = "haechi.tableWarmUpRounds";
    static final int PRIME_ROUNDS = Integer.getInteger(ROUNDS_PROPERTY, 8);
    static final int PRIME_ROWS = 200;
    private static final String FAILED = "the alarm table's warm-up failed; the first storm may stutter";

    private AlarmTableWarmUp() {
    }

    /** How many off-screen renderings {@link #primeInScene} makes. */
    public static int primeRounds() {
        return PRIME_ROUNDS;
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
     * Before the window opens: the real queue's table shows sample alarms for eight (by default: see
     * {@link #ROUNDS_PROPERTY}) off-screen renderings of its scene, each after a change of rows made as a storm
     * makes it (one list change of rows added above and below those shown), then gets its real rows back. The
     * scene's style lookups for rows and cells are then made, and the code of a change, its layout and its painting
     * has run many times more. In {@code ./haechi bench table} the first fill after the window opened then took a
     * worst pulse of 56-110 ms against 118-151 ms with one rendering (median 59 against 120 ms), at the cost of one
     * to two seconds more before the window opens, the map's part included (docs/benchmarks.md, session 7). A
     * failure is logged and start-up goes on.
     */
    public static void primeInScene(AlarmBoardView view, Scene scene) {
        primeInScene(view, scene, rows -> { }, () -> { });
    }

    /**
     * As {@link #primeInScene(AlarmBoardView, Scene)}, and gives each rendering's sample rows to {@code alsoShow}
     * first, then runs {@code thenShowReal} once done: the console's map draws them too, so its alarm layer's first
     * storm is not its first drawing either (full ingest benchmark: first storm pulse p99 / max medians 52.2 / 81.0
     * ms with the map primed, against 61.4 / 104.0 ms without, six alternated runs each; docs/benchmarks.md,
     * session 7).
     */
    public static void primeInScene(AlarmBoardView view, Scene scene, Consumer<List<Alarm>> alsoShow,
                                    Runnable thenShowReal) {
        long start = System.nanoTime();
        try {
            // Filled before it is shown: an empty list equals the (empty) queue, and the table's items property does
            // not report a change to an equal list.
            QueueList rows = new QueueList();
            List<Alarm> first = merged(List.of(), samples(0));
            rows.replaceSorted(first, AlarmOrder.QUEUE);
            view.showMeanwhile(rows, () -> {
                try {
                    alsoShow.accept(first);
                    scene.snapshot(null);
                    List<Alarm> shown = first;
                    for (int round = 1; round < PRIME_ROUNDS; round++) {
                        shown = merged(shown, samples(round));
                        rows.replaceSorted(shown, AlarmOrder.QUEUE);
                        alsoShow.accept(shown);
                        scene.snapshot(null);
                    }
                } finally {
                    thenShowReal.run();
                }
            });
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, FAILED, e);
        }
        LOG.info(() -> "alarm table primed: " + (System.nanoTime() - start) / 1_000_000 + " ms in " + PRIME_ROUNDS
                + " renderings before the window opened");
    }

    /** The rows shown plus the new ones, in queue order, at most {@value #PRIME_ROWS}. */
    private static List<Alarm> merged(List<Alarm> shown, List<Alarm> added) {
        List<Alarm> all = new ArrayList<>(shown);
        all.addAll(added);
        all.sort(AlarmOrder.QUEUE);
        return new ArrayList<>(all.subList(0, Math.min(all.size(), PRIME_ROWS)));
    }

    static List<Alarm> samples(int round) {
        List<Alarm> alarms = new ArrayList<>(ROWS);
        Instant now = Instant.now();
        AlarmType[] types = AlarmType.values();
        Severity[] severities = Severity.values();
        AlarmState[] states = {AlarmState.NEW, AlarmState.ACKNOWLEDGED, AlarmState.ASSIGNED};
        for (int i = 0; i < ROWS; i++) {
            AlarmType type = types[(i + round) % types.length];
            // A later round is newer: its alarms sort above the earlier ones', as a storm's do.
            Instant at = now.minusSeconds(3600).plusSeconds(round * ROWS + i);
            alarms.add(new Alarm("warm-up-" + round + "-" + i, type, type.name(), severities[i % severities.length],
                    at, at, new GeoPoint(37.5665, 126.978), "warm-up", "비상벨 warm-up " + i, Map.of(),
                    states[i % states.length], i % 7 == 0));
        }
        return alarms;
    }
}
