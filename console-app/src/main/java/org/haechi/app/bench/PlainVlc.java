package org.haechi.app.bench;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.haechi.video.VideoEngine;

/**
 * The benchmark's reference: plain VLC decoding the same RTSP streams with no video output, each pulled by the same
 * ffmpeg relay as the console's ({@code ffmpeg ... pipe:1 | cvlc --vout dummy --aout dummy -}), one pipeline per
 * stream. VLC refuses to run as root, so as root it runs as {@code nobody}. Benchmark use; any thread.
 */
final class PlainVlc implements AutoCloseable {
    private final List<Process> pipelines = new ArrayList<>();

    PlainVlc(List<String> rtspUrls) throws IOException {
        String vlc = "cvlc -q --vout dummy --aout dummy --no-audio -";
        if ("root".equals(System.getProperty("user.name"))) {
            vlc = "runuser -u nobody -- " + vlc;
        }
        for (String url : rtspUrls) {
            String relay = String.join(" ", VideoEngine.relayCommand(url));
            pipelines.add(new ProcessBuilder("bash", "-c", relay + " | " + vlc)
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start());
        }
    }

    /** The pipelines' processes (shell, ffmpeg, runuser, vlc). */
    List<Long> pids() {
        List<Long> out = new ArrayList<>();
        pipelines.forEach(p -> out.addAll(ProcessCpu.tree(p.toHandle(), c -> true)));
        return out;
    }

    @Override
    public void close() throws InterruptedException {
        for (Process p : pipelines) {
            p.descendants().forEach(ProcessHandle::destroy);
            p.destroy();
        }
        for (Process p : pipelines) {
            if (!p.waitFor(3, TimeUnit.SECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
            }
        }
    }
}
