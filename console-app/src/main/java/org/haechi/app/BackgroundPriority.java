package org.haechi.app;

import com.sun.jna.Library;
import com.sun.jna.Native;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;

/**
 * Keeps the operator's screen ahead of background work on a busy workstation (Linux): the JIT compilers, the bus
 * consumers and Artemis's threads (the embedded broker's and the bus client's) run a few steps nicer than the FX and
 * render threads, so in a storm, or right after a start when the JIT compiles everything at once, the FX thread gets
 * a core when it needs one and the background takes what is left. Nothing waits less overall, nothing is dropped:
 * the bus keeps its messages until they are stored (ADR 0010). Only ever lowers a thread's priority, which needs no
 * privilege; threads a lowered thread starts inherit its value.
 * {@link #apply()} rescans the process's threads (pools grow); any one thread.
 */
final class BackgroundPriority {
    private static final Logger LOG = Logger.getLogger(BackgroundPriority.class.getName());
    /** How much nicer background threads run; {@code -Dhaechi.backgroundNice=0} turns it off. */
    static final int NICE = Integer.getInteger("haechi.backgroundNice", 10);
    private static final int PRIO_PROCESS = 0;
    private static final Path TASKS = Path.of("/proc/self/task");
    private static final List<String> BACKGROUND_PREFIXES = List.of("C1 CompilerThre", "C2 CompilerThre",
            "haechi-consume", "activemq-");
    /** Artemis's pool threads (its ActiveMQThreadFactory names them "Thread-N (group)"): broker and client. */
    private static final Pattern ARTEMIS_POOL = Pattern.compile("Thread-\\d+ \\(");
    private final Set<String> done = new HashSet<>();
    private boolean disabled = NICE <= 0 || !Files.isDirectory(TASKS);
    private LibC libc;

    interface LibC extends Library {
        int setpriority(int which, int who, int prio);
    }

    /**
     * Whether a thread of that (kernel, 15-character) name is background work: the JIT compilers, the bus
     * consumers (decode and store), and Artemis's pool and timer threads, which in the embedded default include the
     * broker's (journal, delivery, network). Not the outbox thread (the operator's own actions), although the
     * Artemis threads its sends pass through run nicer: while the process is busy an action reaches the other
     * consoles later (ADR 0010, session-6 addendum).
     */
    static boolean isBackground(String name) {
        return BACKGROUND_PREFIXES.stream().anyMatch(name::startsWith) || ARTEMIS_POOL.matcher(name).lookingAt();
    }

    /**
     * Lowers every background thread not seen yet to {@link #NICE}; a thread already at that value or lower
     * priority is left alone (never raised). Returns how many it lowered now.
     */
    synchronized int apply() {
        if (disabled) {
            return 0;
        }
        int lowered = 0;
        Set<String> seen = new HashSet<>();
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(TASKS)) {
            for (Path task : tasks) {
                String name = readName(task);
                String key = task.getFileName() + "/" + name;
                if (name == null || !isBackground(name)) {
                    continue;
                }
                seen.add(key);
                int tid = Integer.parseInt(task.getFileName().toString());
                if (done.add(key) && nice(task) < NICE && libc().setpriority(PRIO_PROCESS, tid, NICE) == 0) {
                    lowered++;
                }
            }
        } catch (IOException | RuntimeException | LinkageError e) {
            disabled = true;
            LOG.log(Level.INFO, "background threads keep their priority: " + e);
        }
        done.retainAll(seen);
        return lowered;
    }

    /** The thread's nice value (field 19 of its stat line), or Integer.MAX_VALUE when it is gone. */
    static int nice(Path task) {
        try {
            String stat = Files.readString(task.resolve("stat"));
            return Integer.parseInt(stat.substring(stat.lastIndexOf(')') + 2).split(" ")[16]);
        } catch (IOException | RuntimeException gone) {
            return Integer.MAX_VALUE;
        }
    }

    private LibC libc() {
        if (libc == null) {
            libc = Native.load("c", LibC.class);
        }
        return libc;
    }

    private static String readName(Path task) {
        try {
            return Files.readString(task.resolve("comm")).strip();
        } catch (IOException | RuntimeException gone) {
            return null;
        }
    }
}
