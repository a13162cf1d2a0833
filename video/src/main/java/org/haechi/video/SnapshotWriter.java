package org.haechi.video;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import javax.imageio.ImageIO;

/**
 * Writes a snapshot as evidence: the camera's name and id and the time burnt into the picture, a PNG, and a
 * {@code sha256sum} sidecar with the PNG's hash. Stateless; any thread except the FX thread (it does file I/O).
 */
final class SnapshotWriter {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS xxx");
    private static final DateTimeFormatter FILE_STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS");

    private SnapshotWriter() {
    }

    static Snapshot write(BufferedImage picture, CameraSource camera, Instant takenAt, ZoneId zone, Path dir)
            throws IOException {
        BufferedImage stamped = stamp(picture, camera.name() + "  " + camera.cameraId(),
                STAMP.format(takenAt.atZone(zone)));
        Files.createDirectories(dir);
        String base = camera.cameraId().replaceAll("[^A-Za-z0-9._-]", "_") + "_"
                + FILE_STAMP.format(takenAt.atZone(zone));
        Path file = dir.resolve(base + ".png");
        for (int n = 2; Files.exists(file); n++) {
            file = dir.resolve(base + "-" + n + ".png");
        }
        MessageDigest sha = sha256();
        try (OutputStream out = new DigestOutputStream(Files.newOutputStream(file, StandardOpenOption.CREATE_NEW),
                sha)) {
            if (!ImageIO.write(stamped, "png", out)) {
                throw new IOException("no PNG writer");
            }
        }
        String hex = HexFormat.of().formatHex(sha.digest());
        Snapshot snapshot = new Snapshot(camera.cameraId(), camera.name(), takenAt, file, hex);
        Files.writeString(snapshot.sidecar(), hex + "  " + file.getFileName() + "\n", StandardCharsets.UTF_8);
        return snapshot;
    }

    /** A copy of the picture with the caption at the top left and the time at the bottom left. */
    static BufferedImage stamp(BufferedImage picture, String caption, String time) {
        BufferedImage out = new BufferedImage(picture.getWidth(), picture.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            g.drawImage(picture, 0, 0, null);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, Math.max(12, picture.getHeight() / 24)));
            FontMetrics m = g.getFontMetrics();
            int pad = Math.max(4, m.getHeight() / 4);
            label(g, m, caption, pad, pad, pad);
            label(g, m, time, pad, picture.getHeight() - m.getHeight() - 3 * pad, pad);
        } finally {
            g.dispose();
        }
        return out;
    }

    private static void label(Graphics2D g, FontMetrics m, String text, int x, int y, int pad) {
        g.setColor(new Color(0, 0, 0, 170));
        g.fillRect(x, y, m.stringWidth(text) + 2 * pad, m.getHeight() + 2 * pad);
        g.setColor(Color.WHITE);
        g.drawString(text, x + pad, y + pad + m.getAscent());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
