package org.haechi.video;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Pulls an RTSP stream with ffmpeg without re-encoding and exposes it as MPEG-TS on an input stream; used where
 * libvlc has no RTSP client (Debian). One process per open; {@link #close()} ends it without blocking. Any thread.
 * <p>
 * Tuned for the time to the first frame: no probing beyond the first packet (the SDP carries the parameters), no
 * input buffering, no mux delay (ffmpeg's default 0.7 s would hold every picture back in libvlc), a flush per
 * packet. TCP is asked first and ffmpeg falls back to UDP itself when the server refuses it (VLC's answers 461).
 */
final class FfmpegRelay implements AutoCloseable {
    private final Process process;

    private FfmpegRelay(Process process) {
        this.process = process;
    }

    static List<String> command(String rtspUrl) {
        return List.of("ffmpeg", "-hide_banner", "-loglevel", "error", "-nostdin",
                "-rtsp_flags", "prefer_tcp", "-timeout", "5000000",
                "-fflags", "nobuffer", "-flags", "low_delay", "-probesize", "32", "-analyzeduration", "0",
                "-i", rtspUrl, "-map", "0:v:0", "-c", "copy",
                "-muxdelay", "0", "-muxpreload", "0", "-flush_packets", "1", "-f", "mpegts", "pipe:1");
    }

    static FfmpegRelay start(String rtspUrl) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(command(rtspUrl)).redirectError(ProcessBuilder.Redirect.DISCARD)
                .redirectInput(ProcessBuilder.Redirect.from(ProcessBuilder.Redirect.DISCARD.file()));
        // The console's secrets (broker and TLS store passwords) stay in the console's process.
        pb.environment().keySet().removeIf(name -> name.startsWith("HAECHI_") && name.endsWith("PASSWORD"));
        return new FfmpegRelay(pb.start());
    }

    InputStream stream() {
        return process.getInputStream();
    }

    /** Asks ffmpeg to end (its pipe then reads end-of-stream) and kills it if it is still there 2 s later. */
    @Override
    public void close() {
        process.destroy();
        process.onExit().completeOnTimeout(process, 2, TimeUnit.SECONDS).thenAccept(p -> {
            if (p.isAlive()) {
                p.destroyForcibly();
            }
        });
    }
}
