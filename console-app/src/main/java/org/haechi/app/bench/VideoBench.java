package org.haechi.app.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.concurrent.Callable;
import java.util.concurrent.ThreadLocalRandom;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.haechi.sim.video.TestStreamServer;
import org.haechi.video.CameraSource;
import org.haechi.video.CameraTile;
import org.haechi.video.CameraWall;
import org.haechi.video.VideoEngine;

/**
 * {@code ./haechi bench video [seconds per configuration] [starts]} (defaults 20 and 50): a real {@link CameraWall}
 * in a 1280x720 stage playing 640x360 H.264 test streams (15 frames/s, a keyframe every second) served on
 * 127.0.0.1. First the time from play to the first frame on the FX thread, on the first tile of a 2x2 wall: RTSP
 * through the relay, HTTP MPEG-TS, file. Then the CPU and memory of this process and its relays with 1, 4, 9 and 16
 * tiles against plain VLC decoding the same streams with no video output ({@link PlainVlc}), one after the other
 * in the same run. Ends with one RESULT line. For tuning: {@code -Dhaechi.bench.video.tiles=16} measures one
 * configuration, {@code -Dhaechi.bench.video.threads=true} prints CPU per thread name and the pulse rate.
 */
public final class VideoBench {
    static final int RTSP_STREAMS = 4;
    static final int[] TILES = {1, 4, 9, 16};
    private static final java.util.concurrent.atomic.AtomicLong PULSES = new java.util.concurrent.atomic.AtomicLong();
    private final int seconds;
    private final int starts;
    private final Path clips;
    private final TestStreamServer server;
    private final List<String> rtspUrls = new ArrayList<>();
    private VideoEngine engine;
    private CameraWall wall;

    private VideoBench(int seconds, int starts, Path clips) {
        this.seconds = seconds;
        this.starts = starts;
        this.clips = clips;
        this.server = new TestStreamServer(clips);
    }

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        int starts = args.length > 1 ? Integer.parseInt(args[1]) : 50;
        if (!TestStreamServer.toolsAvailable()) {
            System.err.println("video bench needs ffmpeg and cvlc (apt-get install ffmpeg vlc-bin)");
            System.exit(2);
        }
        Path clips = Path.of(System.getProperty("java.io.tmpdir"), "haechi-video-bench");
        Files.createDirectories(clips);
        Files.setPosixFilePermissions(clips, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        VideoBench bench = new VideoBench(seconds, starts, clips);
        int status = 0;
        try {
            bench.run();
        } catch (Exception e) {
            e.printStackTrace();
            status = 1;
        } finally {
            bench.close();
        }
        Platform.exit();
        System.exit(status);
    }

    private void run() throws Exception {
        System.out.println("machine: " + ProcessCpu.machine());
        for (int i = 0; i < RTSP_STREAMS; i++) {
            rtspUrls.add(server.serve("bench" + i, "BENCH CAM " + (i + 1), freePort()));
        }
        Platform.startup(() -> { });
        engine = VideoEngine.start();
        if (!engine.isAvailable()) {
            throw new IllegalStateException(engine.problem());
        }
        ResourceBundle text = ResourceBundle.getBundle("org.haechi.app.messages", Locale.ENGLISH);
        FxThread.call(() -> {
            wall = new CameraWall(engine, 1, text, Clock.systemUTC());
            Stage stage = new Stage();
            Scene scene = new Scene(wall, 1280, 720);
            scene.addPostLayoutPulseListener(PULSES::incrementAndGet);
            stage.setScene(scene);
            stage.show();
            return null;
        });
        Thread.sleep(2000);
        Path clip = clips.resolve("bench0.ts");
        double[] rtsp = timeToFirstFrame("rtsp", i -> rtspUrls.get(i % RTSP_STREAMS));
        double[] http = timeToFirstFrame("http", i -> HttpClipServer.serve(clip));
        timeToFirstFrame("file", i -> clip.toString());
        // -Dhaechi.bench.video.tiles=16 measures one configuration only, -1 none (when tuning).
        int only = Integer.getInteger("haechi.bench.video.tiles", 0);
        double[] ratios = new double[TILES.length];
        for (int k = 0; k < TILES.length; k++) {
            ratios[k] = only == 0 || only == TILES[k] ? cpuAgainstPlainVlc(TILES[k]) : Double.NaN;
        }
        System.out.printf(Locale.ROOT, "RESULT video ttff_p50_ms_rtsp=%.0f ttff_p95_ms_rtsp=%.0f ttff_p50_ms_http=%.0f "
                + "cpu_ratio_9=%.2f cpu_ratio_16=%.2f%n", new Percentiles(rtsp).p(50), new Percentiles(rtsp).p(95),
                new Percentiles(http).p(50), ratios[2], ratios[3]);
    }

    /**
     * Play to first frame on the FX thread, {@code starts} times, on the first tile of the console's default 2x2
     * wall (640x360 tiles, the streams' own size); misses are reported.
     */
    private double[] timeToFirstFrame(String kind, UrlSource urls) throws Exception {
        FxThread.call(() -> {
            wall.setTileCount(4);
            return null;
        });
        List<Double> ms = new ArrayList<>();
        int misses = 0;
        for (int i = 0; i < starts; i++) {
            String url = urls.url(i);
            CameraSource camera = new CameraSource(kind + "-" + i, kind.toUpperCase(Locale.ROOT) + " " + i, url);
            long t0 = FxThread.call(() -> {
                long t = System.nanoTime();
                wall.show(List.of(camera));
                return t;
            });
            CameraTile tile = FxThread.call(() -> wall.tiles().get(0));
            if (FxThread.await(() -> FxThread.call(tile::firstFrameShownNanos) > 0, 15)) {
                ms.add((FxThread.call(tile::firstFrameShownNanos) - t0) / 1e6);
            } else {
                misses++;
            }
            FxThread.call(() -> {
                wall.show(List.of());
                return null;
            });
            HttpClipServer.stopAll();
            // RTSP joins a running stream: a random pause makes starts fall at random points of its 1 s keyframe
            // interval. HTTP and file streams start at the clip's first (key) frame.
            Thread.sleep(kind.equals("rtsp") ? 300 + ThreadLocalRandom.current().nextInt(700) : 100);
        }
        double[] values = ms.stream().mapToDouble(Double::doubleValue).toArray();
        System.out.printf(Locale.ROOT, "time to first frame on screen, %s: %s, no frame within 15 s: %d%n", kind,
                new Percentiles(values).summary(" ms"), misses);
        return values;
    }

    /** Console (this process and its relays) against plain VLC, each decoding {@code tiles} streams. */
    private double cpuAgainstPlainVlc(int tiles) throws Exception {
        List<CameraSource> cameras = new ArrayList<>();
        for (int i = 0; i < tiles; i++) {
            cameras.add(new CameraSource("cpu-" + tiles + "-" + i, "CAM " + (i + 1), rtspUrls.get(i % RTSP_STREAMS)));
        }
        FxThread.call(() -> {
            wall.setTileCount(tiles);
            wall.show(cameras);
            return null;
        });
        FxThread.await(() -> FxThread.call(() -> wall.playingCount()) == tiles, 30);
        Thread.sleep(5000);
        List<CameraTile> shown = FxThread.call(() -> wall.tiles());
        long[] framesBefore = new long[tiles];
        for (int i = 0; i < tiles; i++) {
            CameraTile t = shown.get(i);
            framesBefore[i] = FxThread.call(t::framesShown);
        }
        java.util.Map<String, Long> threadsBefore = ThreadCpu.byName();
        long pulsesBefore = PULSES.get();
        Sample console = sample(() -> ProcessCpu.tree(ProcessHandle.current(),
                c -> c.contains("ffmpeg") && c.contains("pipe:1")));
        if (Boolean.getBoolean("haechi.bench.video.threads")) {
            System.out.println("console threads, % of one core: " + ThreadCpu.delta(threadsBefore, seconds)
                    + "; pulses per s " + (PULSES.get() - pulsesBefore) / seconds);
        }
        double minShown = Double.MAX_VALUE;
        double sumShown = 0;
        for (int i = 0; i < tiles; i++) {
            CameraTile t = shown.get(i);
            double perSecond = (FxThread.call(t::framesShown) - framesBefore[i]) / (double) seconds;
            minShown = Math.min(minShown, perSecond);
            sumShown += perSecond;
        }
        int playing = (int) (long) FxThread.call(() -> wall.playingCount());
        FxThread.call(() -> {
            wall.show(List.of());
            return null;
        });
        Thread.sleep(1000);
        Sample vlc;
        try (PlainVlc plain = new PlainVlc(cameras.stream().map(CameraSource::url).toList())) {
            Thread.sleep(4000);
            vlc = sample(plain::pids);
        }
        double ratio = console.cpuPercent() / vlc.cpuPercent();
        System.out.printf(Locale.ROOT, "%2d tiles: console %.0f%% CPU (of one core), %d MB (PSS), %d/%d playing, "
                + "frames shown per tile per s %.2f (lowest %.2f); plain VLC %.0f%% CPU, %d MB; ratio %.2f%n", tiles,
                console.cpuPercent(), console.pssKb() / 1024, playing, tiles, sumShown / tiles, minShown,
                vlc.cpuPercent(), vlc.pssKb() / 1024, ratio);
        return ratio;
    }

    /** CPU and memory of the processes listed, over {@code seconds}; only those alive throughout count. */
    private Sample sample(Callable<List<Long>> pids) throws Exception {
        java.util.Map<Long, Long> before = new java.util.HashMap<>();
        pids.call().forEach(p -> before.put(p, ProcessCpu.ticks(p)));
        long start = System.nanoTime();
        Thread.sleep(seconds * 1000L);
        double elapsed = (System.nanoTime() - start) / 1e9;
        List<Long> both = pids.call().stream().filter(before::containsKey).toList();
        long used = both.stream().mapToLong(p -> ProcessCpu.ticks(p) - before.get(p)).sum();
        return new Sample(100.0 * used / ProcessCpu.TICKS_PER_SECOND / elapsed, ProcessCpu.pssKb(both));
    }

    private record Sample(double cpuPercent, long pssKb) {
    }

    @FunctionalInterface
    private interface UrlSource {
        String url(int index) throws Exception;
    }

    static int freePort() throws java.io.IOException {
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private void close() {
        try {
            if (wall != null) {
                FxThread.call(() -> {
                    wall.release();
                    return null;
                });
            }
        } catch (Exception e) {
            e.printStackTrace();
        }
        if (engine != null) {
            engine.close();
        }
        HttpClipServer.stopAll();
        server.close();
    }
}
