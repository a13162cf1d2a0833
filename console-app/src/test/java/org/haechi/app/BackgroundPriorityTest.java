package org.haechi.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Real threads of this JVM, their real kernel priority read back from /proc. */
class BackgroundPriorityTest {

    @Test
    void backgroundWorkIsKnownByItsThreadsNames() {
        assertThat(BackgroundPriority.isBackground("C2 CompilerThre")).isTrue();
        assertThat(BackgroundPriority.isBackground("haechi-consume-")).isTrue();
        assertThat(BackgroundPriority.isBackground("Thread-3 (Activ")).as("Artemis keeps its priority").isFalse();
        assertThat(BackgroundPriority.isBackground("activemq-buffer")).isFalse();
        assertThat(BackgroundPriority.isBackground("JavaFX Applicat")).isFalse();
        assertThat(BackgroundPriority.isBackground("QuantumRenderer")).isFalse();
        assertThat(BackgroundPriority.isBackground("haechi-video-co")).isFalse();
        assertThat(BackgroundPriority.isBackground("GC Thread#0")).isFalse();
        assertThat(BackgroundPriority.isBackground("Thread-7")).isFalse();
    }

    @Test
    void lowersABackgroundThreadAndLeavesTheOthers() throws Exception {
        assumeTrue(Files.isDirectory(Path.of("/proc/self/task")) && BackgroundPriority.NICE > 0, "Linux only");
        CountDownLatch stop = new CountDownLatch(1);
        Thread consumer = new Thread(() -> await(stop), "haechi-consume-t");
        Thread other = new Thread(() -> await(stop), "haechi-ui-test");
        consumer.start();
        other.start();
        try {
            String consumerTid = tidOf("haechi-consume-");
            String otherTid = tidOf("haechi-ui-test");
            int before = nice(otherTid);
            assertThat(new BackgroundPriority().apply()).isPositive();
            assertThat(nice(consumerTid)).isEqualTo(Math.max(before, BackgroundPriority.NICE));
            assertThat(nice(otherTid)).isEqualTo(before);
        } finally {
            stop.countDown();
            consumer.join();
            other.join();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String tidOf(String name) throws IOException, InterruptedException {
        for (int attempt = 0; attempt < 100; attempt++) {
            try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
                for (Path t : tasks.toList()) {
                    try {
                        if (Files.readString(t.resolve("comm")).strip().startsWith(name)) {
                            return t.getFileName().toString();
                        }
                    } catch (IOException gone) {
                        // a thread that ended while listing
                    }
                }
            }
            Thread.sleep(10);
        }
        throw new AssertionError("no thread " + name);
    }

    /** Field 19 of /proc/self/task/TID/stat (after the parenthesised name). */
    private static int nice(String tid) throws IOException {
        String stat = Files.readString(Path.of("/proc/self/task", tid, "stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Integer.parseInt(fields[16]);
    }
}
