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
    private volatile AutoCloseable relay;
    private volatile boolean closed;
    private volatile String failure;

    RelayMedia(String url) {
        super(64 * 1024);
        this.url = url;
    }

    @Override
    protected InputStream onOpenStream() throws IOException {
        InputStream stream;
        try {
            stream = FFMPEG_ONLY ? startFfmpeg() : startOwnClient();
        } catch (IOException e) {
            failure = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            throw e;
        }
        if (closed) {
            closeRelay();
            throw new IOException("relay closed");
        }
        return stream;
    }

    private InputStream startOwnClient() throws IOException {
        try {
            RtspTsStream s = RtspTsStream.open(url, CONNECT_TIMEOUT_MS);
            relay = s;
            return s;
        } catch (UnsupportedStreamException e) {
            LOG.fine(() -> e.getMessage() + "; relaying with ffmpeg");
            return startFfmpeg();
        }
    }

    private InputStream startFfmpeg() throws IOException {
        checkReachable(url);
        FfmpegRelay r = FfmpegRelay.start(url);
        relay = r;
        return r.stream();
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
        closed = true;
        AutoCloseable r = relay;
        relay = null;
        if (r != null) {
            try {
                r.close();
            } catch (Exception e) {
                LOG.log(Level.FINE, "relay did not close cleanly", e);
            }
        }
    }
}
