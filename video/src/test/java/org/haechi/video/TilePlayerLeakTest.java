package org.haechi.video;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sixteen tiles opened and closed again and again (half RTSP through the relay, half files) leave no native memory,
 * threads or relay processes behind. Rounds: {@code -Dhaechi.video.leakRounds=N} (10 by default; 63 makes 1,008
 * open/close cycles).
 */
class TilePlayerLeakTest {
    static final int TILES = 16;
    // With MALLOC_ARENA_MAX=2 (set by the build for tests) the trend over 1,008 cycles was +5 MB.
    static final double RSS_GROWTH_LIMIT_MB = 32;

    @Test
    void sixteenTilesOpenAndCloseRepeatedlyWithoutGrowth(@TempDir Path clips) throws Exception {
        VideoEngine engine = VideoEngine.start();
        assumeTrue(engine.isAvailable() && LocalStreams.toolsAvailable(), "libvlc, ffmpeg and cvlc needed");
        int rounds = Integer.getInteger("haechi.video.leakRounds", 10);
        ScheduledExecutorService control = Executors.newSingleThreadScheduledExecutor();
        try (LocalStreams streams = new LocalStreams(clips)) {
            List<CameraSource> sources = new ArrayList<>();
            for (int s = 0; s < 2; s++) {
                String url = streams.rtsp.serve("leak" + s, "LEAK " + s, LocalStreams.freePort());
                for (int i = 0; i < TILES / 4; i++) {
                    sources.add(new CameraSource("r" + s + i, "RTSP " + s, url));
                    sources.add(new CameraSource("f" + s + i, "File " + s, streams.clip("leak" + s).toString()));
                }
            }
            Thread.sleep(1500);
            for (int warmUp = 0; warmUp < 4; warmUp++) {
                round(engine, control, sources);
            }
            settle(Long.MAX_VALUE);
            long threadsBefore = threads();
            long descriptorsBefore = openDescriptors();
            int[] playing = new int[rounds];
            long[] rss = new long[rounds];
            long[] outsideHeap = new long[rounds];
            for (int r = 0; r < rounds; r++) {
                playing[r] = round(engine, control, sources);
                settle(threadsBefore);
                rss[r] = rssKb() / 1024;
                outsideHeap[r] = rss[r] - java.lang.management.ManagementFactory.getMemoryMXBean()
                        .getHeapMemoryUsage().getCommitted() / (1024 * 1024);
            }
            long threadsAfter = threads();
            long descriptorsAfter = openDescriptors();
            // RSS after each round wobbles by tens of MB (Java heap committed, allocator arenas): a leak is a trend,
            // so the growth is the least-squares slope over the rounds times their number.
            double growth = slope(rss) * (rounds - 1);
            double nativeGrowth = slope(outsideHeap) * (rounds - 1);
            System.out.printf("RSS less the Java heap committed, per round %s MB, trend %+.1f MB over the run "
                    + "(%+.1f kB per cycle)%n", java.util.Arrays.toString(outsideHeap), nativeGrowth,
                    nativeGrowth * 1024 / (rounds * TILES));
            System.out.printf("%d rounds of %d tiles (%d open/close cycles): RSS per round %s MB, trend %+.1f MB "
                    + "over the run (%+.1f kB per cycle); threads %d -> %d; open files and sockets %d -> %d; relays "
                    + "left %d; tiles with frames per round %s%n", rounds, TILES, rounds * TILES,
                    java.util.Arrays.toString(rss), growth, growth * 1024 / (rounds * TILES), threadsBefore,
                    threadsAfter, descriptorsBefore, descriptorsAfter, relays(),
                    java.util.Arrays.toString(playing));
            assertThat(playing).as("every tile showed frames in every round").containsOnly(TILES);
            assertThat(growth).as("RSS trend over the run, MB").isLessThan(RSS_GROWTH_LIMIT_MB);
            assertThat(threadsAfter).isLessThanOrEqualTo(threadsBefore + 2);
            assertThat(relays()).isZero();
            assertThat(descriptorsAfter).as("RTSP sockets are closed with their tiles")
                    .isLessThanOrEqualTo(descriptorsBefore + 8);
        } finally {
            control.shutdownNow();
            engine.close();
        }
    }

    static double slope(long[] y) {
        double mx = (y.length - 1) / 2.0;
        double my = java.util.stream.LongStream.of(y).average().orElse(0);
        double num = 0;
        double den = 0;
        for (int x = 0; x < y.length; x++) {
            num += (x - mx) * (y[x] - my);
            den += (x - mx) * (x - mx);
        }
        return den == 0 ? 0 : num / den;
    }

    /** Opens every source on its own tile, waits for a frame on each (bounded), closes them all. */
    static int round(VideoEngine engine, ScheduledExecutorService control, List<CameraSource> sources)
            throws InterruptedException {
        List<TilePlayer> players = new ArrayList<>();
        List<LocalStreams.CountingSink> sinks = new ArrayList<>();
        for (CameraSource source : sources) {
            LocalStreams.CountingSink sink = new LocalStreams.CountingSink();
            TilePlayer player = new TilePlayer(engine, sink, control, s -> { }, Clock.systemUTC());
            player.play(source);
            players.add(player);
            sinks.add(sink);
        }
        LocalStreams.waitFor(() -> sinks.stream().allMatch(s -> s.frames.get() > 0), 30);
        int withFrames = (int) sinks.stream().filter(s -> s.frames.get() > 0).count();
        players.forEach(TilePlayer::close);
        return withFrames;
    }

    /**
     * Collects garbage, waits (bounded) for ended threads and relay processes to go away, and hands free malloc
     * memory back to the system, so that RSS shows what is still in use rather than what glibc keeps in its arenas
     * (libvlc's decoder threads allocate in many of them).
     */
    static void settle(long threadTarget) throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(300);
        }
        LocalStreams.waitFor(() -> threads() <= threadTarget + 2 && relays() == 0, 15);
        try {
            com.sun.jna.NativeLibrary.getInstance("c").getFunction("malloc_trim").invokeInt(new Object[] {0});
        } catch (UnsatisfiedLinkError e) {
            // not glibc: RSS then includes free arena memory
        }
    }

    static long rssKb() {
        return statusField("VmRSS:");
    }

    /** Native threads of this process, less the JDK's pooled process reapers (idle ones linger for a minute). */
    static long threads() {
        long reapers = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith("process reaper")).count();
        return statusField("Threads:") - reapers;
    }

    static long relays() {
        return ProcessHandle.current().descendants().filter(p -> p.info().commandLine()
                .map(c -> c.contains("ffmpeg") && c.contains("pipe:1") && c.contains("rtsp://")).orElse(false))
                .filter(ProcessHandle::isAlive).count();
    }

    static long openDescriptors() {
        try (java.util.stream.Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            return fds.count();
        } catch (IOException e) {
            return -1;
        }
    }

    static long statusField(String field) {
        try {
            return Files.readAllLines(Path.of("/proc/self/status")).stream().filter(l -> l.startsWith(field))
                    .map(l -> Long.parseLong(l.substring(field.length()).trim().split("\\s+")[0])).findFirst()
                    .orElse(-1L);
        } catch (IOException e) {
            return -1;
        }
    }

}
