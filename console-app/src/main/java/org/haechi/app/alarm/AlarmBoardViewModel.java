package org.haechi.app.alarm;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.Set;
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
import org.haechi.core.alarm.AlarmState;
import org.haechi.core.alarm.Severity;

/**
 * The alarm queue's state and commands: open alarms in queue order, the selection, and operator actions. Runs on
 * the FX thread (or the test thread); slow work goes to the injected background executor and comes back through the
 * injected UI executor, so tests run it synchronously without the FX toolkit.
 */
public final class AlarmBoardViewModel {
    static final int MAX_SHOWN = 5000;
    /** Closed alarms remembered, the most recent: a copy read before the close and handed over after it is refused. */
    static final int CLOSED_REMEMBERED = 10_000;
    private final QueueList shown = new QueueList();
    /**
     * The instances of snoozed alarms whose snooze is over: they rank with the new ones. By identity, so that the
     * instance a row held before keeps its rank until the rows have changed ({@link QueueList#replaceSorted}).
     */
    private final Set<Alarm> due = Collections.newSetFromMap(new IdentityHashMap<>());
    private final Comparator<Alarm> order = AlarmOrder.queue(a -> a.state() == AlarmState.NEW || due.contains(a));
    /** Every open alarm, in queue order: {@link #shown} is its head, so an alarm past the limit comes back. */
    private final TreeSet<Alarm> open = new TreeSet<>(order);
    /** Every open alarm, by id. */
    private final Map<String, Alarm> byId = new HashMap<>();
    /** Open alarms snoozed until a time still ahead, by id: {@link #wakeSnoozed()} looks at them. */
    private final Map<String, Alarm> snoozed = new HashMap<>();
    /** The revision each recently closed alarm was closed at. */
    private final Map<String, Long> closed = new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
            return size() > CLOSED_REMEMBERED;
        }
    };
    private final Map<String, Alarm> staged = new LinkedHashMap<>();
    private final ObjectProperty<Alarm> selected = new SimpleObjectProperty<>();
    private boolean updatingRows;
    private Runnable afterRowsChanged = () -> { };
    private final ReadOnlyIntegerWrapper openCount = new ReadOnlyIntegerWrapper();
    private final ReadOnlyStringWrapper lastError = new ReadOnlyStringWrapper();
    private final AlarmCommands commands;
    private final Executor background;
    private final Executor ui;
    private final Clock clock;
    private Consumer<Alarm> onNewCritical = a -> { };
    private Consumer<List<Alarm>> results = this::upsert;
    private ResourceBundle text = ResourceBundle.getBundle("org.haechi.app.messages", Locale.ENGLISH);

    public AlarmBoardViewModel(AlarmCommands commands, Executor background, Executor ui) {
        this(commands, background, ui, Clock.systemUTC());
    }

    /** {@code clock}: when snoozes end. */
    public AlarmBoardViewModel(AlarmCommands commands, Executor background, Executor ui, Clock clock) {
        this.commands = commands;
        this.background = background;
        this.ui = ui;
        this.clock = clock;
    }

    /**
     * Where the results of this operator's actions go (by default straight into the queue): the console sends them
     * the way the bus's changes go, so that the map follows them too. Copies arriving out of order are settled by
     * their revision either way.
     */
    public void setResultSink(Consumer<List<Alarm>> sink) {
        results = sink;
    }

    /** The operator's language, for what an action's failure says. */
    public void setText(ResourceBundle bundle) {
        text = bundle;
    }

    /** An action of this operator was stored: the error shown before is no longer news, and the result is shown. */
    public void actionDone(Alarm updated) {
        lastError.set(null);
        results.accept(List.of(updated));
    }

    /** Whether {@code a}, as shown, is snoozed and its snooze is over: it awaits an operator again. */
    public boolean isSnoozeOver(Alarm a) {
        return due.contains(a);
    }

    /** Open alarms in queue order (read-only view). */
    public ObservableList<Alarm> alarms() {
        return shown;
    }

    /**
     * Every open alarm in queue order, for the map: the queue's rows, or, when the queue shows only the most urgent
     * {@value #MAX_SHOWN}, a copy of all (an escalated alarm pushed off the queue by a storm of new ones stays on the
     * map).
     */
    public List<Alarm> openAlarms() {
        return open.size() <= MAX_SHOWN ? shown : List.copyOf(open);
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
     * in pieces; {@link #publish()} then applies everything staged as one list change. Of two copies of an alarm the
     * one of the higher revision wins, else the later. A new critical alarm rings here, at once.
     */
    public void stage(List<Alarm> incoming) {
        for (Alarm a : incoming) {
            Alarm was = staged.get(a.id());
            if (was == null || a.revision() >= was.revision()) {
                staged.put(a.id(), a);
            }
            if (was == null && !byId.containsKey(a.id()) && !closedSince(a) && a.state().isOpen()
                    && a.severity() == Severity.CRITICAL) {
                onNewCritical.accept(a);
            }
        }
    }

    /** Whether the queue saw {@code a} closed at a later revision than this copy's. */
    private boolean closedSince(Alarm a) {
        Long closedAt = closed.get(a.id());
        return closedAt != null && a.revision() < closedAt;
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
        Instant now = clock.instant();
        List<Alarm> retired = new ArrayList<>();
        for (Alarm a : staged.values()) {
            Alarm old = byId.get(a.id());
            if (old != null && (old.equals(a) || old.revision() > a.revision())) {
                continue; // delivered again unchanged, or an older copy handed over late
            }
            if (old == null && closedSince(a)) {
                continue; // a copy from before its close
            }
            if (old != null) {
                open.remove(old);
                retired.add(old);
                snoozed.remove(a.id());
            }
            if (a.state().isOpen()) {
                closed.remove(a.id());
                if (a.snoozeOverAt(now)) {
                    due.add(a);
                } else if (a.snoozedUntil() != null) {
                    snoozed.put(a.id(), a);
                }
                byId.put(a.id(), a);
                open.add(a);
            } else {
                byId.remove(a.id());
                closed.put(a.id(), a.revision());
            }
        }
        staged.clear();
        showOpen();
        retired.forEach(due::remove);
    }

    /**
     * Every second: snoozed alarms whose snooze is over come back among those awaiting an operator (a critical one
     * rings again). The cache keeps them SNOOZED until an operator acts: the fold does not depend on the time of day.
     */
    public void wakeSnoozed() {
        if (snoozed.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        List<Alarm> woken = snoozed.values().stream().filter(a -> a.snoozeOverAt(now)).toList();
        if (woken.isEmpty()) {
            return;
        }
        for (Alarm a : woken) {
            // A new instance: the row's old one keeps its rank until the rows have changed.
            Alarm awake = a.withReceivedAt(a.receivedAt());
            open.remove(a);
            snoozed.remove(a.id());
            due.add(awake);
            byId.put(a.id(), awake);
            open.add(awake);
            if (a.severity() == Severity.CRITICAL) {
                onNewCritical.accept(awake);
            }
        }
        showOpen();
    }

    /** The rows become the most urgent open alarms, in one list change; the selection follows its alarm. */
    private void showOpen() {
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
            shown.replaceSorted(now, order);
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
        return BackgroundAction.run(kind.name(), target, () -> commands.perform(target.id(), kind, note), background,
                ui, this::actionDone, lastError::set, text);
    }
}
