package org.haechi.video;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * Pulls an RTSP stream with ffmpeg without re-encoding and exposes it as MPEG-TS on an input stream; used where
 * libvlc has no RTSP client (Debian). One process per open; {@link #close()} ends it. Any thread.
 */
final class FfmpegRelay implements AutoCloseable {
    private final Process process;

    private FfmpegRelay(Process process) {
        this.process = process;
    }

    static FfmpegRelay start(String rtspUrl, boolean tcp) throws IOException {
        List<String> command = List.of("ffmpeg", "-hide_banner", "-loglevel", "error", "-nostdin",
                "-rtsp_transport", tcp ? "tcp" : "udp", "-timeout", "5000000",
                "-fflags", "nobuffer", "-flags", "low_delay", "-probesize", "65536", "-analyzeduration", "500000",
                "-i", rtspUrl, "-map", "0:v:0", "-c", "copy", "-f", "mpegts", "pipe:1");
        ProcessBuilder pb = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD);
        return new FfmpegRelay(pb.start());
    }

    InputStream stream() {
        return process.getInputStream();
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(2, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
