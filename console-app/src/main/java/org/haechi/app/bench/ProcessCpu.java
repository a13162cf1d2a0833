package org.haechi.app.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Predicate;

/**
 * CPU time and resident memory of processes from /proc (Linux): utime + stime in clock ticks, VmRSS. Stateless;
 * any thread; benchmark use.
 */
final class ProcessCpu {
    /** Linux reports CPU times in USER_HZ, 100 on every mainstream architecture. */
    static final double TICKS_PER_SECOND = 100.0;

    private ProcessCpu() {
    }

    /** utime + stime of one process in ticks, or 0 when it has gone. */
    static long ticks(long pid) {
        return ticks(pid, Path.of("/proc", Long.toString(pid)));
    }

    /** utime + stime from a /proc directory (a process or one of its tasks) in ticks, or 0 when it has gone. */
    static long ticks(long id, Path procDir) {
        try {
            String stat = Files.readString(procDir.resolve("stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(f[11]) + Long.parseLong(f[12]);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /**
     * Proportional resident memory (PSS) of one process in kB, or 0 when it has gone: shared libraries are split
     * between the processes that map them, so a sum over many processes is not inflated.
     */
    static long pssKb(long pid) {
        try {
            return Files.readAllLines(Path.of("/proc", Long.toString(pid), "smaps_rollup")).stream()
                    .filter(l -> l.startsWith("Pss:")).map(l -> Long.parseLong(l.replaceAll("[^0-9]", "")))
                    .findFirst().orElse(0L);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /** A process and those of its descendants that match, as pids. */
    static List<Long> tree(ProcessHandle root, Predicate<String> descendantCommand) {
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(root.pid()), root.descendants()
                .filter(p -> p.info().commandLine().map(descendantCommand::test).orElse(false))
                .map(ProcessHandle::pid)).toList();
    }

    static long ticks(List<Long> pids) {
        return pids.stream().mapToLong(ProcessCpu::ticks).sum();
    }

    static long pssKb(List<Long> pids) {
        return pids.stream().mapToLong(ProcessCpu::pssKb).sum();
    }

    /** One line about this machine: CPU model, cores, memory, load. */
    static String machine() {
        try {
            String model = Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
                    .filter(l -> l.startsWith("model name")).map(l -> l.substring(l.indexOf(':') + 1).trim())
                    .findFirst().orElse("unknown CPU");
            String mem = Files.readAllLines(Path.of("/proc/meminfo")).get(0).replaceAll("\\s+", " ");
            String load = Files.readString(Path.of("/proc/loadavg")).trim();
            return String.format("%s, %d cores, %s, load average %s", model,
                    Runtime.getRuntime().availableProcessors(), mem, load);
        } catch (IOException e) {
            return "unknown machine";
        }
    }
}
