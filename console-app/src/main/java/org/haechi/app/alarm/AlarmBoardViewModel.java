package org.haechi.app.alarm;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.ObservableList;
import org.haechi.core.alarm.ActionKind;
import org.haechi.core.alarm.Alarm;
import org.haechi.core.alarm.Severity;

/**
 * The alarm queue's state and commands: open alarms in queue order, the selection, and operator actions. Runs on
 * the FX thread (or the test thread); slow work goes to the injected background executor and comes back through the
 * injected UI executor, so tests run it synchronously without the FX toolkit.
 */
public final class AlarmBoardViewModel {
    static final int MAX_SHOWN = 5000;
    private final QueueList shown = new QueueList();
    /** Every open alarm, in queue order: {@link #shown} is its head, so an alarm past the limit comes back. */
    private final TreeSet<Alarm> open = new TreeSet<>(AlarmOrder.QUEUE);
    /** Every open alarm, by id. */
    private final Map<String, Alarm> byId = new HashMap<>();
    private final Map<String, Alarm> staged = new LinkedHashMap<>();
    private final ObjectProperty<Alarm> selected = new SimpleObjectProperty<>();
    private boolean updatingRows;
    private Runnable afterRowsChanged = () -> { };
    private final ReadOnlyIntegerWrapper openCount = new ReadOnlyIntegerWrapper();
    private final ReadOnlyStringWrapper lastError = new ReadOnlyStringWrapper();
    private final AlarmCommands commands;
    private final Executor background;
    private final Executor ui;
    private Consumer<Alarm> onNewCritical = a -> { };

    public AlarmBoardViewModel(AlarmCommands commands, Executor background, Executor ui) {
        this.commands = commands;
        this.background = background;
        this.ui = ui;
    }

    /** Open alarms in queue order (read-only view). */
    public ObservableList<Alarm> alarms() {
        return shown;
    }

    public ObjectProperty<Alarm> selectedProperty() {
        return selected;
    }

    public ReadOnlyIntegerProperty openCountProperty() {
        return openCount.getReadOnlyProperty();
    }

    /** The last action that failed, for the operator. */
    public ReadOnlyStringProperty lastErrorProperty() {
        return lastError.getReadOnlyProperty();
    }

    /** Shows an error from an action taken elsewhere (the queue's menu). */
    public void reportError(String message) {
        lastError.set(message);
    }

    public void setOnNewCritical(Consumer<Alarm> listener) {
        onNewCritical = listener;
    }

    /**
     * Adds new alarms and replaces changed ones (by id); closed alarms leave the queue. The queue changes at once,
     * as one list change.
     */
    public void upsert(List<Alarm> incoming) {
        stage(incoming);
        publish();
    }

    /**
     * Takes alarms in (new, changed or closed) without changing the queue yet: cheap, so a storm can be handed over
     * in pieces; {@link #publish()} then applies everything staged as one list change. The newest version of an
     * alarm staged twice wins. A new critical alarm rings here, at once.
     */
    public void stage(List<Alarm> incoming) {
        for (Alarm a : incoming) {
            Alarm before = staged.put(a.id(), a);
            if (before == null && !byId.containsKey(a.id()) && a.state().isOpen()
                    && a.severity() == Severity.CRITICAL) {
                onNewCritical.accept(a);
            }
        }
    }

    /** Alarms staged and not yet published. */
    public int stagedCount() {
        return staged.size();
    }

    /**
     * Applies what was staged: the queue becomes the open alarms in queue order (the most urgent {@value #MAX_SHOWN}
     * when there are more; the others are kept and move up as those above them close), changed by one list change
     * whose parts are the rows added and removed. Costs the staged changes times log(open alarms), plus a walk of
     * the shown rows, whatever the number of changes.
     */
    public void publish() {
        if (staged.isEmpty()) {
            return;
        }
        for (Alarm a : staged.values()) {
            Alarm old = byId.get(a.id());
            if (old != null && old.equals(a)) {
                continue; // delivered again unchanged
            }
            if (old != null) {
                open.remove(old);
            }
            if (a.state().isOpen()) {
                byId.put(a.id(), a);
                open.add(a);
            } else {
                byId.remove(a.id());
            }
        }
        staged.clear();
        List<Alarm> now = new ArrayList<>(Math.min(open.size(), MAX_SHOWN));
        for (Alarm a : open) {
            if (now.size() == MAX_SHOWN) {
                break;
            }
            now.add(a);
        }
        // The selection is the operator's and follows its alarm by id: whatever a table does with its own
        // selection while the rows change (TableView moves it to a neighbour or clears it) is not taken over.
        Alarm sel = selected.get();
        updatingRows = true;
        try {
            shown.replaceSorted(now, AlarmOrder.QUEUE);
            afterRowsChanged.run();
        } finally {
            updatingRows = false;
        }
        openCount.set(open.size());
        if (sel != null) {
            selected.set(byId.get(sel.id()));
        }
    }

    /**
     * Runs {@code action} each time the rows have changed, after every listener of {@link #alarms()} (a table's
     * among them) has seen the change, still while {@link #isUpdatingRows()}. One action: the view's.
     */
    public void setAfterRowsChanged(Runnable action) {
        afterRowsChanged = action;
    }

    /** True while {@link #alarms()} is being changed; a view ignores its table's selection events meanwhile. */
    public boolean isUpdatingRows() {
        return updatingRows;
    }

    public void acknowledgeSelected() {
        act(ActionKind.ACKNOWLEDGE, null);
    }

    public void closeSelected() {
        act(ActionKind.CLOSE, "closed from the queue");
    }

    /** Records an action on the selected alarm; the queue shows the result when it is stored. */
    public CompletableFuture<Void> act(ActionKind kind, String note) {
        Alarm target = selected.get();
        if (target == null) {
            return CompletableFuture.completedFuture(null);
        }
        return BackgroundAction.run(kind.name(), () -> commands.perform(target.id(), kind, note), background, ui,
                updated -> upsert(List.of(updated)), lastError::set);
    }
}
