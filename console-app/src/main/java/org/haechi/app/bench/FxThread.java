package org.haechi.app.bench;

import java.util.concurrent.Callable;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;

/** For a benchmark driven from its main thread: run work on the FX thread and wait, and bounded polling. */
final class FxThread {
    private FxThread() {
    }

    /** Runs {@code task} on the FX thread and returns its result (30 s at most). Not on the FX thread. */
    static <T> T call(Callable<T> task) throws Exception {
        FutureTask<T> f = new FutureTask<>(task);
        Platform.runLater(f);
        return f.get(30, TimeUnit.SECONDS);
    }

    /** Polls {@code condition} every 10 ms until it holds (true) or {@code seconds} pass (false). */
    static boolean await(Condition condition, double seconds) throws Exception {
        long deadline = System.nanoTime() + (long) (seconds * 1e9);
        while (!condition.test()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(10);
        }
        return true;
    }

    /** A condition that may throw (it may call the FX thread). */
    @FunctionalInterface
    interface Condition {
        boolean test() throws Exception;
    }
}
