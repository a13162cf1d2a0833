package org.haechi.messaging.fault;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/** A test's child JVM on the test's own class path, its output lines watched; killed with SIGKILL on demand. */
final class ChildJvm implements AutoCloseable {
    private final Process process;
    private final AtomicReference<String> lastLine = new AtomicReference<>("");
    private final AtomicLong stored = new AtomicLong(-1);

    ChildJvm(Class<?> main, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(javaBin(), "-Xmx512m", "-cp",
                System.getProperty("java.class.path"), main.getName()));
        command.addAll(List.of(args));
        process = new ProcessBuilder(command).redirectErrorStream(true).start();
        Thread reader = new Thread(this::readOutput, "child-" + main.getSimpleName());
        reader.setDaemon(true);
        reader.start();
    }

    private void readOutput() {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.startsWith("STORED ")) {
                    stored.set(Long.parseLong(line.substring(7).trim()));
                } else if (line.equals("READY") || line.equals("CONNECTED") || line.equals("DONE")) {
                    lastLine.set(line);
                }
            }
        } catch (IOException e) {
            // the process was killed
        }
    }

    boolean said(String word) {
        return lastLine.get().equals(word);
    }

    long stored() {
        return stored.get();
    }

    boolean alive() {
        return process.isAlive();
    }

    /** SIGKILL: no shutdown hook, no flush, no goodbye. */
    void kill() throws InterruptedException {
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
