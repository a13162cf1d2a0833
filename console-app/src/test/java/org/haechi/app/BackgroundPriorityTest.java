package org.haechi.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Real threads of this JVM, their real kernel priority read back from /proc. */
class BackgroundPriorityTest {

    @Test
    void backgroundWorkIsKnownByItsThreadsNames() {
        assertThat(BackgroundPriority.isBackground("C2 CompilerThre")).isTrue();
        assertThat(BackgroundPriority.isBackground("haechi-consume-")).isTrue();
        assertThat(BackgroundPriority.isBackground("haechi-outbox")).as("the operator's own actions").isFalse();
        assertThat(BackgroundPriority.isBackground("Thread-3 (Activ")).as("Artemis's pools").isTrue();
        assertThat(BackgroundPriority.isBackground("Thread-12 (Acti")).isTrue();
        assertThat(BackgroundPriority.isBackground("activemq-buffer")).isTrue();
        assertThat(BackgroundPriority.isBackground("JavaFX Applicat")).isFalse();
        assertThat(BackgroundPriority.isBackground("QuantumRenderer")).isFalse();
        assertThat(BackgroundPriority.isBackground("haechi-video-co")).isFalse();
        assertThat(BackgroundPriority.isBackground("GC Thread#0")).isFalse();
        assertThat(BackgroundPriority.isBackground("Thread-7")).isFalse();
    }

    @Test
    void lowersABackgroundThreadAndLeavesTheOthers() throws Exception {
        assumeTrue(Files.isDirectory(Path.of("/proc/thread-self")) && BackgroundPriority.NICE > 0, "Linux only");
        CountDownLatch stop = new CountDownLatch(1);
        CompletableFuture<Path> consumerTask = new CompletableFuture<>();
        CompletableFuture<Path> otherTask = new CompletableFuture<>();
        Thread consumer = new Thread(() -> runUntil(stop, consumerTask), "haechi-consume-t");
        Thread other = new Thread(() -> runUntil(stop, otherTask), "haechi-ui-test");
        consumer.start();
        other.start();
        try {
            Path consumerPath = consumerTask.get(10, TimeUnit.SECONDS);
            Path otherPath = otherTask.get(10, TimeUnit.SECONDS);
            int before = BackgroundPriority.nice(otherPath);
            assertThat(new BackgroundPriority().apply()).isPositive();
            assertThat(BackgroundPriority.nice(consumerPath)).isEqualTo(Math.max(before, BackgroundPriority.NICE));
            assertThat(BackgroundPriority.nice(otherPath)).isEqualTo(before);
        } finally {
            stop.countDown();
            consumer.join();
            other.join();
        }
    }

    @Test
    void knowsArtemisPoolThreadsByTheNameTheKernelGivesThem() throws Exception {
        assumeTrue(Files.isDirectory(Path.of("/proc/thread-self")), "Linux only");
        CountDownLatch stop = new CountDownLatch(1);
        CompletableFuture<Path> task = new CompletableFuture<>();
        Thread pooled = new org.apache.activemq.artemis.utils.ActiveMQThreadFactory(
                "ActiveMQ-client-global-threads", true, null).newThread(() -> runUntil(stop, task));
        pooled.start();
        try {
            String comm = Files.readString(task.get(10, TimeUnit.SECONDS).resolve("comm")).strip();
            assertThat(comm).as("Artemis's own naming, cut to 15 characters by the kernel").startsWith("Thread-");
            assertThat(BackgroundPriority.isBackground(comm)).isTrue();
        } finally {
            stop.countDown();
            pooled.join();
        }
    }

    /** Publishes the calling thread's /proc/self/task entry, then waits. */
    private static void runUntil(CountDownLatch latch, CompletableFuture<Path> task) {
        try {
            String tid = Files.readSymbolicLink(Path.of("/proc/thread-self")).getFileName().toString();
            task.complete(Path.of("/proc/self/task", tid));
            latch.await();
        } catch (IOException | InterruptedException e) {
            task.completeExceptionally(e);
        }
    }

}
