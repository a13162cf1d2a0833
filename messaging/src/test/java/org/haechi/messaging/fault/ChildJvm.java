package org.haechi.messaging.fault;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * A test's child JVM on the test's own class path, its output lines watched: status words (READY, CONNECTED,
 * IN-BATCH, DONE) and counts ({@code KEY n}). Killed with SIGKILL on demand, and at the latest when the test's JVM
 * exits, so that a failed test leaves no process holding a port.
 */
public final class ChildJvm implements AutoCloseable {
    private static final Set<String> WORDS = Set.of("READY", "CONNECTED", "IN-BATCH", "DONE");
    private final Process process;
    private final Set<String> said = ConcurrentHashMap.newKeySet();
    private final Map<String, Long> counts = new ConcurrentHashMap<>();

    public ChildJvm(Class<?> main, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(javaBin(), "-Xmx512m", "-cp",
                System.getProperty("java.class.path"), main.getName()));
        command.addAll(List.of(args));
        process = new ProcessBuilder(command).redirectErrorStream(true).start();
        Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly));
        Thread reader = new Thread(this::readOutput, "child-" + main.getSimpleName());
        reader.setDaemon(true);
        reader.start();
    }

    private void readOutput() {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                int space = line.indexOf(' ');
                if (WORDS.contains(line)) {
                    said.add(line);
                } else if (space > 0 && line.substring(0, space).chars().allMatch(Character::isUpperCase)) {
                    try {
                        counts.put(line.substring(0, space), Long.parseLong(line.substring(space + 1).trim()));
                    } catch (NumberFormatException notACount) {
                        // a log line
                    }
                }
            }
        } catch (IOException e) {
            // the process was killed
        }
    }

    /** Whether the child has printed {@code word} (READY, CONNECTED, IN-BATCH, DONE). */
    public boolean said(String word) {
        return said.contains(word);
    }

    /** The last value printed as {@code KEY n}, or -1 before any. */
    public long count(String key) {
        return counts.getOrDefault(key, -1L);
    }

    public boolean alive() {
        return process.isAlive();
    }

    /** SIGKILL: no shutdown hook, no flush, no goodbye. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }

    private static String javaBin() {
        return java.nio.file.Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
