package org.haechi.app.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Serves a clip once over HTTP on 127.0.0.1 with ffmpeg's own listener ({@code -listen 1}: one client, then it
 * ends), as MPEG-TS at its own pace. Benchmark use; any thread.
 */
final class HttpClipServer {
    private static final List<Process> RUNNING = new ArrayList<>();

    private HttpClipServer() {
    }

    /** Starts a listener and returns its URL once the port listens (checked in /proc, so no client is used up). */
    static String serve(Path clip) throws Exception {
        int port = VideoBench.freePort();
        String url = "http://127.0.0.1:" + port + "/cam.ts";
        Process p = new ProcessBuilder("ffmpeg", "-hide_banner", "-loglevel", "error", "-nostdin", "-re",
                "-stream_loop", "-1", "-i", clip.toString(), "-c", "copy", "-f", "mpegts", "-listen", "1", url)
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        synchronized (RUNNING) {
            RUNNING.add(p);
        }
        FxThread.await(() -> listening(port) || !p.isAlive(), 10);
        return url;
    }

    static void stopAll() {
        synchronized (RUNNING) {
            RUNNING.forEach(Process::destroy);
            RUNNING.clear();
        }
    }

    static boolean listening(int port) {
        String local = String.format(Locale.ROOT, ":%04X ", port);
        try {
            return Files.readAllLines(Path.of("/proc/net/tcp")).stream()
                    .anyMatch(l -> l.contains(local) && l.trim().split("\\s+")[3].equals("0A"));
        } catch (IOException e) {
            return false;
        }
    }
}
