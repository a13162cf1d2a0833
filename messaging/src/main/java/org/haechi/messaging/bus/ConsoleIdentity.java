package org.haechi.messaging.bus;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;

/** The console's stable id, kept in its data folder so durable subscriptions survive restarts. */
public final class ConsoleIdentity {
    private ConsoleIdentity() {
    }

    /** Reads the id from {@code dir/console-id}, creating one on first start. */
    public static String loadOrCreate(Path dir) throws IOException {
        Path file = dir.resolve("console-id");
        if (Files.exists(file)) {
            String id = Files.readString(file, StandardCharsets.UTF_8).trim();
            if (!id.isEmpty()) {
                return id;
            }
        }
        byte[] random = new byte[4];
        new SecureRandom().nextBytes(random);
        String id = "ws-" + HexFormat.of().formatHex(random);
        Files.createDirectories(dir);
        Files.writeString(file, id + "\n", StandardCharsets.UTF_8);
        return id;
    }
}
