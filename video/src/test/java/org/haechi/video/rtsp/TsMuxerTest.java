package org.haechi.video.rtsp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TsMuxerTest {
    /** Reads a transport stream back: checks the packet rules and collects the video PES payload and times. */
    static final class Reader {
        final ByteArrayOutputStream es = new ByteArrayOutputStream();
        final Map<Integer, Integer> counters = new HashMap<>();
        long lastPts = -1;
        long lastPcr = -1;
        int pes;
        int tables;

        void read(byte[] ts, int length) {
            assertThat(length % 188).isZero();
            for (int at = 0; at < length; at += 188) {
                byte[] p = Arrays.copyOfRange(ts, at, at + 188);
                assertThat(p[0]).isEqualTo((byte) 0x47);
                int pid = ((p[1] & 0x1F) << 8) | (p[2] & 0xFF);
                boolean start = (p[1] & 0x40) != 0;
                int control = (p[3] >> 4) & 3;
                int cc = p[3] & 0x0F;
                Integer previous = counters.put(pid, cc);
                if (previous != null) {
                    assertThat(cc).as("continuity on pid " + pid).isEqualTo((previous + 1) & 0x0F);
                }
                int payload = 4;
                if (control == 3) {
                    int fieldLength = p[4] & 0xFF;
                    if (fieldLength > 0 && (p[5] & 0x10) != 0) {
                        lastPcr = ((p[6] & 0xFFL) << 25) | ((p[7] & 0xFFL) << 17) | ((p[8] & 0xFFL) << 9)
                                | ((p[9] & 0xFFL) << 1) | ((p[10] & 0xFF) >> 7);
                    }
                    payload = 5 + fieldLength;
                }
                if (pid == 0 || pid == TsMuxer.PMT_PID) {
                    int sectionLength = ((p[6] & 0x0F) << 8) | (p[7] & 0xFF);
                    byte[] section = Arrays.copyOfRange(p, 5, 8 + sectionLength);
                    assertThat(TsMuxer.crc32Mpeg(section)).as("CRC over a section and its CRC").isZero();
                    tables++;
                } else if (pid == TsMuxer.VIDEO_PID) {
                    if (start) {
                        assertThat(Arrays.copyOfRange(p, payload, payload + 4)).containsExactly(0, 0, 1, 0xE0);
                        int headerData = p[payload + 8] & 0xFF;
                        int t = payload + 9;
                        lastPts = ((p[t] & 0x0EL) << 29) | ((p[t + 1] & 0xFFL) << 22) | ((p[t + 2] & 0xFEL) << 14)
                                | ((p[t + 3] & 0xFFL) << 7) | ((p[t + 4] & 0xFEL) >> 1);
                        payload += 9 + headerData;
                        pes++;
                    }
                    es.write(p, payload, 188 - payload);
                }
            }
        }
    }

    @Test
    void unitsOfEverySizeComeBackWhole() {
        TsMuxer.Output out = new TsMuxer.Output();
        TsMuxer mux = new TsMuxer("H264", out);
        Reader reader = new Reader();
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        int[] sizes = {1, 161, 162, 163, 169, 170, 171, 183, 184, 185, 346, 5000, 100_000};
        for (int i = 0; i < sizes.length; i++) {
            byte[] unit = new byte[sizes[i]];
            Arrays.fill(unit, (byte) (i + 1));
            mux.write(unit, unit.length, 90_000 + i * 6000L, 90_000 + i * 6000L, i % 4 == 0, i % 4 == 0);
            expected.writeBytes(unit);
            byte[] ts = new byte[out.available()];
            int n = out.read(ts, 0, ts.length);
            reader.read(ts, n);
            assertThat(reader.lastPts).isEqualTo(90_000 + i * 6000L);
            assertThat(reader.lastPcr).isEqualTo(90_000 + i * 6000L);
        }
        assertThat(reader.es.toByteArray()).isEqualTo(expected.toByteArray());
        assertThat(reader.pes).isEqualTo(sizes.length);
        assertThat(reader.tables).as("PAT and PMT before each of 4 keyframes").isEqualTo(8);
    }

    @Test
    void timesWrapAt33Bits() {
        TsMuxer.Output out = new TsMuxer.Output();
        new TsMuxer("H265", out).write(new byte[10], 10, (1L << 33) + 5, (1L << 33) + 5, true, true);
        Reader reader = new Reader();
        byte[] ts = new byte[out.available()];
        reader.read(ts, out.read(ts, 0, ts.length));
        assertThat(reader.lastPts).isEqualTo(5);
        assertThat(reader.lastPcr).isEqualTo(5);
    }

    @Test
    void readingInSmallPiecesLosesNothing() {
        TsMuxer.Output out = new TsMuxer.Output();
        TsMuxer mux = new TsMuxer("H264", out);
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        byte[] piece = new byte[100];
        for (int i = 0; i < 50; i++) {
            mux.write(new byte[3000], 3000, i, i, i == 0, i == 0);
            int n = out.read(piece, 0, piece.length);
            all.write(piece, 0, n);
        }
        while (out.available() > 0) {
            all.write(piece, 0, out.read(piece, 0, piece.length));
        }
        assertThat(all.size() % 188).isZero();
        new Reader().read(all.toByteArray(), all.size());
    }
}
