package org.haechi.core.alarm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

class HybridTimestampTest {

    @Test
    void textIsFixedWidthWallCounterAndNode() {
        HybridTimestamp t = new HybridTimestamp(Instant.parse("2026-11-28T05:12:03.123Z").toEpochMilli(), 5, "ws-03");
        assertThat(t).hasToString("2026-11-28T05:12:03.123Z#0005@ws-03");
        assertThat(HybridTimestamp.parse("2026-11-28T05:12:03.123Z#0005@ws-03")).isEqualTo(t);
        assertThat(new HybridTimestamp(Instant.parse("2026-11-28T05:12:00Z").toEpochMilli(), 0, "ws-1"))
                .hasToString("2026-11-28T05:12:00.000Z#0000@ws-1");
    }

    @Test
    void aPlainInstantBecomesCounterZeroOfTheGivenNode() {
        HybridTimestamp t = HybridTimestamp.ofInstant(Instant.parse("2026-11-28T05:12:03.123456Z"), "ws-03");
        assertThat(t).hasToString("2026-11-28T05:12:03.123Z#0000@ws-03");
        assertThat(t.instant()).isEqualTo(Instant.parse("2026-11-28T05:12:03.123Z"));
    }

    @Test
    void malformedTextIsRefused() {
        for (String bad : List.of("", "2026-11-28T05:12:03Z", "2026-11-28T05:12:03.123Z#5@ws-03",
                "2026-11-28T05:12:03.123Z#0005@", "2026-11-28T05:12:03.123Z#0005@ws 03",
                "2026-13-28T05:12:03.123Z#0005@ws-03", "2026-11-28T05:12:03.123+09:00#0005@ws-03")) {
            assertThatThrownBy(() -> HybridTimestamp.parse(bad)).as(bad)
                    .isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> HybridTimestamp.parse(null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new HybridTimestamp(0, 10_000, "n")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new HybridTimestamp(-1, 0, "n")).isInstanceOf(IllegalArgumentException.class);
    }

    @Property(edgeCases = EdgeCasesMode.MIXIN)
    void textRoundTripsAndSortsAsTheTimestampDoes(
            @ForAll @LongRange(min = 0, max = 253_402_300_799_999L) long wallA, @ForAll @IntRange(max = 9999) int cA,
            @ForAll("nodes") String nodeA, @ForAll @IntRange(max = 9999) int cB, @ForAll("nodes") String nodeB,
            @ForAll @IntRange(min = -2, max = 2) int wallStep) {
        HybridTimestamp a = new HybridTimestamp(wallA, cA, nodeA);
        long wallB = Math.max(0, Math.min(HybridTimestamp.MAX_WALL, wallA + wallStep));
        HybridTimestamp b = new HybridTimestamp(wallB, cB, nodeB);
        assertThat(HybridTimestamp.parse(a.toString())).isEqualTo(a);
        assertThat(Integer.signum(a.toString().compareTo(b.toString()))).isEqualTo(Integer.signum(a.compareTo(b)));
    }

    @net.jqwik.api.Provide
    net.jqwik.api.Arbitrary<String> nodes() {
        return net.jqwik.api.Arbitraries.strings().withChars("ws-0123456789abz@#").ofMinLength(1).ofMaxLength(8);
    }

    @Test
    void orderIsWallThenCounterThenNode() {
        List<HybridTimestamp> list = new ArrayList<>(List.of(new HybridTimestamp(2, 0, "a"),
                new HybridTimestamp(1, 1, "a"), new HybridTimestamp(1, 0, "b"), new HybridTimestamp(1, 0, "a")));
        list.sort(Comparator.naturalOrder());
        assertThat(list).containsExactly(new HybridTimestamp(1, 0, "a"), new HybridTimestamp(1, 0, "b"),
                new HybridTimestamp(1, 1, "a"), new HybridTimestamp(2, 0, "a"));
    }
}
