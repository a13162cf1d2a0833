package org.haechi.video;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Plays real RTSP streams served by VLC on 127.0.0.1 (through the ffmpeg relay where libvlc lacks RTSP). */
class TilePlayerRtspTest {
    @TempDir
    static Path clips;
    static VideoFixture video;
    static String url;

    @BeforeAll
    static void serve() throws Exception {
        video = VideoFixture.open(clips);
        url = video.streams.rtsp.serve("cam1", "TEST CAM 1", LocalStreams.freePort());
    }

    @AfterAll
    static void stop() {
        if (video != null) {
            video.close();
        }
    }

    @Test
    void framesArriveFromRealRtspStreamAndTileReportsPlaying() throws Exception {
        LocalStreams.CountingSink sink = new LocalStreams.CountingSink();
        LocalStreams.StatusLog log = new LocalStreams.StatusLog();
        TilePlayer player = new TilePlayer(video.engine, sink, video.control, log, Clock.systemUTC());
        try {
            player.play(new CameraSource("cam1", "Test camera", url));
            LocalStreams.waitFor(() -> sink.frames.get() >= 25, 30);
            assertThat(sink.frames.get()).isGreaterThanOrEqualTo(25);
            assertThat(sink.width).isEqualTo(640);
            LocalStreams.waitFor(() -> log.any(TileState.PLAYING, Instant.EPOCH), 5);
            LocalStreams.waitFor(() -> Double.isFinite(sink.aspect), 5);
            assertThat(sink.aspect).as("true 16:9 aspect, whatever libvlc's buffer height")
                    .isCloseTo(640.0 / 360.0, Offset.offset(0.01));
            assertThat(log.states()).contains(TileState.CONNECTING, TileState.PLAYING);
            assertThat(player.decodedFrames()).isPositive();
        } finally {
            player.close();
        }
    }

    @Test
    void unreachableStreamGivesClearStateAndNoException() throws Exception {
        LocalStreams.StatusLog log = new LocalStreams.StatusLog();
        TilePlayer player = new TilePlayer(video.engine, (b, w, h) -> { }, video.control, log, Clock.systemUTC());
        try {
            player.play(new CameraSource("nowhere", "Nowhere", "rtsp://127.0.0.1:" + LocalStreams.freePort()
                    + "/none"));
            LocalStreams.waitFor(() -> log.any(TileState.RECONNECTING, Instant.EPOCH), 20);
            assertThat(log.states()).contains(TileState.RECONNECTING).doesNotContain(TileState.PLAYING);
            assertThat(log.entries.stream().filter(e -> e.status().detail() != null).findFirst()).isPresent();
        } finally {
            player.close();
        }
    }

    @Test
    void cameraWithoutPictureForLongEnoughIsOffline() throws Exception {
        LocalStreams.StatusLog log = new LocalStreams.StatusLog();
        TileHealth.Timings quick = TileHealth.Timings.standard().withOfflineAfter(Duration.ofSeconds(2));
        TilePlayer player = new TilePlayer(video.engine, (b, w, h) -> { }, video.control, log, Clock.systemUTC(),
                quick);
        try {
            player.play(new CameraSource("bad", "Bad URL", "http://127.0.0.1:" + LocalStreams.freePort() + "/x"));
            LocalStreams.waitFor(() -> log.any(TileState.OFFLINE, Instant.EPOCH), 15);
            assertThat(log.states()).contains(TileState.CONNECTING, TileState.RECONNECTING, TileState.OFFLINE);
            assertThat(log.states().indexOf(TileState.OFFLINE))
                    .isGreaterThan(log.states().indexOf(TileState.RECONNECTING));
        } finally {
            player.close();
        }
    }

    @Test
    void snapshotHasTheStreamsSizeAndASidecarThatChecks(@TempDir Path dir) throws Exception {
        LocalStreams.StatusLog log = new LocalStreams.StatusLog();
        TilePlayer player = new TilePlayer(video.engine, new LocalStreams.CountingSink(), video.control, log,
                Clock.systemUTC());
        try {
            CameraSource camera = new CameraSource("cam1", "Test camera", url);
            player.play(camera);
            assertThat(LocalStreams.waitFor(() -> log.any(TileState.PLAYING, Instant.EPOCH), 30)).isTrue();
            BufferedImage image = player.grab().get(10, TimeUnit.SECONDS);
            assertThat(image.getWidth()).isEqualTo(640);
            Snapshot s = SnapshotWriter.write(image, camera, Instant.now(), ZoneId.of("Asia/Seoul"), dir);
            assertThat(ImageIO.read(s.file().toFile()).getWidth()).isEqualTo(640);
            assertThat(s.sidecar()).exists();
        } finally {
            player.close();
        }
    }

    @Test
    void aSnapshotAskedForWhileTheStreamStartsWaitsForItsFirstPicture() throws Exception {
        TilePlayer player = quietPlayer();
        try {
            player.play(new CameraSource("cam1", "Test camera", url));
            // Asked at once, before libvlc plays (as the S key may come during a reconnection).
            BufferedImage image = player.grab().get(10, TimeUnit.SECONDS);
            assertThat(image.getWidth()).isEqualTo(640);
        } finally {
            player.close();
        }
    }

    @Test
    void aSnapshotWaitingForItsCameraFailsWhenTheTileIsGivenAnother() throws Exception {
        TilePlayer player = quietPlayer();
        try {
            player.play(new CameraSource("cam1", "Test camera", url));
            var picture = player.grab();
            player.play(new CameraSource("cam2", "Other camera", url)); // while the snapshot waits for cam1
            assertThat(picture).failsWithin(10, TimeUnit.SECONDS)
                    .withThrowableOfType(java.util.concurrent.ExecutionException.class)
                    .withMessageContaining("no picture to take");
        } finally {
            player.close();
        }
    }

    private TilePlayer quietPlayer() {
        return new TilePlayer(video.engine, new LocalStreams.CountingSink(), video.control,
                new LocalStreams.StatusLog(), Clock.systemUTC());
    }
}
