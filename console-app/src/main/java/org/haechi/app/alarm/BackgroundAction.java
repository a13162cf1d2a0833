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
     * Runs {@code action} on {@code background}; then, on {@code ui}, hands its alarm to {@code done} (nothing when
     * null) or "{@code what} failed: reason" to {@code failed}. Completes once that is done.
     */
    static CompletableFuture<Void> run(String what, Callable<Alarm> action, Executor background, Executor ui,
                                       Consumer<Alarm> done, Consumer<String> failed) {
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
                failed.accept(what + " failed: " + cause.getMessage());
            } else if (updated != null) {
                done.accept(updated);
            }
            return null;
        }, ui);
    }
}
