package org.haechi.messaging.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.haechi.core.alarm.ActionKind;
import org.haechi.core.alarm.HybridTimestamp;
import org.haechi.core.alarm.OperatorAction;
import org.junit.jupiter.api.Test;

class ActionCodecTest {
    final ActionCodec codec = new ActionCodec();

    static String action(String at, String extra) {
        return "{\"schema\":\"haechi.action/1\",\"actionId\":\"act-1\",\"alarmId\":\"bell-1\",\"kind\":\"CLOSE\","
                + "\"operator\":\"op-kim\",\"console\":\"ws-03\",\"at\":\"" + at + "\"" + extra + "}";
    }

    @Test
    void theHybridTimestampTravelsAsText() throws Exception {
        OperatorAction a = codec.decode(action("2026-11-28T05:12:41.318Z#0003@ws-03", ""));
        assertThat(a.at()).isEqualTo(HybridTimestamp.parse("2026-11-28T05:12:41.318Z#0003@ws-03"));
        assertThat(codec.decode(codec.encode(a))).isEqualTo(a);
    }

    @Test
    void aPlainInstantFromAThirdPartyIsCounterZeroOfItsConsole() throws Exception {
        OperatorAction a = codec.decode(action("2026-11-28T14:12:41.318+09:00", ""));
        assertThat(a.at()).hasToString("2026-11-28T05:12:41.318Z#0000@ws-03");
    }

    @Test
    void assigneeUntilAndDispositionAreOptionalAndRoundTrip() throws Exception {
        OperatorAction a = codec.decode(action("2026-11-28T05:12:41.318Z#0000@ws-03",
                ",\"disposition\":\"FALSE_ALARM\",\"assignee\":\"op-lee\",\"until\":\"2026-11-28T06:00:00Z\""));
        assertThat(a.kind()).isEqualTo(ActionKind.CLOSE);
        assertThat(a.disposition()).isEqualTo("FALSE_ALARM");
        assertThat(a.assignee()).isEqualTo("op-lee");
        assertThat(a.until()).isEqualTo(Instant.parse("2026-11-28T06:00:00Z"));
        assertThat(codec.decode(codec.encode(a))).isEqualTo(a);
        assertThat(codec.encode(codec.decode(action("2026-11-28T05:12:41.318Z#0000@ws-03", ""))))
                .doesNotContain("disposition").doesNotContain("until").doesNotContain("assignee");
    }

    @Test
    void badTimesAndOverlongFieldsAreRejected() {
        assertThatThrownBy(() -> codec.decode(action("2026-11-28T05:12:41Z#5@ws-03", "")))
                .hasMessage("field 'at' is not a hybrid timestamp: 2026-11-28T05:12:41Z#5@ws-03");
        assertThatThrownBy(() -> codec.decode(action("2026-11-28 05:12:41", "")))
                .hasMessage("field 'at' is not an ISO-8601 instant: 2026-11-28 05:12:41");
        assertThatThrownBy(() -> codec.decode(action("1969-12-31T23:59:59Z", "")))
                .hasMessageContaining("outside 1970..9999");
        assertThatThrownBy(() -> codec.decode(action("2026-11-28T05:12:41Z", ",\"until\":\"soon\"")))
                .hasMessage("field 'until' is not an ISO-8601 instant: soon");
        assertThatThrownBy(() -> codec.decode(action("2026-11-28T05:12:41Z", ",\"until\":\"+100000-01-01T00:00:00Z\"")))
                .hasMessage("field 'until' outside the years 0001 to 9999: +100000-01-01T00:00:00Z");
        assertThatThrownBy(() -> codec.decode(action("2026-11-28T05:12:41Z", ",\"note\":\"" + "x".repeat(4001)
                + "\""))).hasMessage("field 'note' longer than 4000 characters");
        assertThatThrownBy(() -> codec.decode(action("2026-11-28T05:12:41Z", "").replace("ws-03", "ws 03")))
                .hasMessage("field 'console' contains whitespace: ws 03");
    }

    /**
     * Whether an action is taken must not depend on the receiving console's clock, or consoles whose clocks differ
     * would hold different sets of actions for good (review, session 10). A far-future stamp is kept; the hybrid
     * clock does not follow it (HybridClockTest).
     */
    @Test
    void anActionStampedFarAheadIsKeptWhateverThisConsolesClock() throws Exception {
        String farAhead = "9999-12-31T23:59:59.999Z#0000@ws-03";
        assertThat(codec.decode(action(farAhead, "")).at()).hasToString(farAhead);
    }

    @Test
    void aNodeLongerThanAConsoleIdIsRejected() throws Exception {
        String node = "n".repeat(101);
        assertThatThrownBy(() -> codec.decode(action("2026-11-28T05:12:41.318Z#0000@" + node, "")))
                .hasMessage("field 'at' names a node longer than 100 characters");
        assertThat(codec.decode(action("2026-11-28T05:12:41.318Z#0000@" + "n".repeat(100), "")).at().node())
                .hasSize(100);
    }

    /**
     * A kind this version does not know (a later one's, say a coordinator's take-over) changes nothing here, but keeps
     * its name: stored as UNKNOWN, the upgraded console would still fold it as nothing while the others apply it.
     */
    @Test
    void aKindThisVersionDoesNotKnowKeepsItsName() throws Exception {
        OperatorAction a = codec.decode(action("2026-11-28T05:12:41.318Z#0003@ws-03", "").replace("CLOSE",
                "TAKE_OVER"));
        assertThat(a.kind()).isEqualTo(ActionKind.UNKNOWN);
        assertThat(a.kindName()).isEqualTo("TAKE_OVER");
        assertThat(codec.encode(a)).contains("\"kind\":\"TAKE_OVER\"");
        assertThatThrownBy(() -> codec.decode(action("2026-11-28T05:12:41.318Z#0003@ws-03", "")
                .replace("CLOSE", "K".repeat(33)))).hasMessage("field 'kind' longer than 32 characters");
    }

    @Test
    void theDocumentedSampleDecodes() throws Exception {
        Path sample = Path.of("..", "docs", "samples", "action.json");
        OperatorAction a = codec.decode(Files.readString(sample));
        assertThat(a.kind()).isEqualTo(ActionKind.ACKNOWLEDGE);
        assertThat(a.at()).hasToString("2026-11-28T05:12:41.318Z#0000@ws-03");
    }
}
