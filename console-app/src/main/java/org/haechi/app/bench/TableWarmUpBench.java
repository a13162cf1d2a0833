package org.haechi.app.bench;

import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.animation.AnimationTimer;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.util.Duration;
import org.haechi.app.alarm.AlarmBoardView;
import org.haechi.app.alarm.AlarmBoardViewModel;
import org.haechi.app.alarm.AlarmTableWarmUp;
import org.haechi.core.alarm.Alarm;
import org.haechi.core.alarm.AlarmState;
import org.haechi.core.alarm.AlarmType;
import org.haechi.core.alarm.Severity;
import org.haechi.core.geo.GeoPoint;

/**
 * {@code ./haechi bench table}: the alarm queue's first fill after its window opened, on a fresh JVM each time (the
 * JIT's state is the point), with the start-up priming at one rendering (sessions 5 and 6) and at the shipped number
 * ({@link AlarmTableWarmUp#ROUNDS_PROPERTY}). Each child JVM primes the real queue view, opens it, then changes its
 * rows as a storm does (200 new alarms every 250 ms for 10 s) and reports the longest FX pulse interval of the
 * first fill (its first second) and of the rest. Runs alternate; medians are compared in the RESULT line.
 */
final class TableWarmUpBench {
    static final int RUNS = 3;
    private static final int CHANGES = 40;
    private static final int CHILD_TIMEOUT_S = 120;

    private TableWarmUpBench() {
    }

    static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("child")) {
            child();
            return;
        }
        int shipped = AlarmTableWarmUp.primeRounds();
        int[] variants = {1, shipped};
        double[][] firstFill = new double[variants.length][RUNS];
        for (int run = 0; run < RUNS; run++) {
            for (int v = 0; v < variants.length; v++) {
                double[] r = runChild(variants[v]);
                firstFill[v][run] = r[0];
                System.out.printf("priming %d rendering(s), run %d: first fill worst pulse %.1f ms, later worst "
                        + "%.1f ms%n", variants[v], run + 1, r[0], r[1]);
            }
        }
        double baseline = new Percentiles(firstFill[0]).p(50);
        double now = new Percentiles(firstFill[1]).p(50);
        System.out.printf("RESULT table first_fill_ms_1=%.1f first_fill_ms_%d=%.1f ratio=%.2f%n", baseline, shipped,
                now, now / baseline);
        System.exit(0);
    }

    private static double[] runChild(int rounds) throws Exception {
        List<String> cmd = new ArrayList<>();
        cmd.add(ProcessHandle.current().info().command().orElse("java"));
        for (String arg : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            // The launcher's heap, GC and properties; not a recording or an agent, whose files or ports would clash.
            if (!arg.startsWith("-D" + AlarmTableWarmUp.ROUNDS_PROPERTY + "=")
                    && !arg.startsWith("-XX:StartFlightRecording") && !arg.startsWith("-agent")
                    && !arg.startsWith("-javaagent")) {
                cmd.add(arg);
            }
        }
        cmd.add("-D" + AlarmTableWarmUp.ROUNDS_PROPERTY + "=" + rounds);
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), BenchMain.class.getName(), "table",
                "child"));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        // The child ends itself within CHILD_TIMEOUT_S; its whole output is read once it has.
        String output = new String(p.getInputStream().readAllBytes());
        String result = null;
        for (String line : output.split("\n")) {
            if (line.startsWith("CHILD ")) {
                result = line;
            }
        }
        if (p.waitFor() != 0 || result == null) {
            throw new IllegalStateException("the child JVM failed (priming " + rounds + "):\n" + output);
        }
        String[] parts = result.split(" ");
        return new double[] {Double.parseDouble(parts[1]), Double.parseDouble(parts[2])};
    }

    /** In the child JVM: prime, open, change the rows, report "CHILD firstFillWorst laterWorst" (ms). */
    private static void child() throws Exception {
        ConcurrentLinkedQueue<double[]> pulses = new ConcurrentLinkedQueue<>();
        CountDownLatch done = new CountDownLatch(1);
        long[] firstChange = {0};
        Platform.startup(() -> {
            try {
                open(pulses, done, firstChange);
            } catch (RuntimeException e) {
                e.printStackTrace();
                System.exit(1);
            }
        });
        if (!done.await(CHILD_TIMEOUT_S, TimeUnit.SECONDS)) {
            System.out.println("the storm did not end within " + CHILD_TIMEOUT_S + " s");
            System.exit(1);
        }
        double first = 0;
        double later = 0;
        for (double[] p : pulses) {
            if (p[0] <= 1000) {
                first = Math.max(first, p[1]);
            } else {
                later = Math.max(later, p[1]);
            }
        }
        System.out.printf(Locale.ROOT, "CHILD %.1f %.1f%n", first, later);
        System.exit(0);
    }

    /** FX thread: primes and opens the queue view, records pulse intervals, and changes the rows as a storm does. */
    private static void open(ConcurrentLinkedQueue<double[]> pulses, CountDownLatch done, long[] firstChange) {
        ResourceBundle text = ResourceBundle.getBundle("org.haechi.app.messages", Locale.ENGLISH);
        AlarmBoardViewModel vm = new AlarmBoardViewModel((id, kind, note) -> null, Runnable::run, Runnable::run);
        AlarmBoardView view = new AlarmBoardView(vm, text);
        Scene scene = new Scene(view, 600, 380);
        scene.getStylesheets().add(AlarmBoardView.class.getResource("/org/haechi/app/haechi.css").toExternalForm());
        AlarmTableWarmUp.primeInScene(view, scene);
        Stage stage = new Stage();
        stage.setScene(scene);
        stage.show();
        new AnimationTimer() {
            private long last;

            @Override
            public void handle(long now) {
                if (last != 0 && firstChange[0] != 0) {
                    pulses.add(new double[] {(now - firstChange[0]) / 1e6, (now - last) / 1e6});
                }
                last = now;
            }
        }.start();
        int[] change = {0};
        Timeline storm = new Timeline(new KeyFrame(Duration.millis(250), e -> {
            if (firstChange[0] == 0) {
                firstChange[0] = System.nanoTime();
            }
            vm.upsert(newAlarms(change[0]++));
        }));
        storm.setCycleCount(CHANGES);
        storm.setOnFinished(e -> done.countDown());
        // A second after the window opened: the window's own first pulses are not the fill's.
        new Timeline(new KeyFrame(Duration.seconds(1), e -> storm.play())).play();
    }

    private static List<Alarm> newAlarms(int change) {
        List<Alarm> alarms = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            Instant at = Instant.now();
            alarms.add(new Alarm("bench-" + change + "-" + i, AlarmType.CCTV_ANALYTICS, "CCTV_ANALYTICS",
                    Severity.MEDIUM, at, at, new GeoPoint(37.4979, 127.0276), "cam-gn-00017",
                    "Video analytics: loitering", Map.of(), AlarmState.NEW, false));
        }
        return alarms;
    }
}
