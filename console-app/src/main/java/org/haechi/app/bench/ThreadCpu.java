package org.haechi.app.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** CPU of this process's threads grouped by name, from /proc/self/task (Linux). Benchmark use; any thread. */
final class ThreadCpu {
    private ThreadCpu() {
    }

    static Map<String, Long> byName() {
        Map<String, Long> out = new HashMap<>();
        try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
            tasks.forEach(t -> {
                try {
                    String name = Files.readString(t.resolve("comm")).trim().replaceAll("[0-9]+$", "#");
                    out.merge(name, ProcessCpu.ticks(Long.parseLong(t.getFileName().toString()), t), Long::sum);
                } catch (IOException | RuntimeException e) {
                    // thread ended
                }
            });
        } catch (IOException e) {
            return out;
        }
        return out;
    }

    /** Per thread name, the % of one core used since {@code before}, over {@code seconds}, busiest first. */
    static String delta(Map<String, Long> before, int seconds) {
        Map<String, Long> now = byName();
        Map<Long, String> sorted = new TreeMap<>((a, b) -> Long.compare(b, a));
        now.forEach((k, v) -> {
            long d = v - before.getOrDefault(k, 0L);
            if (d > 0) {
                sorted.merge(d * 1000 + sorted.size(), k, (a, b) -> a);
            }
        });
        StringBuilder sb = new StringBuilder();
        sorted.forEach((d, k) -> sb.append(String.format(" %s=%.0f%%", k,
                (d / 1000) / ProcessCpu.TICKS_PER_SECOND / seconds * 100)));
        return sb.toString().trim();
    }
}
