package org.haechi.video;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.haechi.sim.video.TestStreamServer;

/** Test helpers: streams served on 127.0.0.1 (RTSP through VLC, HTTP through ffmpeg), sinks and waits. */
final class LocalStreams implements AutoCloseable {
    final Path clips;
    final TestStreamServer rtsp;
    private final List<Process> http = new ArrayList<>();

    LocalStreams(Path clips) {
        this.clips = clips;
        this.rtsp = new TestStreamServer(clips);
    }

    static boolean toolsAvailable() {
        return TestStreamServer.toolsAvailable();
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    /** The clip RTSP stream {@code name} plays (made by the first serve of that name). */
    Path clip(String name) {
        return clips.resolve(name + ".ts");
    }

    /**
     * Serves a clip once over HTTP with ffmpeg's own listener (one client, then it ends): MPEG-TS copied as is, or
     * re-encoded as MJPEG. Returns the URL once the port listens.
     */
    String serveHttp(Path clip, boolean mjpeg) throws IOException, InterruptedException {
        int port = freePort();
        String url = "http://127.0.0.1:" + port + (mjpeg ? "/cam.mjpg" : "/cam.ts");
        List<String> cmd = new ArrayList<>(List.of("ffmpeg", "-hide_banner", "-loglevel", "error", "-nostdin", "-re",
                "-stream_loop", "-1", "-i", clip.toString(), "-an"));
        cmd.addAll(mjpeg ? List.of("-c:v", "mjpeg", "-q:v", "6", "-f", "mpjpeg")
                : List.of("-c", "copy", "-f", "mpegts"));
        cmd.addAll(List.of("-listen", "1", url));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        synchronized (http) {
            http.add(p);
        }
        waitFor(() -> listening(port) || !p.isAlive(), 10);
        return url;
    }

    /** Whether a TCP socket listens on 127.0.0.1:port (read from /proc, so no connection is used up). */
    static boolean listening(int port) {
        String hexPort = String.format(Locale.ROOT, ":%04X ", port);
        try {
            return Files.readAllLines(Path.of("/proc/net/tcp")).stream()
                    .anyMatch(l -> l.contains(hexPort) && l.trim().split("\\s+")[3].equals("0A"));
        } catch (IOException e) {
            return false;
        }
    }

    static boolean waitFor(BooleanSupplier condition, double seconds) throws InterruptedException {
        long deadline = System.nanoTime() + (long) (seconds * 1e9);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(50);
        }
        return true;
    }

    @Override
    public void close() {
        rtsp.close();
        synchronized (http) {
            http.forEach(Process::destroy);
            for (Process p : http) {
                try {
                    if (!p.waitFor(3, TimeUnit.SECONDS)) {
                        p.destroyForcibly();
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            http.clear();
        }
    }

    /** A sink that counts frames and remembers their size and the aspect. */
    static final class CountingSink implements FrameSink {
        final AtomicLong frames = new AtomicLong();
        volatile Instant lastFrameAt;
        volatile int width;
        volatile int height;
        volatile double aspect = Double.NaN;

        @Override
        public void frame(ByteBuffer bgra, int w, int h) {
            frames.incrementAndGet();
            lastFrameAt = Instant.now();
            width = w;
            height = h;
        }

        @Override
        public void displayAspect(double a) {
            aspect = a;
        }
    }

    /** Statuses with the moment they were published. */
    static final class StatusLog implements Consumer<TileStatus> {
        record Entry(Instant at, TileStatus status) {
        }

        final List<Entry> entries = new CopyOnWriteArrayList<>();

        @Override
        public void accept(TileStatus s) {
            entries.add(new Entry(Instant.now(), s));
        }

        boolean any(TileState state, Instant after) {
            return first(state, after) != null;
        }

        Entry first(TileState state, Instant after) {
            return entries.stream().filter(e -> e.status().state() == state && !e.at().isBefore(after)).findFirst()
                    .orElse(null);
        }

        List<TileState> states() {
            return entries.stream().map(e -> e.status().state()).toList();
        }
    }
}
