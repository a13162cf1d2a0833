package org.haechi.video.rtsp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Haechi's RTSP client against a camera-like server (Digest login, RTP interleaved on the RTSP connection) sending a
 * real H.264 stream made by ffmpeg; the transport stream it makes is checked by ffprobe, not by our own reader.
 */
class RtspTsStreamTest {
    @TempDir
    static Path dir;
    static List<List<byte[]>> units;

    @BeforeAll
    static void makeStream() throws Exception {
        assumeTrue(onPath("ffmpeg") && onPath("ffprobe"), "ffmpeg and ffprobe are needed");
        Path h264 = dir.resolve("clip.h264");
        Process p = new ProcessBuilder("ffmpeg", "-hide_banner", "-loglevel", "error", "-nostdin", "-y", "-f", "lavfi",
                "-i", "testsrc2=size=320x180:rate=15", "-t", "2", "-c:v", "libx264", "-preset", "ultrafast",
                "-threads", "1", "-g", "15", "-pix_fmt", "yuv420p", "-f", "h264", h264.toString())
                .redirectErrorStream(true).start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0).isTrue();
        units = RtspTestServer.accessUnits(Files.readAllBytes(h264));
        assertThat(units).hasSize(30);
    }

    private static boolean onPath(String tool) {
        for (String d : System.getenv().getOrDefault("PATH", "/usr/bin").split(":")) {
            if (Files.isExecutable(Path.of(d, tool))) {
                return true;
            }
        }
        return false;
    }

    @Test
    void logsInPlaysInterleavedRtpAndMakesATransportStreamFfprobeReadsWhole() throws Exception {
        try (RtspTestServer server = new RtspTestServer(units, "operator", "s3cret:7+x", "H264")) {
            ByteArrayOutputStream ts = new ByteArrayOutputStream();
            try (RtspTsStream stream = RtspTsStream.open(server.url("operator:s3cret%3A7+x@"), 2000)) {
                byte[] buffer = new byte[7000];
                while (true) {
                    int n;
                    try {
                        n = stream.read(buffer, 0, buffer.length);
                    } catch (IOException e) {
                        assertThat(e).hasMessageContaining("ended the session");
                        break;
                    }
                    ts.write(buffer, 0, n);
                }
            }
            assertThat(server.methods).startsWith("DESCRIBE", "DESCRIBE", "SETUP", "PLAY");
            Path file = dir.resolve("out.ts");
            Files.write(file, ts.toByteArray());
            Process probe = new ProcessBuilder("ffprobe", "-v", "error", "-count_frames", "-select_streams", "v:0",
                    "-show_entries", "stream=codec_name,width,height,nb_read_frames", "-of", "csv=p=0", file.toString())
                    .redirectErrorStream(true).start();
            String out = new String(probe.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            assertThat(probe.waitFor(30, TimeUnit.SECONDS)).isTrue();
            // ffprobe lists the stream once on its own and once under its program
            assertThat(out.lines().filter(l -> !l.isBlank()).distinct()).as("every one of the 30 pictures, decodable")
                    .containsExactly("h264,320,180,30");
        }
    }

    @Test
    void aWrongPasswordSaysSo() throws Exception {
        try (RtspTestServer server = new RtspTestServer(units, "operator", "right", "H264")) {
            assertThatThrownBy(() -> RtspTsStream.open(server.url("operator:wrong@"), 2000))
                    .isInstanceOf(IOException.class).hasMessageContaining("401");
        }
    }

    @Test
    void aCameraWithoutH264OrH265IsLeftToAnotherRelay() throws Exception {
        try (RtspTestServer server = new RtspTestServer(units, null, null, "JPEG")) {
            assertThatThrownBy(() -> RtspTsStream.open(server.url(""), 2000))
                    .isInstanceOf(UnsupportedStreamException.class);
        }
    }

    @Test
    void somethingElseOnThePortIsAClearErrorNotACrash() throws Exception {
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            Thread answer = new Thread(() -> {
                try (java.net.Socket c = s.accept()) {
                    c.getOutputStream().write("SSH-2.0-OpenSSH_9.2\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                    c.getInputStream().read();
                } catch (IOException e) {
                    // the client hung up
                }
            });
            answer.setDaemon(true);
            answer.start();
            assertThatThrownBy(() -> RtspTsStream.open("rtsp://127.0.0.1:" + s.getLocalPort() + "/x", 2000))
                    .isInstanceOf(IOException.class).hasMessageContaining("not an RTSP response");
            assertThatThrownBy(() -> RtspTsStream.open("rtsp://127.0.0.1:99999999/x", 2000))
                    .isInstanceOf(IOException.class);
        }
    }

    @Test
    void aStopDuringASilentCamerasHandshakeEndsItAtOnce() throws Exception {
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            RtspTsStream stream = RtspTsStream.create("rtsp://127.0.0.1:" + s.getLocalPort() + "/silent");
            java.util.concurrent.CompletableFuture<Throwable> outcome = new java.util.concurrent.CompletableFuture<>();
            Thread opener = new Thread(() -> {
                try {
                    stream.start(2000);
                    outcome.complete(null);
                } catch (IOException e) {
                    outcome.complete(e);
                }
            });
            opener.start();
            try (java.net.Socket accepted = s.accept()) {
                stream.close();
                // not "Read timed out" (the 5 s read timeout): the close ended the handshake
                assertThat(outcome.get(30, TimeUnit.SECONDS)).isInstanceOf(IOException.class)
                        .hasMessageContaining("stopped while connecting");
            }
        }
    }

    @Test
    void nothingListeningIsAPlainConnectionError() throws Exception {
        int port;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        assertThatThrownBy(() -> RtspTsStream.open("rtsp://127.0.0.1:" + port + "/x", 2000))
                .isInstanceOf(java.net.ConnectException.class);
    }
}
