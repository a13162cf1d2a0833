package org.haechi.messaging.bus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The console's id names its durable subscriptions on the broker: it must be the same at every start, and a file
 * that is there but unusable (cut short by a power cut, emptied by hand) must stop the start rather than silently
 * make a new console whose old subscriptions grow on the broker for ever (review, session 10).
 */
class ConsoleIdentityTest {
    @TempDir
    Path dir;

    @Test
    void theIdMadeAtTheFirstStartIsReadAtEveryLaterOne() throws Exception {
        String first = ConsoleIdentity.loadOrCreate(dir.resolve("data"));
        assertThat(first).matches("ws-[0-9a-f]{8}");
        assertThat(ConsoleIdentity.loadOrCreate(dir.resolve("data"))).isEqualTo(first);
        try (var files = Files.list(dir.resolve("data"))) {
            assertThat(files.map(f -> f.getFileName().toString())).containsExactly("console-id");
        }
    }

    @Test
    void anIdSetByHandIsKept() throws Exception {
        Files.writeString(dir.resolve("console-id"), "  gangnam-ws-3\n");
        assertThat(ConsoleIdentity.loadOrCreate(dir)).isEqualTo("gangnam-ws-3");
    }

    @Test
    void anEmptyOrUnusableIdFileStopsTheStartAndSaysWhatToDo() throws Exception {
        Path file = dir.resolve("console-id");
        Files.writeString(file, "");
        assertThatThrownBy(() -> ConsoleIdentity.loadOrCreate(dir)).isInstanceOf(IOException.class)
                .hasMessageContaining("it is empty").hasMessageContaining("restore the file");
        Files.writeString(file, "ws 03");
        assertThatThrownBy(() -> ConsoleIdentity.loadOrCreate(dir)).isInstanceOf(IOException.class)
                .hasMessageContaining("without blanks");
        assertThat(Files.readString(file)).as("never replaced").isEqualTo("ws 03");
    }
}
