package org.haechi.video.rtsp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RtpPacketTest {
    @Test
    void readsHeaderFieldsAndFindsThePayloadBehindCsrcsExtensionAndPadding() {
        byte[] b = {
            (byte) 0xB1, (byte) 0xE0, 0x12, 0x34, 0x00, 0x01, 0x5F, (byte) 0x90, 0x0A, 0x0B, 0x0C, 0x0D,
            0, 0, 0, 7,                    // one CSRC
            0x10, 0x00, 0x00, 0x01,        // extension header, one word
            1, 2, 3, 4,                    // extension word
            0x65, 0x66, 0x67,              // payload
            0, 0, 3};                      // padding: three bytes, the last says how many
        RtpPacket p = RtpPacket.parse(b, 0, b.length);
        assertThat(p.payloadType()).isEqualTo(96);
        assertThat(p.marker()).isTrue();
        assertThat(p.sequence()).isEqualTo(0x1234);
        assertThat(p.timestamp()).isEqualTo(90_000L);
        assertThat(p.ssrc()).isEqualTo(0x0A0B0C0DL);
        assertThat(p.payloadLength()).isEqualTo(3);
        assertThat(p.payloadByte(0)).isEqualTo((byte) 0x65);
    }

    @Test
    void notRtpOrTooShortIsNull() {
        assertThat(RtpPacket.parse(new byte[] {0x40, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0}, 0, 12)).isNull();
        assertThat(RtpPacket.parse(new byte[] {(byte) 0x80, 0, 0}, 0, 3)).isNull();
        byte[] lyingExtension = {(byte) 0x90, 96, 0, 1, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0x7F, 0x7F};
        assertThat(RtpPacket.parse(lyingExtension, 0, lyingExtension.length)).isNull();
    }
}
