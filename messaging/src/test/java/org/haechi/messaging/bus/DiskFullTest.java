package org.haechi.messaging.bus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.haechi.core.alarm.Alarm;
import org.haechi.messaging.broker.EmbeddedBroker;
import org.haechi.messaging.cache.CacheStores;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real full disk under the cache: a 16 MB tmpfs (mounting it needs root; the test is skipped where it cannot), filled
 * with a file until the kernel refuses. The alarms sent meanwhile wait on the broker, the failure is reported once,
 * and once there is room again every alarm is stored once and none was dead-lettered.
 */
class DiskFullTest {
    @TempDir
    Path dir;
    Path disk;
    boolean mounted;

    @AfterEach
    void unmount() throws Exception {
        if (mounted && run("umount", disk.toString()) != 0) {
            // Still busy (a failed test left a file open): detach it now, the kernel frees it when released.
            assertThat(run("umount", "-l", disk.toString())).as("tmpfs unmounted").isZero();
        }
    }

    @Test
    void alarmsWaitOnTheBrokerWhileTheCachesDiskIsFullAndAreStoredOnceThereIsRoom() throws Exception {
        mountSmallDisk();
        Collected collected = new Collected();
        try (EmbeddedBroker broker = new EmbeddedBroker(dir.resolve("broker"), BusIngestTest.freePort())) {
            broker.start();
            String url = broker.clientUrl();
            try (CacheStores cache = CacheStores.open(disk.resolve("cache"));
                 BusService bus = new BusService(new BusConfig(url, null, null, "ws-disk"),
                         IngestHandlers.create(cache, collected.sinks()), cache.db(), cache.actions(),
                         collected.statuses::add)) {
                bus.start();
                Collected.await(collected::connected, 20);
                BusIngestTest.publish(url, BusAddresses.ALARMS, BusIngestTest.alarms("before-", 20));
                Collected.await(() -> collected.alarms.size() == 20, 20);

                Path filler = fillDisk();
                BusIngestTest.publish(url, BusAddresses.ALARMS, BusIngestTest.alarms("full-", 200));
                Collected.await(() -> !collected.storeFailures.isEmpty(), 30);
                assertThat(collected.storeFailures).first().asString()
                        .startsWith(BusAddresses.ALARMS + ": No space left on device (");
                Thread.sleep(7000); // five deliveries' worth, had the batch gone back to the broker at each failure
                assertThat(collected.alarms).hasSize(20);

                Files.delete(filler);
                Collected.await(() -> collected.alarms.size() >= 220, 90);
                assertThat(collected.alarms).extracting(Alarm::id).doesNotHaveDuplicates().hasSize(220);
                assertThat(cache.alarms().countAll()).isEqualTo(220);
                assertThat(collected.storeFailures).hasSize(1);
                assertThat(collected.storeRecoveries.get()).isPositive();
            }
            assertThat(CacheFailureTest.deadLettered(url)).isZero();
        }
    }

    private void mountSmallDisk() throws Exception {
        disk = Files.createDirectories(dir.resolve("disk"));
        mounted = run("mount", "-t", "tmpfs", "-o", "size=16m", "tmpfs", disk.toString()) == 0;
        assumeTrue(mounted, "a tmpfs cannot be mounted here (needs root and the mount command)");
    }

    /** Runs a command for at most 30 s; its exit status, or -1 when it cannot be run or does not end. */
    private static int run(String... command) throws InterruptedException {
        Process p;
        try {
            p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
        } catch (IOException e) {
            return -1;
        }
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return -1;
        }
        return p.exitValue();
    }

    /** Writes a file until the disk is full; returns it. */
    private Path fillDisk() throws IOException {
        Path filler = disk.resolve("filler");
        byte[] block = new byte[64 * 1024];
        try (OutputStream out = Files.newOutputStream(filler)) {
            while (true) {
                out.write(block);
            }
        } catch (IOException full) {
            assertThat(full.getMessage()).containsIgnoringCase("space");
        }
        return filler;
    }
}
