package org.haechi.video.rtsp;

import java.util.Arrays;
import java.util.List;

/**
 * Rebuilds H.264 (RFC 6184) or H.265 (RFC 7798) access units from RTP payloads, as Annex B byte streams: single NAL
 * unit packets, aggregation packets (STAP-A, AP) and fragmentation units (FU-A, FU). Nothing is handed on before
 * the first keyframe (a decoder would only show grey until then), and a keyframe that arrives without its
 * parameter sets gets the session description's put in front. An access unit that lost a packet is dropped whole.
 * A keyframe is an IDR or IRAP picture, or an H.264 picture of I slices (some cameras send no IDR after the first);
 * a stream with neither (intra refresh) is handed on anyway after {@link #START_ANYWAY_90K} of waiting. One thread.
 */
final class NalDepacketizer {

    /** Receives whole access units; the array is reused after the call returns. */
    interface Sink {
        void accessUnit(byte[] annexB, int length, long rtpTimestamp, boolean keyframe);
    }

    private static final byte[] START_CODE = {0, 0, 0, 1};
    /** Ten seconds of RTP time (90 kHz) without a keyframe: start with whatever comes. */
    static final long START_ANYWAY_90K = 900_000;
    /** The largest access unit kept (a 4K intra picture is a few MB); a bigger one is dropped as broken. */
    static final int MAX_UNIT = 16 * 1024 * 1024;
    private final boolean hevc;
    private final List<byte[]> parameterSets;
    private final Sink sink;
    private byte[] unit = new byte[256 * 1024];
    private int length;
    private long timestamp = -1;
    private boolean usesMarkers;
    private boolean keyframe;
    private boolean hasParameterSets;
    private boolean broken;
    private boolean fragmentOpen;
    private int expectedSequence = -1;
    private boolean started;
    private long firstTimestamp = -1;
    private long dropped;

    NalDepacketizer(String codec, List<byte[]> parameterSets, Sink sink) {
        this.hevc = codec.equals("H265");
        this.parameterSets = List.copyOf(parameterSets);
        this.sink = sink;
    }

    /** Access units dropped because a packet of theirs was lost. */
    long dropped() {
        return dropped;
    }

    void push(RtpPacket p) {
        int gap = expectedSequence < 0 ? 0 : (p.sequence() - expectedSequence) & 0xFFFF;
        if (gap >= 0x8000) {
            // Late (overtaken by a later one, over UDP) or repeated: its unit was already finished or dropped.
            return;
        }
        if (timestamp != -1 && p.timestamp() != timestamp) {
            // The unit before is unfinished: no marker came. When exactly one packet is missing and this camera
            // marks its units' ends, the missing one is that unit's last: only it is lost, not this one too.
            boolean onlyItsEndLost = usesMarkers && gap == 1;
            if (onlyItsEndLost) {
                broken = true;
                expectedSequence = p.sequence();
            }
            finish();
        }
        if (expectedSequence >= 0 && p.sequence() != expectedSequence) {
            broken = true;
            fragmentOpen = false;
        }
        expectedSequence = (p.sequence() + 1) & 0xFFFF;
        timestamp = p.timestamp();
        if (p.payloadLength() > 0) {
            if (hevc) {
                pushH265(p);
            } else {
                pushH264(p);
            }
        }
        if (p.marker()) {
            usesMarkers = true;
            finish();
        }
    }

    private void pushH264(RtpPacket p) {
        int type = p.payloadByte(0) & 0x1F;
        if (type >= 1 && type <= 23) {
            nal(p.buffer(), p.payloadOffset(), p.payloadLength());
        } else if (type == 24) {
            aggregate(p, 1);
        } else if (type == 28 && p.payloadLength() > 2) {
            int header = p.payloadByte(1) & 0xFF;
            byte nalHeader = (byte) ((p.payloadByte(0) & 0xE0) | (header & 0x1F));
            // A non-IDR slice big enough to be fragmented may still be an I slice (its header is in the first one).
            if ((header & 0x80) != 0 && (header & 0x1F) == 1
                    && isIntraSlice(p.buffer(), p.payloadOffset() + 2, p.payloadLength() - 2)) {
                keyframe = true;
            }
            fragment(p, header, new byte[] {nalHeader}, 2);
        }
    }

    private void pushH265(RtpPacket p) {
        if (p.payloadLength() < 3) {
            return;
        }
        int type = (p.payloadByte(0) >> 1) & 0x3F;
        if (type < 48) {
            nal(p.buffer(), p.payloadOffset(), p.payloadLength());
        } else if (type == 48) {
            aggregate(p, 2);
        } else if (type == 49) {
            int header = p.payloadByte(2) & 0xFF;
            byte first = (byte) ((p.payloadByte(0) & 0x81) | ((header & 0x3F) << 1));
            fragment(p, header, new byte[] {first, p.payloadByte(1)}, 3);
        }
    }

    /** STAP-A / AP: NAL units each behind a 16-bit size, after the aggregation header. */
    private void aggregate(RtpPacket p, int headerSize) {
        int i = headerSize;
        while (i + 2 <= p.payloadLength()) {
            int size = ((p.payloadByte(i) & 0xFF) << 8) | (p.payloadByte(i + 1) & 0xFF);
            i += 2;
            if (size == 0 || i + size > p.payloadLength()) {
                broken = true;
                return;
            }
            nal(p.buffer(), p.payloadOffset() + i, size);
            i += size;
        }
    }

    /** FU-A / FU: the first fragment opens the NAL unit with its rebuilt header, the rest append to it. */
    private void fragment(RtpPacket p, int fuHeader, byte[] nalHeader, int skip) {
        boolean start = (fuHeader & 0x80) != 0;
        boolean end = (fuHeader & 0x40) != 0;
        if (start) {
            append(START_CODE, 0, 4);
            append(nalHeader, 0, nalHeader.length);
            note(nalHeader[0]);
            fragmentOpen = true;
        } else if (!fragmentOpen) {
            return;
        }
        append(p.buffer(), p.payloadOffset() + skip, p.payloadLength() - skip);
        if (end) {
            fragmentOpen = false;
        }
    }

    private void nal(byte[] b, int offset, int size) {
        append(START_CODE, 0, 4);
        append(b, offset, size);
        note(b[offset]);
        if (!hevc && (b[offset] & 0x1F) == 1 && isIntraSlice(b, offset + 1, size - 1)) {
            keyframe = true;
        }
    }

    private void note(byte header) {
        int type = hevc ? (header >> 1) & 0x3F : header & 0x1F;
        if (hevc ? type >= 16 && type <= 21 : type == 5) {
            keyframe = true;
        } else if (hevc ? type >= 32 && type <= 34 : type == 7 || type == 8) {
            hasParameterSets = true;
        }
    }

    /**
     * Whether an H.264 slice header (after its NAL header byte) says I slice: first_mb_in_slice and slice_type are
     * its first two Exp-Golomb numbers (ITU-T H.264 7.3.3); slice types 2 and 7 are I, 4 and 9 SI.
     */
    static boolean isIntraSlice(byte[] b, int offset, int size) {
        ExpGolomb bits = new ExpGolomb(b, offset, Math.min(size, 16));
        return bits.readUnsigned() >= 0 && switch (bits.readUnsigned()) {
            case 2, 4, 7, 9 -> true;
            default -> false;
        };
    }

    /** Reads Exp-Golomb numbers from the start of a NAL unit's payload, skipping emulation prevention bytes. */
    private static final class ExpGolomb {
        private final byte[] b;
        private final int end;
        private int at;
        private int bit;
        private int zeros;

        ExpGolomb(byte[] b, int offset, int size) {
            this.b = b;
            this.at = offset;
            this.end = offset + size;
        }

        /** The next ue(v), or -1 when the bytes run out first. */
        int readUnsigned() {
            int leadingZeros = 0;
            int next;
            while ((next = nextBit()) == 0) {
                if (++leadingZeros > 20) {
                    return -1;
                }
            }
            if (next < 0) {
                return -1;
            }
            int value = 0;
            for (int i = 0; i < leadingZeros; i++) {
                int v = nextBit();
                if (v < 0) {
                    return -1;
                }
                value = (value << 1) | v;
            }
            return (1 << leadingZeros) - 1 + value;
        }

        private int nextBit() {
            if (bit == 0) {
                if (at >= end) {
                    return -1;
                }
                if (zeros >= 2 && b[at] == 3) {
                    at++;
                    zeros = 0;
                    if (at >= end) {
                        return -1;
                    }
                }
                zeros = b[at] == 0 ? zeros + 1 : 0;
            }
            int v = (b[at] >> (7 - bit)) & 1;
            if (++bit == 8) {
                bit = 0;
                at++;
            }
            return v;
        }
    }

    private void append(byte[] b, int offset, int size) {
        if (broken || length + size > MAX_UNIT) {
            // a camera that never ends its picture (no marker, no new timestamp) must not take all the memory
            broken = true;
            return;
        }
        if (length + size > unit.length) {
            unit = Arrays.copyOf(unit, Math.max(unit.length * 2, length + size));
        }
        System.arraycopy(b, offset, unit, length, size);
        length += size;
    }

    private void finish() {
        if (broken) {
            dropped++;
        } else if (length > 0) {
            if (fragmentOpen) {
                dropped++;
            } else if (keyframe || started || waitedTooLong()) {
                started = true;
                if (keyframe && !hasParameterSets && !parameterSets.isEmpty()) {
                    prependParameterSets();
                }
                sink.accessUnit(unit, length, timestamp, keyframe);
            }
        }
        length = 0;
        keyframe = false;
        hasParameterSets = false;
        broken = false;
        fragmentOpen = false;
        timestamp = -1;
    }

    private boolean waitedTooLong() {
        if (firstTimestamp < 0) {
            firstTimestamp = timestamp;
        }
        return (int) (timestamp - firstTimestamp) > START_ANYWAY_90K;
    }

    private void prependParameterSets() {
        int extra = parameterSets.stream().mapToInt(s -> s.length + 4).sum();
        byte[] joined = new byte[Math.max(unit.length, length + extra)];
        int at = 0;
        for (byte[] set : parameterSets) {
            System.arraycopy(START_CODE, 0, joined, at, 4);
            System.arraycopy(set, 0, joined, at + 4, set.length);
            at += set.length + 4;
        }
        System.arraycopy(unit, 0, joined, at, length);
        unit = joined;
        length += extra;
    }
}
