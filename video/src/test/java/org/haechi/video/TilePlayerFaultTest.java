package org.haechi.video;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real RTSP server taken off the air and put back on the same port. */
class TilePlayerFaultTest {
    @TempDir
    static Path clips;
    static VideoFixture video;

    @BeforeAll
    static void start() {
        video = VideoFixture.open(clips);
    }

    @AfterAll
    static void stop() {
        if (video != null) {
            video.close();
        }
    }

    @Test
    void killedServerStallsWithinThreeSecondsOfTheLastFrameAndPlaysAgainWhenBack() throws Exception {
        int port = LocalStreams.freePort();
        String url = video.streams.rtsp.serve("fault", "FAULT CAM", port);
        LocalStreams.CountingSink sink = new LocalStreams.CountingSink();
        LocalStreams.StatusLog log = new LocalStreams.StatusLog();
        TilePlayer player = new TilePlayer(video.engine, sink, video.control, log, Clock.systemUTC());
        try {
            player.play(new CameraSource("fault", "Fault camera", url));
            assertThat(LocalStreams.waitFor(() -> log.any(TileState.PLAYING, Instant.EPOCH), 30)).isTrue();
            Thread.sleep(2000);

            Instant killedAt = Instant.now();
            video.streams.rtsp.kill(0);
            LocalStreams.waitFor(() -> log.any(TileState.STALLED, killedAt)
                    || log.any(TileState.RECONNECTING, killedAt), 10);
            LocalStreams.StatusLog.Entry stalled = log.entries.stream().filter(e -> !e.at().isBefore(killedAt))
                    .filter(e -> e.status().state() == TileState.STALLED
                            || e.status().state() == TileState.RECONNECTING).findFirst().orElseThrow();
            Duration detection = Duration.between(stalled.status().lastFrameAt(), stalled.at());
            System.out.printf("server killed: %s %d ms after the last new frame%n", stalled.status().state(),
                    detection.toMillis());
            assertThat(detection).isLessThanOrEqualTo(Duration.ofMillis(3500));

            Thread.sleep(3000);
            Instant backAt = Instant.now();
            video.streams.rtsp.serve("fault", "FAULT CAM", port);
            LocalStreams.waitFor(() -> log.any(TileState.PLAYING, backAt), 15);
            LocalStreams.StatusLog.Entry playing = log.first(TileState.PLAYING, backAt);
            assertThat(playing).as("playing again after the server came back").isNotNull();
            Duration recovery = Duration.between(backAt, playing.at());
            System.out.printf("playing again %d ms after the server was started again; states %s%n",
                    recovery.toMillis(), log.states());
            assertThat(recovery).isLessThanOrEqualTo(Duration.ofSeconds(5));
        } finally {
            player.close();
        }
    }

    @Test
    void frozenServerThatKeepsItsConnectionIsStalledAfterThreeSecondsAndRecoversWhenItResumes() throws Exception {
        int port = LocalStreams.freePort();
        String url = video.streams.rtsp.serve("frozen", "FROZEN CAM", port);
        LocalStreams.CountingSink sink = new LocalStreams.CountingSink();
        LocalStreams.StatusLog log = new LocalStreams.StatusLog();
        TilePlayer player = new TilePlayer(video.engine, sink, video.control, log, Clock.systemUTC());
        List<Long> server = List.of();
        try {
            player.play(new CameraSource("frozen", "Frozen camera", url));
            assertThat(LocalStreams.waitFor(() -> log.any(TileState.PLAYING, Instant.EPOCH), 30)).isTrue();
            Thread.sleep(1500);
            server = serverProcesses(url, "frozen.ts");
            assertThat(server).as("cvlc and its ffmpeg feeder").hasSizeGreaterThanOrEqualTo(2);
            Instant frozenAt = Instant.now();
            signal("-STOP", server);
            LocalStreams.waitFor(() -> log.any(TileState.STALLED, frozenAt), 10);
            LocalStreams.StatusLog.Entry stalled = log.first(TileState.STALLED, frozenAt);
            assertThat(stalled).as("no event comes from a frozen stream; the decoded count tells").isNotNull();
            Duration detection = Duration.between(stalled.status().lastFrameAt(), stalled.at());
            System.out.printf("server frozen: last new frame %d ms after the freeze, STALLED %d ms after it; "
                    + "sink frames kept coming until %d ms after the freeze%n",
                    Duration.between(frozenAt, stalled.status().lastFrameAt()).toMillis(), detection.toMillis(),
                    Duration.between(frozenAt, sink.lastFrameAt).toMillis());
            assertThat(detection).isBetween(Duration.ofSeconds(3), Duration.ofMillis(3500));

            Instant resumedAt = Instant.now();
            signal("-CONT", server);
            LocalStreams.waitFor(() -> log.any(TileState.PLAYING, resumedAt), 15);
            LocalStreams.StatusLog.Entry playing = log.first(TileState.PLAYING, resumedAt);
            assertThat(playing).isNotNull();
            System.out.printf("playing again %d ms after the server resumed%n",
                    Duration.between(resumedAt, playing.at()).toMillis());
            assertThat(Duration.between(resumedAt, playing.at())).isLessThanOrEqualTo(Duration.ofSeconds(5));
        } finally {
            signal("-CONT", server);
            player.close();
        }
    }

    /** The VLC server for {@code url} and the ffmpeg that feeds it {@code clipName}. */
    static List<Long> serverProcesses(String url, String clipName) {
        return ProcessHandle.current().descendants().filter(p -> p.info().commandLine()
                .map(c -> c.contains(url) && c.contains("vlc") || c.contains(clipName) && c.contains("ffmpeg"))
                .orElse(false)).map(ProcessHandle::pid).toList();
    }

    static void signal(String signal, List<Long> pids) throws Exception {
        for (long pid : pids) {
            new ProcessBuilder("kill", signal, Long.toString(pid)).start().waitFor(5, TimeUnit.SECONDS);
        }
    }
}
