package org.haechi.video.rtsp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SdpTrackTest {
    /** What VLC 3.0's RTSP server answers (captured on 127.0.0.1). */
    static final String VLC_SDP = """
            v=0
            o=- 17200733805820146790 17200733805820146790 IN IP4 vm
            s=Unnamed
            c=IN IP4 0.0.0.0
            t=0 0
            a=control:rtsp://127.0.0.1:18554/cam1
            m=video 0 RTP/AVP 96
            b=RR:0
            a=rtpmap:96 H264/90000
            a=fmtp:96 packetization-mode=1;profile-level-id=42c016;sprop-parameter-sets=Z0LAFtoCgL/lwEQAAAMABAAAAwB6PFi6gA==,aM48gA==;
            a=control:rtsp://127.0.0.1:18554/cam1/trackID=0
            """;

    @Test
    void readsVlcsDescription() {
        SdpTrack t = SdpTrack.parse(VLC_SDP, "rtsp://127.0.0.1:18554/cam1");
        assertThat(t.codec()).isEqualTo("H264");
        assertThat(t.payloadType()).isEqualTo(96);
        assertThat(t.controlUrl()).isEqualTo("rtsp://127.0.0.1:18554/cam1/trackID=0");
        assertThat(t.parameterSets()).hasSize(2);
        assertThat(t.parameterSets().get(0)[0] & 0x1F).as("SPS").isEqualTo(7);
        assertThat(t.parameterSets().get(1)[0] & 0x1F).as("PPS").isEqualTo(8);
    }

    @Test
    void takesTheVideoTrackAfterAnAudioOneAndResolvesARelativeControl() {
        String sdp = "v=0\r\ns=cam\r\nt=0 0\r\na=control:*\r\n"
                + "m=audio 0 RTP/AVP 0\r\na=rtpmap:0 PCMU/8000\r\na=control:track2\r\n"
                + "m=video 0 RTP/AVP 97\r\na=rtpmap:97 H265/90000\r\n"
                + "a=fmtp:97 sprop-vps=QAEMAf//AWAAAAMAkAAAAwAAAwBdlZgJ; sprop-sps=QgEBAWAAAAMAkAAAAwAAAwBdoAKAgC0WWVmkkyvAQAAAAwBAAAAHgg==; sprop-pps=RAHBcrRiQA==\r\n"
                + "a=control:trackID=1\r\n";
        SdpTrack t = SdpTrack.parse(sdp, "rtsp://10.0.0.5/Streaming/Channels/101/");
        assertThat(t.codec()).isEqualTo("H265");
        assertThat(t.payloadType()).isEqualTo(97);
        assertThat(t.controlUrl()).isEqualTo("rtsp://10.0.0.5/Streaming/Channels/101/trackID=1");
        assertThat(t.parameterSets()).hasSize(3);
    }

    @Test
    void aBaseWithAQueryKeepsItAsDahuasDo() {
        String sdp = "v=0\r\nm=video 0 RTP/AVP 96\r\na=rtpmap:96 H264/90000\r\na=control:trackID=0\r\n";
        SdpTrack t = SdpTrack.parse(sdp, "rtsp://10.0.0.9:554/cam/realmonitor?channel=1&subtype=0/");
        assertThat(t.controlUrl()).isEqualTo("rtsp://10.0.0.9:554/cam/realmonitor?channel=1&subtype=0/trackID=0");
        assertThat(SdpTrack.resolve("rtsp://10.0.0.9/a/b", null, "/media/video1"))
                .isEqualTo("rtsp://10.0.0.9/media/video1");
    }

    @Test
    void anAudioTracksAbsoluteControlIsNotTheSessions() {
        String sdp = "v=0\r\nm=audio 0 RTP/AVP 0\r\na=control:rtsp://cam/live/audio\r\n"
                + "m=video 0 RTP/AVP 96\r\na=rtpmap:96 H264/90000\r\na=control:video\r\n";
        assertThat(SdpTrack.parse(sdp, "rtsp://cam/live/").controlUrl()).isEqualTo("rtsp://cam/live/video");
    }

    @Test
    void aSessionWithoutH264OrH265HasNoTrackForUs() {
        String sdp = "v=0\r\nm=video 0 RTP/AVP 26\r\na=rtpmap:26 JPEG/90000\r\na=control:trackID=0\r\n";
        assertThat(SdpTrack.parse(sdp, "rtsp://cam/")).isNull();
    }

    @Test
    void brokenParameterSetsAreSkippedNotFatal() {
        String sdp = "m=video 0 RTP/AVP 96\na=rtpmap:96 H264/90000\na=fmtp:96 sprop-parameter-sets=!!!,aM48gA==\n";
        SdpTrack t = SdpTrack.parse(sdp, "rtsp://cam/live");
        assertThat(t.parameterSets()).hasSize(1);
        assertThat(t.controlUrl()).isEqualTo("rtsp://cam/live");
    }
}
