package org.haechi.video.rtsp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class NalDepacketizerTest {
    private static final byte[] SPS = {0x67, 0x42, (byte) 0xC0, 0x16};
    private static final byte[] PPS = {0x68, (byte) 0xCE, 0x3C, (byte) 0x80};
    private final List<byte[]> units = new ArrayList<>();
    private final List<Boolean> keys = new ArrayList<>();
    private final List<Long> times = new ArrayList<>();

    private NalDepacketizer h264(List<byte[]> sprop) {
        return new NalDepacketizer("H264", sprop, (b, n, ts, key) -> {
            units.add(Arrays.copyOf(b, n));
            keys.add(key);
            times.add(ts);
        });
    }

    static RtpPacket rtp(int seq, long ts, boolean marker, int... payload) {
        byte[] b = new byte[12 + payload.length];
        b[0] = (byte) 0x80;
        b[1] = (byte) ((marker ? 0x80 : 0) | 96);
        b[2] = (byte) (seq >> 8);
        b[3] = (byte) seq;
        b[4] = (byte) (ts >> 24);
        b[5] = (byte) (ts >> 16);
        b[6] = (byte) (ts >> 8);
        b[7] = (byte) ts;
        for (int i = 0; i < payload.length; i++) {
            b[12 + i] = (byte) payload[i];
        }
        return RtpPacket.parse(b, 0, b.length);
    }

    static byte[] annexB(byte[]... nals) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] n : nals) {
            out.writeBytes(new byte[] {0, 0, 0, 1});
            out.writeBytes(n);
        }
        return out.toByteArray();
    }

    @Test
    void waitsForTheFirstKeyframeAndGivesItTheDescriptionsParameterSets() {
        NalDepacketizer d = h264(List.of(SPS, PPS));
        d.push(rtp(1, 1000, true, 0x41, 1, 2));                 // P slice before any keyframe: not handed on
        d.push(rtp(2, 7000, true, 0x65, 9, 9));                 // IDR alone
        d.push(rtp(3, 13000, true, 0x41, 3, 4));                // P slice after it
        assertThat(units).hasSize(2);
        assertThat(units.get(0)).isEqualTo(annexB(SPS, PPS, new byte[] {0x65, 9, 9}));
        assertThat(keys).containsExactly(true, false);
        assertThat(times).containsExactly(7000L, 13000L);
        assertThat(units.get(1)).isEqualTo(annexB(new byte[] {0x41, 3, 4}));
    }

    @Test
    void joinsFragmentsAndUnpacksAggregates() {
        NalDepacketizer d = h264(List.of());
        // STAP-A with SPS and PPS, then an IDR in three FU-A fragments (indicator 0x7C: nri 3, type 28; header S/E|5)
        d.push(rtp(10, 90, false, 0x78, 0, 4, 0x67, 0x42, 0xC0, 0x16, 0, 4, 0x68, 0xCE, 0x3C,
                0x80));
        d.push(rtp(11, 90, false, 0x7C, 0x85, 1, 2));
        d.push(rtp(12, 90, false, 0x7C, 0x05, 3, 4));
        d.push(rtp(13, 90, true, 0x7C, 0x45, 5));
        assertThat(units).hasSize(1);
        assertThat(units.get(0)).isEqualTo(annexB(SPS, PPS, new byte[] {0x65, 1, 2, 3, 4, 5}));
        assertThat(keys).containsExactly(true);
    }

    @Test
    void aUnitThatLostAPacketIsDroppedAndTheNextOneComesThrough() {
        NalDepacketizer d = h264(List.of(SPS, PPS));
        d.push(rtp(1, 100, true, 0x65, 1));
        d.push(rtp(2, 200, false, 0x7C, 0x81, 1));
        d.push(rtp(4, 200, true, 0x7C, 0x41, 3));               // sequence 3 never came
        d.push(rtp(5, 300, true, 0x41, 7));
        assertThat(units).hasSize(2);
        assertThat(d.dropped()).isEqualTo(1);
        assertThat(times).containsExactly(100L, 300L);
    }

    @Test
    void losingOnlyTheLastPacketOfAUnitCostsThatUnitAlone() {
        NalDepacketizer d = h264(List.of(SPS, PPS));
        d.push(rtp(1, 100, true, 0x65, 1));
        d.push(rtp(2, 200, false, 0x7C, 0x81, 1));              // a picture's first fragment
        d.push(rtp(4, 300, true, 0x41, 7));                     // its end (3, with the marker) never came
        d.push(rtp(6, 400, false, 0x7C, 0x81, 2));              // two lost (5 and 7): whose they were is unknown
        d.push(rtp(8, 400, true, 0x7C, 0x41, 3));
        d.push(rtp(9, 500, true, 0x41, 9));
        assertThat(times).containsExactly(100L, 300L, 500L);
        assertThat(d.dropped()).isEqualTo(2);
    }

    @Test
    void aLateOrRepeatedPacketIsIgnoredAndCutsNoUnitShort() {
        NalDepacketizer d = h264(List.of(SPS, PPS));
        d.push(rtp(65534, 100, true, 0x65, 1));
        d.push(rtp(65535, 200, false, 0x7C, 0x81, 1));          // a unit's first fragment, just before the wrap
        d.push(rtp(1, 300, false, 0x41, 5));                    // overtook 0 (200's end), the next unit begins
        d.push(rtp(0, 200, true, 0x7C, 0x41, 2));               // 0 arrives late: ignored
        d.push(rtp(2, 300, true, 0x41, 6));                     // the next unit's end
        d.push(rtp(2, 300, true, 0x41, 6));                     // repeated: ignored
        d.push(rtp(3, 400, true, 0x41, 8));
        assertThat(times).containsExactly(100L, 300L, 400L);
        assertThat(units.get(1)).isEqualTo(annexB(new byte[] {0x41, 5}, new byte[] {0x41, 6}));
        assertThat(d.dropped()).isEqualTo(1);
    }

    @Test
    void aNewTimestampEndsAUnitWhoseMarkerWasLost() {
        NalDepacketizer d = h264(List.of(SPS, PPS));
        d.push(rtp(1, 100, false, 0x65, 1));
        d.push(rtp(2, 200, true, 0x41, 2));
        assertThat(times).containsExactly(100L, 200L);
    }

    @Test
    void aPictureOfISlicesStartsTheStreamWhenTheCameraSendsNoIdr() {
        NalDepacketizer d = h264(List.of(SPS, PPS));
        // slice headers: first_mb_in_slice 0 ('1'), then slice_type as Exp-Golomb: 5 (P) '00110', 7 (I) '0001000'
        d.push(rtp(1, 100, true, 0x41, 0x98, 0x11));
        d.push(rtp(2, 200, true, 0x41, 0x88, 0x22));
        d.push(rtp(3, 300, true, 0x41, 0x98, 0x33));
        assertThat(times).containsExactly(200L, 300L);
        assertThat(keys).containsExactly(true, false);
        assertThat(units.get(0)).startsWith(annexB(SPS, PPS));
    }

    @Test
    void sliceTypesAreReadFromTheHeadersBits() {
        assertThat(NalDepacketizer.isIntraSlice(new byte[] {(byte) 0x88}, 0, 1)).as("I").isTrue();
        assertThat(NalDepacketizer.isIntraSlice(new byte[] {(byte) 0xC0}, 0, 1)).as("P, type 0").isFalse();
        assertThat(NalDepacketizer.isIntraSlice(new byte[] {(byte) 0x98}, 0, 1)).as("P, type 5").isFalse();
        // first_mb_in_slice 131071 (17 zeros, '1', 17 zero bits), then slice type 7
        assertThat(NalDepacketizer.isIntraSlice(new byte[] {0, 0, 0x40, 0, 0x02, 0}, 0, 6)).isTrue();
        assertThat(NalDepacketizer.isIntraSlice(new byte[] {0, 0}, 0, 2)).as("cut short").isFalse();
    }

    @Test
    void aFragmentedISliceStartsTheStreamToo() {
        NalDepacketizer d = h264(List.of(SPS, PPS));
        d.push(rtp(1, 100, false, 0x5C, 0x81, 0x88, 1));      // FU-A start of a type-1 slice whose type is I
        d.push(rtp(2, 100, true, 0x5C, 0x41, 2));
        assertThat(keys).containsExactly(true);
        assertThat(units.get(0)).endsWith(0x41, 0x88, 1, 2);
    }

    @Test
    void aPictureThatNeverEndsIsDroppedBeforeItTakesAllTheMemory() {
        NalDepacketizer d = h264(List.of(SPS, PPS));
        int[] payload = new int[60_002];
        payload[0] = 0x7C;
        payload[1] = 0x85;
        d.push(rtp(0, 100, false, payload));
        payload[1] = 0x05;
        int last = NalDepacketizer.MAX_UNIT / 60_000 + 2;
        for (int i = 1; i <= last; i++) {
            d.push(rtp(i, 100, false, payload));
        }
        d.push(rtp(last + 1, 200, true, 0x65, 1));
        assertThat(d.dropped()).isEqualTo(1);
        assertThat(times).containsExactly(200L);
    }

    @Test
    void aStreamWithoutAnyKeyframeIsHandedOnAfterTenSeconds() {
        NalDepacketizer d = h264(List.of());
        for (int i = 0; i <= 160; i++) {
            d.push(rtp(i, i * 6000L, true, 0x41, 0x98, i));
        }
        assertThat(times).isNotEmpty();
        assertThat(times.get(0)).isGreaterThan(NalDepacketizer.START_ANYWAY_90K).isLessThanOrEqualTo(906_000L);
    }

    @Test
    void rebuildsH265FragmentHeaders() {
        List<byte[]> got = new ArrayList<>();
        NalDepacketizer d = new NalDepacketizer("H265", List.of(), (b, n, ts, key) -> {
            got.add(Arrays.copyOf(b, n));
            assertThat(key).isTrue();
        });
        // FU (type 49) carrying an IDR_W_RADL (type 19): payload header 0x62 0x01, FU header S|19, then E|19
        d.push(rtp(1, 0, false, 0x62, 0x01, 0x93, 10, 11));
        d.push(rtp(2, 0, true, 0x62, 0x01, 0x53, 12));
        assertThat(got).hasSize(1);
        assertThat(got.get(0)).isEqualTo(annexB(new byte[] {0x26, 0x01, 10, 11, 12}));
    }
}
