package org.haechi.video;

import java.io.IOException;
import java.io.InputStream;
import uk.co.caprica.vlcj.media.callback.nonseekable.NonSeekableInputStreamMedia;

/** vlcj callback media reading MPEG-TS from an ffmpeg relay. libvlc's threads call it; it owns the relay. */
final class RelayMedia extends NonSeekableInputStreamMedia {
    private final String url;
    private final boolean tcp;
    private volatile FfmpegRelay relay;

    RelayMedia(String url, boolean tcp) {
        super(64 * 1024);
        this.url = url;
        this.tcp = tcp;
    }

    @Override
    protected InputStream onOpenStream() throws IOException {
        relay = FfmpegRelay.start(url, tcp);
        return relay.stream();
    }

    @Override
    protected void onCloseStream(InputStream inputStream) {
        closeRelay();
    }

    @Override
    protected long onGetSize() {
        return 0;
    }

    /** Ends the relay process; safe to call from any thread, more than once. */
    void closeRelay() {
        FfmpegRelay r = relay;
        relay = null;
        if (r != null) {
            r.close();
        }
    }
}
