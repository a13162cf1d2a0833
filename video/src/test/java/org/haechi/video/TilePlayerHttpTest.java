package org.haechi.video;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** HTTP sources served by ffmpeg's own listener on 127.0.0.1 (MPEG-TS and MJPEG), and a local file. */
class TilePlayerHttpTest {
    @TempDir
    static Path clips;
    static LocalStreams streams;
    static VideoEngine engine;
    static ScheduledExecutorService control;
    static Path clip;

    @BeforeAll
    static void start() throws Exception {
        engine = VideoEngine.start();
        assumeTrue(engine.isAvailable() && LocalStreams.toolsAvailable(), "libvlc, ffmpeg and cvlc needed");
        streams = new LocalStreams(clips);
        streams.rtsp.serve("http", "HTTP CAM", LocalStreams.freePort());
        clip = streams.clip("http");
        control = Executors.newSingleThreadScheduledExecutor();
    }

    @AfterAll
    static void stop() {
        if (streams != null) {
            streams.close();
        }
        if (control != null) {
            control.shutdownNow();
        }
        if (engine != null) {
            engine.close();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"ts", "mjpeg", "file"})
    void framesArriveAndTileReportsPlaying(String kind) throws Exception {
        String url = switch (kind) {
            case "ts" -> streams.serveHttp(clip, false);
            case "mjpeg" -> streams.serveHttp(clip, true);
            default -> clip.toUri().toString();
        };
        LocalStreams.CountingSink sink = new LocalStreams.CountingSink();
        LocalStreams.StatusLog log = new LocalStreams.StatusLog();
        TilePlayer player = new TilePlayer(engine, sink, control, log, Clock.systemUTC());
        try {
            player.play(new CameraSource("h-" + kind, "HTTP " + kind, url));
            LocalStreams.waitFor(() -> sink.frames.get() >= 25 && log.any(TileState.PLAYING, Instant.EPOCH), 30);
            assertThat(sink.frames.get()).as(url).isGreaterThanOrEqualTo(25);
            assertThat(sink.width).isEqualTo(640);
            assertThat(log.states()).contains(TileState.PLAYING).doesNotContain(TileState.RECONNECTING);
        } finally {
            player.close();
        }
    }
}
