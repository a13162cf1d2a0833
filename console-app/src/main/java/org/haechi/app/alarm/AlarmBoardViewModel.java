package org.haechi.app.alarm;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.SortedList;
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
    private final ObservableList<Alarm> source = FXCollections.observableArrayList();
    private final SortedList<Alarm> sorted = new SortedList<>(source, AlarmOrder.QUEUE);
    private final Map<String, Alarm> byId = new HashMap<>();
    private final ObjectProperty<Alarm> selected = new SimpleObjectProperty<>();
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
        return sorted;
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

    /** Adds new alarms and replaces changed ones (by id); closed alarms leave the queue. */
    public void upsert(List<Alarm> incoming) {
        List<Alarm> added = new java.util.ArrayList<>();
        for (Alarm a : incoming) {
            Alarm old = byId.get(a.id());
            if (old != null) {
                replace(old, a);
            } else if (a.state().isOpen()) {
                byId.put(a.id(), a);
                added.add(a);
                if (a.severity() == Severity.CRITICAL) {
                    onNewCritical.accept(a);
                }
            }
        }
        source.addAll(added);
        trim();
        openCount.set(source.size());
    }

    private void replace(Alarm old, Alarm now) {
        int i = source.indexOf(old);
        if (!now.state().isOpen()) {
            byId.remove(now.id());
            if (i >= 0) {
                source.remove(i);
            }
        } else {
            byId.put(now.id(), now);
            if (i >= 0) {
                source.set(i, now);
            }
        }
        Alarm sel = selected.get();
        if (sel != null && sel.id().equals(now.id())) {
            selected.set(now.state().isOpen() ? now : null);
        }
    }

    private void trim() {
        // With some slack, so a storm re-sorts the queue once per 500 alarms, not on every pulse.
        if (source.size() > MAX_SHOWN + 500) {
            List<Alarm> keep = sorted.subList(0, MAX_SHOWN).stream().toList();
            byId.keySet().retainAll(keep.stream().map(Alarm::id).collect(java.util.stream.Collectors.toSet()));
            source.setAll(keep);
        }
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
