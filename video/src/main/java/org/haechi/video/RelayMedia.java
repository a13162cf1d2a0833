package org.haechi.video;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import uk.co.caprica.vlcj.media.callback.nonseekable.NonSeekableInputStreamMedia;

/**
 * vlcj callback media reading MPEG-TS from an ffmpeg relay. libvlc's input thread opens, reads and closes it; the
 * control thread may end the relay at any time ({@link #closeRelay()}), which makes a blocked read return
 * end-of-stream at once, so stopping the player never waits on the network.
 */
final class RelayMedia extends NonSeekableInputStreamMedia {
    private static final int CONNECT_TIMEOUT_MS = 1500;
    private final String url;
    private volatile FfmpegRelay relay;
    private volatile boolean closed;
    private volatile String failure;

    RelayMedia(String url) {
        super(64 * 1024);
        this.url = url;
    }

    @Override
    protected InputStream onOpenStream() throws IOException {
        FfmpegRelay r;
        try {
            checkReachable(url);
            r = FfmpegRelay.start(url);
        } catch (IOException e) {
            failure = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            throw e;
        }
        relay = r;
        if (closed) {
            closeRelay();
            throw new IOException("relay closed");
        }
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

    /** Ends the relay process; any thread, more than once. */
    void closeRelay() {
        closed = true;
        FfmpegRelay r = relay;
        relay = null;
        if (r != null) {
            r.close();
        }
    }
}
