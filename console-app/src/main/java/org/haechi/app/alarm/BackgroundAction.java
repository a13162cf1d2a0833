package org.haechi.app.alarm;

import java.util.ResourceBundle;
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
     * {@code done}, or to {@code failed} what went wrong, naming the action and the alarm, in the operator's language
     * (also when the cache does not hold the alarm). Completes once that is done.
     */
    static CompletableFuture<Void> run(String what, Alarm target, Callable<Alarm> action, Executor background,
                                       Executor ui, Consumer<Alarm> done, Consumer<String> failed,
                                       ResourceBundle text) {
        String alarm = (target.title() == null || target.title().isBlank() ? "" : "'" + target.title() + "' ")
                + "(" + target.id() + ")";
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
                failed.accept(String.format(text.getString("action.failed"), what, alarm, cause.getMessage()));
            } else if (updated == null) {
                // Recorded in the outbox all the same: other consoles may hold the alarm.
                failed.accept(String.format(text.getString("action.notInCache"), what, alarm));
            } else {
                done.accept(updated);
            }
            return null;
        }, ui);
    }
}
