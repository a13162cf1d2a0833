package org.haechi.sim.video;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * Serves local RTSP test streams on 127.0.0.1 only: a clip made once by ffmpeg (camera name and a running clock
 * burnt in, 1 s keyframe interval), looped endlessly by ffmpeg into VLC's RTSP server. VLC refuses to run as root,
 * so as root it runs as {@code nobody}. Start once, {@link #close()} at shutdown; any thread.
 */
public final class TestStreamServer implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(TestStreamServer.class.getName());
    private static final String FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf";
    private final Path clipDir;
    private final List<Process> servers = new ArrayList<>();
    private final Thread killOnExit = new Thread(this::close, "haechi-test-streams-stop");
    private boolean closed;

    public TestStreamServer(Path clipDir) {
        this.clipDir = clipDir;
        Runtime.getRuntime().addShutdownHook(killOnExit);
    }

    /** True when ffmpeg and cvlc are on this machine. */
    public static boolean toolsAvailable() {
        return onPath("ffmpeg") && onPath("cvlc");
    }

    private static boolean onPath(String tool) {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(":")) {
            if (Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return false;
    }

    /** The URL a stream served as {@code name} on {@code port} has. */
    public static String url(String name, int port) {
        return "rtsp://127.0.0.1:" + port + "/" + name;
    }

    /** Starts one stream; returns its URL, rtsp://127.0.0.1:PORT/NAME. */
    public String serve(String name, String label, int port) throws IOException, InterruptedException {
        Path clip = ensureClip(name, label);
        String url = url(name, port);
        String vlc = "cvlc -q - --sout '#rtp{sdp=" + url + "}' --sout-keep --no-sout-audio";
        if (isRoot()) {
            vlc = "runuser -u nobody -- " + vlc;
        }
        String pipeline = "exec ffmpeg -hide_banner -loglevel error -nostdin -re -stream_loop -1 -i '" + clip
                + "' -c copy -f mpegts - | " + vlc;
        synchronized (this) {
            if (closed) {
                throw new IOException("test stream server is closed");
            }
            Process p = new ProcessBuilder("bash", "-c", pipeline).redirectErrorStream(true)
                    .redirectOutput(clipDir.resolve(name + ".log").toFile()).start();
            servers.add(p);
        }
        return url;
    }

    private Path ensureClip(String name, String label) throws IOException, InterruptedException {
        Files.createDirectories(clipDir);
        Path clip = clipDir.resolve(name + ".ts");
        if (Files.exists(clip) && Files.size(clip) > 0) {
            return clip;
        }
        Path tmp = clipDir.resolve(name + ".tmp.ts");
        String safeLabel = label.replaceAll("[^A-Za-z0-9 ._-]", " ");
        String font = Files.exists(Path.of(FONT)) ? "fontfile=" + FONT + ":" : "";
        String filter = "drawtext=" + font + "text='" + safeLabel + "':x=12:y=12:fontsize=26:fontcolor=white"
                + ":box=1:boxcolor=black@0.6,drawtext=" + font + "text='%{pts\\:hms}':x=12:y=h-44:fontsize=28"
                + ":fontcolor=yellow:box=1:boxcolor=black@0.6";
        Process p = new ProcessBuilder("ffmpeg", "-hide_banner", "-loglevel", "error", "-nostdin", "-y",
                "-f", "lavfi", "-i", "testsrc2=size=640x360:rate=15", "-t", "12", "-vf", filter,
                "-c:v", "libx264", "-preset", "ultrafast", "-tune", "zerolatency", "-g", "15", "-keyint_min", "15",
                "-pix_fmt", "yuv420p", "-b:v", "800k", "-f", "mpegts", tmp.toString())
                .redirectErrorStream(true).redirectOutput(clipDir.resolve(name + ".make.log").toFile()).start();
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IOException("ffmpeg could not make the test clip " + clip + " (see " + name + ".make.log)");
        }
        Files.move(tmp, clip, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        LOG.info("made test clip " + clip);
        return clip;
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    /** Stops one stream's server processes (used by fault tests to take a camera off the air). */
    public synchronized void kill(int index) {
        Process p = servers.get(index);
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
    }

    @Override
    public synchronized void close() {
        closed = true;
        try {
            Runtime.getRuntime().removeShutdownHook(killOnExit);
        } catch (IllegalStateException | IllegalArgumentException e) {
            // already shutting down, or closing from the hook itself
        }
        for (Process p : servers) {
            p.descendants().forEach(ProcessHandle::destroy);
            p.destroy();
        }
        for (Process p : servers) {
            try {
                if (!p.waitFor(3, TimeUnit.SECONDS)) {
                    p.descendants().forEach(ProcessHandle::destroyForcibly);
                    p.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        servers.clear();
    }
}
