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
    /** Beyond this jump of RTP time (5 s) between pictures the camera restarted its clock: count one frame. */
    private static final long JUMP_90K = 450_000;
    private static final long TABLES_EVERY_90K = 90_000;
    private final RtspClient client;
    private final TsMuxer.Output output = new TsMuxer.Output();
    private TsMuxer muxer;
    private NalDepacketizer depacketizer;
    private long lastRtp = -1;
    private long lastDelta = 3000;
    private long pts = START_90K;
    private long pcr = -1;
    private long tablesAt = Long.MIN_VALUE;

    private RtspTsStream(RtspClient client) {
        this.client = client;
    }

    /** Connects to the camera and starts its video; see {@link RtspClient#open}. */
    public static RtspTsStream open(String cameraUrl, int connectTimeoutMs) throws IOException {
        RtspTsStream s = create(cameraUrl);
        s.start(connectTimeoutMs);
        return s;
    }

    /** A stream not connected yet (no I/O here); {@link #close()} before or during {@link #start} stops it. */
    public static RtspTsStream create(String cameraUrl) throws IOException {
        return new RtspTsStream(RtspClient.create(cameraUrl));
    }

    /** Connects and plays; see {@link RtspClient#start}. */
    public void start(int connectTimeoutMs) throws IOException {
        client.start(connectTimeoutMs);
        SdpTrack track = client.track();
        muxer = new TsMuxer(track.codec(), output);
        depacketizer = new NalDepacketizer(track.codec(), track.parameterSets(), this::accessUnit);
    }

    private void accessUnit(byte[] annexB, int length, long rtpTimestamp, boolean keyframe) {
        if (lastRtp >= 0) {
            long delta = (int) (rtpTimestamp - lastRtp);
            if (Math.abs(delta) > JUMP_90K) {
                delta = lastDelta;
            } else if (delta > 0) {
                lastDelta = delta;
            }
            pts += delta;
        }
        lastRtp = rtpTimestamp;
        // The clock never runs backwards (B-frames come before their references' later pictures in RTP time).
        pcr = Math.max(pcr, pts);
        boolean tables = keyframe || pts - tablesAt >= TABLES_EVERY_90K;
        if (tables) {
            tablesAt = pts;
        }
        muxer.write(annexB, length, pts, pcr, keyframe, tables);
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
