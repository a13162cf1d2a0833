package org.haechi.video.rtsp;

import java.io.IOException;
import java.io.InputStream;

/**
 * A camera's RTSP video as an MPEG transport stream libvlc can demultiplex (":demux=ts"), made in this process:
 * RTP in, access units rebuilt, each written as one PES packet. It replaces an ffmpeg process per tile where libvlc
 * has no RTSP client, which saves the process start (a quarter to a third of a second) before the first picture.
 * Read by one thread (libvlc's input thread); {@link #close()} from any thread ends a blocked read.
 * <p>
 * Timing: presentation times are the RTP timestamps (90 kHz) counted from the first keyframe, and the program clock
 * is each picture's own time (what ffmpeg writes with no mux delay). A clock written ahead of the pictures, to win
 * back libvlc's fixed 300 ms hold on in-memory input, measured no faster to the first picture (libvlc shows the
 * first one at once) and would drop late pictures on a jittery network, so it is not done.
 */
public final class RtspTsStream extends InputStream {
    private static final long START_90K = 90_000L;
    private final RtspClient client;
    private final TsMuxer.Output output = new TsMuxer.Output();
    private final TsMuxer muxer;
    private final NalDepacketizer depacketizer;
    private long lastRtp = -1;
    private long pts = START_90K;

    private RtspTsStream(RtspClient client) {
        this.client = client;
        SdpTrack track = client.track();
        this.muxer = new TsMuxer(track.codec(), output);
        this.depacketizer = new NalDepacketizer(track.codec(), track.parameterSets(), this::accessUnit);
    }

    /** Connects to the camera and starts its video; see {@link RtspClient#open}. */
    public static RtspTsStream open(String cameraUrl, int connectTimeoutMs) throws IOException {
        return new RtspTsStream(RtspClient.open(cameraUrl, connectTimeoutMs));
    }

    private void accessUnit(byte[] annexB, int length, long rtpTimestamp, boolean keyframe) {
        if (lastRtp >= 0) {
            pts += (int) (rtpTimestamp - lastRtp);
        }
        lastRtp = rtpTimestamp;
        muxer.write(annexB, length, pts, pts, keyframe);
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        try {
            while (output.available() == 0) {
                depacketizer.push(client.next());
            }
        } catch (RuntimeException e) {
            // never into libvlc's thread: a packet our parsers did not foresee ends this attempt, the tile retries
            client.close();
            throw new IOException("unreadable video from the camera: " + e, e);
        }
        return output.read(b, off, len);
    }

    @Override
    public int available() {
        return output.available();
    }

    @Override
    public void close() {
        client.close();
    }
}
