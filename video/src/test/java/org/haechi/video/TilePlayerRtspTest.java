package org.haechi.video;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.haechi.sim.video.TestStreamServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Plays real RTSP streams served by VLC on 127.0.0.1 (through the ffmpeg relay where libvlc lacks RTSP). */
class TilePlayerRtspTest {
    @TempDir
    static Path clips;
    static TestStreamServer server;
    static VideoEngine engine;
    static String url;
    static ScheduledExecutorService control;

    @BeforeAll
    static void serve() throws Exception {
        engine = VideoEngine.start();
        assumeTrue(engine.isAvailable() && TestStreamServer.toolsAvailable(), "libvlc, ffmpeg and cvlc needed");
        server = new TestStreamServer(clips);
        url = server.serve("cam1", "TEST CAM 1", freePort());
        control = Executors.newSingleThreadScheduledExecutor();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
        if (control != null) {
            control.shutdownNow();
        }
        if (engine != null) {
            engine.close();
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    @Test
    void framesArriveFromRealRtspStreamAndTileReportsPlaying() throws Exception {
        AtomicInteger frames = new AtomicInteger();
        int[] size = new int[2];
        double[] aspect = {Double.NaN};
        List<TileStatus> statuses = new CopyOnWriteArrayList<>();
        FrameSink sink = new FrameSink() {
            @Override
            public void frame(ByteBuffer bgra, int w, int h) {
                frames.incrementAndGet();
                size[0] = w;
                size[1] = h;
            }

            @Override
            public void displayAspect(double a) {
                aspect[0] = a;
            }
        };
        TilePlayer player = new TilePlayer(engine, sink, control, statuses::add, Clock.systemUTC());
        try {
            player.play(new CameraSource("cam1", "Test camera", url));
            waitFor(() -> frames.get() >= 25, 30);
            assertThat(frames.get()).isGreaterThanOrEqualTo(25);
            assertThat(size[0]).isEqualTo(640);
            waitFor(() -> statuses.stream().anyMatch(s -> s.state() == TileState.PLAYING), 5);
            waitFor(() -> Double.isFinite(aspect[0]), 5);
            assertThat(aspect[0]).as("true 16:9 aspect, whatever libvlc's buffer height")
                    .isCloseTo(640.0 / 360.0, org.assertj.core.data.Offset.offset(0.01));
            assertThat(statuses).extracting(TileStatus::state).contains(TileState.CONNECTING, TileState.PLAYING);
        } finally {
            player.close();
        }
    }

    @Test
    void unreachableStreamGivesClearStateAndNoException() throws Exception {
        List<TileStatus> statuses = new CopyOnWriteArrayList<>();
        TilePlayer player = new TilePlayer(engine, (b, w, h) -> { }, control, statuses::add, Clock.systemUTC());
        try {
            player.play(new CameraSource("nowhere", "Nowhere", "rtsp://127.0.0.1:" + freePort() + "/none"));
            waitFor(() -> statuses.stream().anyMatch(s -> s.state() == TileState.RECONNECTING), 20);
            assertThat(statuses).extracting(TileStatus::state).contains(TileState.RECONNECTING)
                    .doesNotContain(TileState.PLAYING);
            assertThat(statuses.stream().filter(s -> s.detail() != null).findFirst()).isPresent();
        } finally {
            player.close();
        }
    }

    static void waitFor(java.util.function.BooleanSupplier condition, int seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
    }
}
