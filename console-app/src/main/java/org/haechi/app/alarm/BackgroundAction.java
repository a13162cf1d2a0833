package org.haechi.app.alarm;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import org.haechi.core.alarm.Alarm;

/** Records an operator action off the FX thread and brings the alarm's new state, or the error, back to the UI. */
final class BackgroundAction {
    private BackgroundAction() {
    }

    /**
     * Runs {@code action} on {@code target} on {@code background}; then, on {@code ui}, hands its alarm to
     * {@code done}, or "{@code what} on (the alarm) failed: reason" to {@code failed} (also when the cache no longer
     * knows the alarm). Completes once that is done.
     */
    static CompletableFuture<Void> run(String what, Alarm target, Callable<Alarm> action, Executor background,
                                       Executor ui, Consumer<Alarm> done, Consumer<String> failed) {
        String failure = what + " on " + (target.title() == null || target.title().isBlank() ? ""
                : "'" + target.title() + "' ") + "(" + target.id() + ") failed: ";
        return CompletableFuture.supplyAsync(() -> {
            try {
                return action.call();
            } catch (Exception e) {
                throw new CompletionException(e);
            }
        }, background).handleAsync((updated, error) -> {
            if (error != null) {
                Throwable cause = error instanceof CompletionException && error.getCause() != null
                        ? error.getCause() : error;
                failed.accept(failure + cause.getMessage());
            } else if (updated == null) {
                failed.accept(failure + "the cache does not hold this alarm");
            } else {
                done.accept(updated);
            }
            return null;
        }, ui);
    }
}
