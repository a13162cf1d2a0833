package org.haechi.video;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Snapshots as evidence: text burnt in, PNG readable, SHA-256 sidecar that sha256sum accepts. */
class SnapshotWriterTest {
    @TempDir
    Path dir;

    @Test
    void writesStampedPngAndSha256SumSidecar() throws Exception {
        BufferedImage grey = new BufferedImage(640, 360, BufferedImage.TYPE_INT_RGB);
        CameraSource camera = new CameraSource("cam/7", "종로 1가 교차로", "rtsp://127.0.0.1/cam7");
        Instant at = Instant.parse("2026-11-28T03:04:05.678Z");

        Snapshot s = SnapshotWriter.write(grey, camera, at, ZoneId.of("Asia/Seoul"), dir);

        assertThat(s.file().getFileName().toString()).isEqualTo("cam_7_20261128-120405-678.png");
        BufferedImage back = ImageIO.read(s.file().toFile());
        assertThat(back.getWidth()).isEqualTo(640);
        assertThat(back.getHeight()).isEqualTo(360);
        assertThat(brightPixels(back, 0, 0, 320, 40)).as("caption burnt in at the top").isGreaterThan(50);
        assertThat(brightPixels(back, 0, 300, 320, 360)).as("time burnt in at the bottom").isGreaterThan(50);
        byte[] png = Files.readAllBytes(s.file());
        String hex = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(png));
        assertThat(s.sha256()).isEqualTo(hex);
        assertThat(Files.readString(s.sidecar())).isEqualTo(hex + "  " + s.file().getFileName() + "\n");
        Process check = new ProcessBuilder("sha256sum", "-c", s.sidecar().getFileName().toString())
                .directory(dir.toFile()).redirectErrorStream(true).start();
        assertThat(check.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(new String(check.getInputStream().readAllBytes())).contains(": OK");
        assertThat(check.exitValue()).isZero();

        Snapshot second = SnapshotWriter.write(grey, camera, at, ZoneId.of("Asia/Seoul"), dir);
        assertThat(second.file()).as("never overwrites evidence").isNotEqualTo(s.file());
    }

    static int brightPixels(BufferedImage image, int x0, int y0, int x1, int y1) {
        int n = 0;
        for (int y = y0; y < y1; y++) {
            for (int x = x0; x < x1; x++) {
                n += (image.getRGB(x, y) & 0xff) > 200 ? 1 : 0;
            }
        }
        return n;
    }
}
