package org.haechi.messaging.bus;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.logging.Logger;

/**
 * The console's stable id, kept in its data folder so durable subscriptions survive restarts. The broker names this
 * console's subscriptions after it: a new id orphans the old ones, which then grow on the broker, and what was sent
 * while the console was down never reaches it. So an id file that is there but unusable stops the start with a
 * message, and is never silently replaced.
 */
public final class ConsoleIdentity {
    private static final Logger LOG = Logger.getLogger(ConsoleIdentity.class.getName());
    static final String FILE = "console-id";
    private static final int MAX_LENGTH = 100;

    private ConsoleIdentity() {
    }

    /**
     * Reads the id from {@code dir/console-id}, creating one on first start (written whole or not at all).
     *
     * @throws IOException when the file cannot be read or holds no usable id, saying what to do
     */
    public static String loadOrCreate(Path dir) throws IOException {
        Path file = dir.resolve(FILE);
        if (Files.exists(file)) {
            String id = Files.readString(file, StandardCharsets.UTF_8).strip();
            if (!isUsable(id)) {
                throw new IOException(file + " holds no usable console id (" + (id.isEmpty() ? "it is empty"
                        : "1 to " + MAX_LENGTH + " characters without blanks expected") + "). The broker keeps this "
                        + "console's subscriptions under that id: restore the file from a backup, or delete it to "
                        + "start as a new console (messages waiting under the old id are then not delivered).");
            }
            return id;
        }
        byte[] random = new byte[4];
        new SecureRandom().nextBytes(random);
        String id = "ws-" + HexFormat.of().formatHex(random);
        Files.createDirectories(dir);
        writeWhole(file, id + "\n");
        LOG.info(() -> "new console identity " + id + " kept in " + file);
        return id;
    }

    static boolean isUsable(String id) {
        return !id.isEmpty() && id.length() <= MAX_LENGTH && id.codePoints()
                .noneMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c));
    }

    /** Writes a temporary file, forces it to the disk, renames it over {@code file} in one step, forces the folder. */
    private static void writeWhole(Path file, String text) throws IOException {
        Path tmp = file.resolveSibling(FILE + ".tmp");
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ch.write(StandardCharsets.UTF_8.encode(text));
            ch.force(true);
        }
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
        // The rename is in the folder's own data: forced too, or a power cut can take the file away again.
        try (FileChannel folder = FileChannel.open(file.getParent(), StandardOpenOption.READ)) {
            folder.force(true);
        } catch (IOException notSupported) {
            LOG.fine(() -> "cannot force the folder of " + file + ": " + notSupported);
        }
    }
}
