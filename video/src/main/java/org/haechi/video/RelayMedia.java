package org.haechi.video;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.haechi.video.rtsp.RtspTsStream;
import org.haechi.video.rtsp.UnsupportedStreamException;
import uk.co.caprica.vlcj.media.callback.nonseekable.NonSeekableInputStreamMedia;

/**
 * vlcj callback media reading MPEG-TS made from an RTSP camera: by Haechi's own RTSP client for H.264 and H.265
 * (ADR 0009), by an ffmpeg relay for anything else or when {@code -Dhaechi.video.rtspRelay=ffmpeg}. libvlc's input
 * thread opens, reads and closes it; the control thread may end the relay at any time ({@link #closeRelay()}),
 * which makes a blocked read end at once, so stopping the player never waits on the network.
 */
final class RelayMedia extends NonSeekableInputStreamMedia {
    private static final int CONNECT_TIMEOUT_MS = 1500;
    private final String url;
    private static final boolean FFMPEG_ONLY = "ffmpeg".equals(System.getProperty("haechi.video.rtspRelay"));
    private static final Logger LOG = Logger.getLogger(RelayMedia.class.getName());
    private AutoCloseable relay;
    private boolean closed;
    private volatile String failure;

    RelayMedia(String url) {
        super(64 * 1024);
        this.url = url;
    }

    @Override
    protected InputStream onOpenStream() throws IOException {
        try {
            return FFMPEG_ONLY ? startFfmpeg() : startOwnClient();
        } catch (IOException e) {
            failure = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            throw e;
        } catch (RuntimeException e) {
            // vlcj passes only IOExceptions on; nothing else may reach libvlc's thread
            failure = e.toString();
            throw new IOException(failure, e);
        }
    }

    /**
     * The client is made known to {@link #closeRelay()} before it connects, so a stop during a slow camera's
     * handshake closes its socket and the handshake fails at once instead of holding libvlc's stop.
     */
    private InputStream startOwnClient() throws IOException {
        RtspTsStream s = RtspTsStream.create(url);
        publish(s);
        try {
            s.start(CONNECT_TIMEOUT_MS);
            return s;
        } catch (UnsupportedStreamException e) {
            LOG.fine(() -> e.getMessage() + "; relaying with ffmpeg");
            return startFfmpeg();
        }
    }

    private InputStream startFfmpeg() throws IOException {
        checkReachable(url);
        FfmpegRelay r = FfmpegRelay.start(url);
        publish(r);
        return r.stream();
    }

    /** Hands the relay to {@link #closeRelay()}; when that already ran, ends the relay and fails. */
    private void publish(AutoCloseable r) throws IOException {
        synchronized (this) {
            if (!closed) {
                relay = r;
                return;
            }
        }
        closeQuietly(r);
        throw new IOException("relay closed");
    }

    /**
     * Fails at once when nothing listens at the camera's RTSP port: retrying a camera that is down then costs a
     * connection attempt, not an ffmpeg process, so retries can stay frequent.
     */
    static void checkReachable(String rtspUrl) throws IOException {
        URI uri = URI.create(rtspUrl);
        if (uri.getHost() == null) {
            return;
        }
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort() > 0 ? uri.getPort() : 554),
                    CONNECT_TIMEOUT_MS);
        }
    }

    @Override
    protected void onCloseStream(InputStream inputStream) {
        closeRelay();
    }

    @Override
    protected long onGetSize() {
        return 0;
    }

    /** Why the relay could not start (such as "Connection refused"), or null. */
    String failure() {
        return failure;
    }

    /** Ends the relay (client or process); any thread, more than once. */
    void closeRelay() {
        AutoCloseable r;
        synchronized (this) {
            closed = true;
            r = relay;
            relay = null;
        }
        closeQuietly(r);
    }

    private static void closeQuietly(AutoCloseable r) {
        if (r != null) {
            try {
                r.close();
            } catch (Exception e) {
                LOG.log(Level.FINE, "relay did not close cleanly", e);
            }
        }
    }
}
