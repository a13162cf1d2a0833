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
