package org.haechi.video.rtsp;

/**
 * One RTP packet (RFC 3550) as received: the header fields a depacketizer needs and where the payload lies in the
 * buffer. The buffer is the receiver's and may be reused after the packet is handed on; immutable otherwise.
 */
record RtpPacket(int payloadType, boolean marker, int sequence, long timestamp, long ssrc,
                 byte[] buffer, int payloadOffset, int payloadLength) {

    private static final int FIXED_HEADER = 12;

    /** Parses {@code length} bytes at {@code offset}; returns null for anything that is not RTP version 2. */
    static RtpPacket parse(byte[] buffer, int offset, int length) {
        if (length < FIXED_HEADER || (buffer[offset] & 0xC0) != 0x80) {
            return null;
        }
        int first = buffer[offset] & 0xFF;
        int csrcCount = first & 0x0F;
        int header = FIXED_HEADER + 4 * csrcCount;
        int end = offset + length;
        if ((first & 0x20) != 0) {
            end -= buffer[end - 1] & 0xFF;
        }
        if ((first & 0x10) != 0) {
            if (offset + header + 4 > end) {
                return null;
            }
            int words = ((buffer[offset + header + 2] & 0xFF) << 8) | (buffer[offset + header + 3] & 0xFF);
            header += 4 + 4 * words;
        }
        int payloadLength = end - offset - header;
        if (payloadLength < 0) {
            return null;
        }
        int second = buffer[offset + 1] & 0xFF;
        return new RtpPacket(second & 0x7F, (second & 0x80) != 0, u16(buffer, offset + 2), u32(buffer, offset + 4),
                u32(buffer, offset + 8), buffer, offset + header, payloadLength);
    }

    private static int u16(byte[] b, int i) {
        return ((b[i] & 0xFF) << 8) | (b[i + 1] & 0xFF);
    }

    private static long u32(byte[] b, int i) {
        return ((long) u16(b, i) << 16) | u16(b, i + 2);
    }

    byte payloadByte(int index) {
        return buffer[payloadOffset + index];
    }
}
