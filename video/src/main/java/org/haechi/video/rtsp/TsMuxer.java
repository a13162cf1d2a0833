package org.haechi.video.rtsp;

import java.util.Arrays;

/**
 * Writes one H.264 or H.265 elementary stream as an MPEG transport stream (ISO/IEC 13818-1): PAT and PMT when the
 * caller asks (before keyframes and at least once a second), one PES packet per access unit with its PTS, a PCR in
 * the first transport packet of each PES. Output goes to a growable buffer the reader drains. One thread.
 */
final class TsMuxer {
    static final int PACKET = 188;
    static final int PMT_PID = 0x1000;
    static final int VIDEO_PID = 0x100;
    private static final int PAYLOAD = 184;
    private final int streamType;
    private final Output out;
    private int patCounter;
    private int pmtCounter;
    private int videoCounter;

    /** The bytes written and not yet read. */
    static final class Output {
        private byte[] bytes = new byte[64 * 1024];
        private int start;
        private int end;

        int available() {
            return end - start;
        }

        int read(byte[] into, int offset, int max) {
            int n = Math.min(max, available());
            System.arraycopy(bytes, start, into, offset, n);
            start += n;
            if (start == end) {
                start = 0;
                end = 0;
            }
            return n;
        }

        /** Room for one more transport packet; returns its offset. */
        int nextPacket() {
            if (end + PACKET > bytes.length) {
                if (start > 0) {
                    System.arraycopy(bytes, start, bytes, 0, end - start);
                    end -= start;
                    start = 0;
                }
                if (end + PACKET > bytes.length) {
                    bytes = Arrays.copyOf(bytes, bytes.length * 2);
                }
            }
            int at = end;
            end += PACKET;
            return at;
        }

        byte[] array() {
            return bytes;
        }
    }

    TsMuxer(String codec, Output out) {
        this.streamType = codec.equals("H265") ? 0x24 : 0x1B;
        this.out = out;
    }

    /**
     * Writes one access unit presented at {@code pts} (90 kHz) with the program clock at {@code pcr} (90 kHz),
     * PAT and PMT first when {@code tables}; a keyframe's first packet carries the random access flag.
     */
    void write(byte[] es, int length, long pts, long pcr, boolean keyframe, boolean tables) {
        if (tables) {
            writeTables();
        }
        byte[] header = pesHeader(pts);
        int done = -header.length;
        boolean first = true;
        while (done < length) {
            int at = out.nextPacket();
            byte[] b = out.array();
            int adaptation = first ? 8 : 0;
            int space = PAYLOAD - adaptation;
            int remaining = length - done;
            int payload = Math.min(space, remaining);
            int stuffing = space - payload;
            int fieldBytes = adaptation + stuffing;
            b[at] = 0x47;
            b[at + 1] = (byte) ((first ? 0x40 : 0) | (VIDEO_PID >> 8));
            b[at + 2] = (byte) VIDEO_PID;
            b[at + 3] = (byte) ((fieldBytes > 0 ? 0x30 : 0x10) | videoCounter);
            videoCounter = (videoCounter + 1) & 0x0F;
            int p = at + 4;
            if (fieldBytes > 0) {
                b[p] = (byte) (fieldBytes - 1);
                if (fieldBytes > 1) {
                    b[p + 1] = (byte) (first ? (keyframe ? 0x50 : 0x10) : 0x00);
                    int q = p + 2;
                    if (first) {
                        writePcr(b, q, pcr);
                        q += 6;
                    }
                    Arrays.fill(b, q, p + fieldBytes, (byte) 0xFF);
                }
                p += fieldBytes;
            }
            for (int i = 0; i < payload; i++, done++) {
                b[p + i] = done < 0 ? header[header.length + done] : es[done];
            }
            first = false;
        }
    }

    private static byte[] pesHeader(long pts) {
        long t = pts & 0x1FFFFFFFFL;
        return new byte[] {0, 0, 1, (byte) 0xE0, 0, 0, (byte) 0x80, (byte) 0x80, 5,
            (byte) (0x21 | ((t >> 29) & 0x0E)), (byte) (t >> 22), (byte) (((t >> 14) & 0xFE) | 1),
            (byte) (t >> 7), (byte) (((t << 1) & 0xFE) | 1)};
    }

    private static void writePcr(byte[] b, int at, long pcr) {
        long base = pcr & 0x1FFFFFFFFL;
        b[at] = (byte) (base >> 25);
        b[at + 1] = (byte) (base >> 17);
        b[at + 2] = (byte) (base >> 9);
        b[at + 3] = (byte) (base >> 1);
        b[at + 4] = (byte) (((base & 1) << 7) | 0x7E);
        b[at + 5] = 0;
    }

    private void writeTables() {
        byte[] pat = {0x00, (byte) 0xB0, 13, 0x00, 0x01, (byte) 0xC1, 0x00, 0x00,
            0x00, 0x01, (byte) (0xE0 | (PMT_PID >> 8)), (byte) PMT_PID};
        patCounter = section(0, pat, patCounter);
        byte[] pmt = {0x02, (byte) 0xB0, 18, 0x00, 0x01, (byte) 0xC1, 0x00, 0x00,
            (byte) (0xE0 | (VIDEO_PID >> 8)), (byte) VIDEO_PID, (byte) 0xF0, 0x00,
            (byte) streamType, (byte) (0xE0 | (VIDEO_PID >> 8)), (byte) VIDEO_PID, (byte) 0xF0, 0x00};
        pmtCounter = section(PMT_PID, pmt, pmtCounter);
    }

    /** One PSI section in one packet: pointer field, the section, its CRC, 0xFF to the end. */
    private int section(int pid, byte[] section, int counter) {
        int at = out.nextPacket();
        byte[] b = out.array();
        b[at] = 0x47;
        b[at + 1] = (byte) (0x40 | (pid >> 8));
        b[at + 2] = (byte) pid;
        b[at + 3] = (byte) (0x10 | counter);
        b[at + 4] = 0;
        System.arraycopy(section, 0, b, at + 5, section.length);
        int crc = crc32Mpeg(section);
        int c = at + 5 + section.length;
        b[c] = (byte) (crc >>> 24);
        b[c + 1] = (byte) (crc >>> 16);
        b[c + 2] = (byte) (crc >>> 8);
        b[c + 3] = (byte) crc;
        Arrays.fill(b, c + 4, at + PACKET, (byte) 0xFF);
        return (counter + 1) & 0x0F;
    }

    /** CRC-32/MPEG-2: polynomial 0x04C11DB7, initial all ones, not reflected, no final XOR. */
    static int crc32Mpeg(byte[] data) {
        int crc = 0xFFFFFFFF;
        for (byte d : data) {
            crc ^= (d & 0xFF) << 24;
            for (int i = 0; i < 8; i++) {
                crc = (crc & 0x80000000) != 0 ? (crc << 1) ^ 0x04C11DB7 : crc << 1;
            }
        }
        return crc;
    }
}
