package org.haechi.video.rtsp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class RtspAuthTest {
    @Test
    void digestAnswerMatchesRfc2617sFormulaWithoutQop() {
        RtspAuth auth = RtspAuth.fromChallenges(List.of("Basic realm=\"x\"",
                "Digest realm=\"IP Camera\", nonce=\"3a5f0e2b\", stale=\"FALSE\""), "admin", "12345");
        String header = auth.header("DESCRIBE", "rtsp://10.0.0.5/live");
        // md5(md5("admin:IP Camera:12345") + ":3a5f0e2b:" + md5("DESCRIBE:rtsp://10.0.0.5/live")), by md5sum
        assertThat(header).startsWith("Digest username=\"admin\", realm=\"IP Camera\", nonce=\"3a5f0e2b\"")
                .contains("uri=\"rtsp://10.0.0.5/live\"")
                .contains("response=\"b83357891e34dd1d89e0e0cb132353cc\"");
    }

    @Test
    void digestWithQopAuthCountsItsNoncesAndSignsThem() {
        RtspAuth auth = RtspAuth.fromChallenges(List.of("Digest realm=\"cam\", nonce=\"n1\", qop=\"auth,auth-int\""),
                "u", "p");
        String first = auth.header("DESCRIBE", "rtsp://cam/live");
        String second = auth.header("SETUP", "rtsp://cam/live/trackID=1");
        assertThat(first).contains("qop=auth, nc=00000001");
        assertThat(second).contains("nc=00000002");
        java.util.Map<String, String> p = RtspAuth.parameters(first.substring("Digest ".length()));
        String expected = RtspTestServer.digestQop("u", "cam", "p", "n1", p.get("nc"), p.get("cnonce"), "DESCRIBE",
                "rtsp://cam/live");
        assertThat(p.get("response")).isEqualTo(expected);
    }

    @Test
    void basicWhenThatIsAllTheServerOffers() {
        RtspAuth auth = RtspAuth.fromChallenges(List.of("Basic realm=\"cam\""), "op", "pw");
        assertThat(auth.header("PLAY", "rtsp://x/")).isEqualTo("Basic b3A6cHc=");
    }

    @Test
    void unknownSchemesGiveNoAnswer() {
        assertThat(RtspAuth.fromChallenges(List.of("Negotiate abc"), "u", "p")).isNull();
    }

    @Test
    void parametersWithCommasInsideQuotes() {
        assertThat(RtspAuth.parameters("realm=\"a, b\", nonce=xyz, opaque=\"o\""))
                .containsEntry("realm", "a, b").containsEntry("nonce", "xyz").containsEntry("opaque", "o");
    }
}
