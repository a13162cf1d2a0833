package org.haechi.messaging.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.haechi.core.asset.Asset;
import org.junit.jupiter.api.Test;

/**
 * What the cache keeps in columns of fixed width: an identifier or address longer than its column breaks the contract
 * with a reason the operator can read; free text is cut and the repair noted, so that the message is still shown.
 */
class ColumnLimitsTest {
    private static final String ASSET = "{\"schema\":\"haechi.asset/1\",\"kind\":\"CAMERA\",\"id\":\"cam-1\","
            + "\"lat\":37.5,\"lon\":127.0,\"name\":\"Gangnam exit 10\",\"status\":\"ONLINE\","
            + "\"streamUrl\":\"rtsp://127.0.0.1/cam-1\"}";
    private static final String POSITION = "{\"schema\":\"haechi.position/1\",\"personId\":\"child-7\","
            + "\"fixAt\":\"2026-11-28T05:12:00Z\",\"lat\":37.5,\"lon\":127.0}";

    @Test
    void anAssetKeepsItsStatusWhenItsNameIsTooLongButNotAnIdOrAddressTooLong() throws Exception {
        AssetCodec codec = new AssetCodec();
        Asset asset = codec.decode(ASSET.replace("Gangnam exit 10", "n".repeat(1500)));

        assertThat(asset.name()).hasSize(1000).endsWith("n\u2026");
        assertThat(asset.attributes()).containsEntry(AlarmCodec.REPAIRED, "name cut from 1500 characters");
        assertThat(codec.decode(ASSET).attributes()).doesNotContainKey(AlarmCodec.REPAIRED);
        assertThatThrownBy(() -> codec.decode(ASSET.replace("cam-1\",\"lat", "c".repeat(201) + "\",\"lat")))
                .hasMessage("field 'id' longer than 200 characters");
        assertThatThrownBy(() -> codec.decode(ASSET.replace("rtsp://127.0.0.1/cam-1", "rtsp://" + "h".repeat(2000))))
                .hasMessage("field 'streamUrl' longer than 2000 characters");
    }

    @Test
    void aPositionNeedsAStorableTagIdAndFixTime() throws Exception {
        PositionCodec codec = new PositionCodec();
        assertThat(codec.decode(POSITION).personId()).isEqualTo("child-7");
        assertThatThrownBy(() -> codec.decode(POSITION.replace("child-7", "p".repeat(101))))
                .hasMessage("field 'personId' longer than 100 characters");
        assertThatThrownBy(() -> codec.decode(POSITION.replace("2026-11-28T05:12:00Z", "+999999999-01-01T00:00:00Z")))
                .hasMessage("field 'fixAt' outside the years 0001 to 9999: +999999999-01-01T00:00:00Z");
    }

    @Test
    void aWarningIdentifierOrMessageTypeLongerThanItsColumnIsRejected() throws Exception {
        CapCodec codec = new CapCodec();
        String cap = golden("heavy-rain-seoul.xml");
        String identifier = cap.substring(cap.indexOf("<identifier>") + 12, cap.indexOf("</identifier>"));

        assertThat(codec.decode(cap).identifier()).isEqualTo(identifier);
        assertThatThrownBy(() -> codec.decode(cap.replace(identifier, "i".repeat(501))))
                .hasMessage("field 'identifier' longer than 500 characters");
        assertThatThrownBy(() -> codec.decode(cap.replaceFirst("<msgType>[^<]*</msgType>",
                "<msgType>" + "m".repeat(17) + "</msgType>"))).hasMessage("field 'msgType' longer than 16 characters");
    }

    private static String golden(String name) throws IOException {
        try (InputStream in = ColumnLimitsTest.class.getResourceAsStream("/golden/cap/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
