package org.haechi.video;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import uk.co.caprica.vlcj.factory.MediaPlayerFactory;
import uk.co.caprica.vlcj.factory.discovery.NativeDiscovery;

/**
 * Owns the one libvlc instance (vlcj MediaPlayerFactory) shared by every tile, and knows what the installed libvlc
 * can do. Create once, {@link #close()} after every player is released; any thread.
 */
public final class VideoEngine implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(VideoEngine.class.getName());
    private static final List<String> PLUGIN_DIRS = List.of("/usr/lib/x86_64-linux-gnu/vlc/plugins",
            "/usr/lib/aarch64-linux-gnu/vlc/plugins", "/usr/lib/vlc/plugins", "/usr/local/lib/vlc/plugins");
    /** Network streams: enough to ride out jitter on a LAN, little enough for a quick first frame. */
    static final int NETWORK_CACHING_MS = 150;
    static final int FILE_CACHING_MS = 100;
    private final MediaPlayerFactory factory;
    private final boolean nativeRtsp;
    private final String problem;
    private final KnownAspects aspects = new KnownAspects();

    private VideoEngine(MediaPlayerFactory factory, boolean nativeRtsp, String problem) {
        this.factory = factory;
        this.nativeRtsp = nativeRtsp;
        this.problem = problem;
    }

    /** Finds libvlc; when it is missing the engine is unavailable and says why, rather than failing. */
    public static VideoEngine start() {
        try {
            if (!new NativeDiscovery().discover()) {
                return unavailable("libvlc not found: install libvlc5 vlc-plugin-base libvlc-bin");
            }
            // One decoding thread per small tile (a wall decodes many small streams at once, and frame threading
            // would add a frame of delay per thread before the first picture); a tile shown alone asks for more.
            MediaPlayerFactory f = new MediaPlayerFactory("--aout=adummy", "--no-audio", "--no-video-title-show",
                    "--no-snapshot-preview", "--no-osd", "--no-spu", "--avcodec-hw=none", "--avcodec-threads=1",
                    "--swscale-mode=0",
                    "--quiet");
            return new VideoEngine(f, hasLive555(), null);
        } catch (RuntimeException | UnsatisfiedLinkError e) {
            LOG.log(Level.WARNING, "video unavailable", e);
            return unavailable("libvlc could not start: " + e.getMessage());
        }
    }

    private static VideoEngine unavailable(String why) {
        return new VideoEngine(null, false, why);
    }

    /** Whether libvlc's RTSP client (live555 module) is installed; Debian's is built without it. */
    static boolean hasLive555() {
        for (String dir : PLUGIN_DIRS) {
            if (Files.exists(Path.of(dir, "access", "liblive555_plugin.so"))
                    || Files.exists(Path.of(dir, "demux", "liblive555_plugin.so"))) {
                return true;
            }
        }
        return false;
    }

    public boolean isAvailable() {
        return factory != null;
    }

    /** Why video is unavailable, or null. */
    public String problem() {
        return problem;
    }

    public boolean canOpenRtspNatively() {
        return nativeRtsp;
    }

    /**
     * The ffmpeg command the relay runs for an RTSP URL, for tools that must pull a stream the same way (the
     * benchmark's plain-VLC baseline).
     */
    public static List<String> relayCommand(String rtspUrl) {
        return FfmpegRelay.command(rtspUrl);
    }

    /** What the streams seen so far look like (shared by every tile: cameras move between tiles). */
    KnownAspects aspects() {
        return aspects;
    }

    MediaPlayerFactory factory() {
        return factory;
    }

    @Override
    public void close() {
        if (factory != null) {
            factory.release();
        }
    }
}
