package org.haechi.video;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** HTTP sources served by ffmpeg's own listener on 127.0.0.1 (MPEG-TS and MJPEG), and a local file. */
class TilePlayerHttpTest {
    @TempDir
    static Path clips;
    static VideoFixture video;
    static Path clip;

    @BeforeAll
    static void start() throws Exception {
        video = VideoFixture.open(clips);
        video.streams.rtsp.serve("http", "HTTP CAM", LocalStreams.freePort());
        clip = video.streams.clip("http");
    }

    @AfterAll
    static void stop() {
        if (video != null) {
            video.close();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"ts", "mjpeg", "file"})
    void framesArriveAndTileReportsPlaying(String kind) throws Exception {
        String url = switch (kind) {
            case "ts" -> video.streams.serveHttp(clip, false);
            case "mjpeg" -> video.streams.serveHttp(clip, true);
            default -> clip.toUri().toString();
        };
        LocalStreams.CountingSink sink = new LocalStreams.CountingSink();
        LocalStreams.StatusLog log = new LocalStreams.StatusLog();
        TilePlayer player = new TilePlayer(video.engine, sink, video.control, log, Clock.systemUTC());
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
