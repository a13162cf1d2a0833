package org.haechi.app.alarm;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TextInputDialog;
import org.haechi.app.shell.ConsoleStyle;
import org.haechi.core.alarm.ActionKind;
import org.haechi.core.alarm.Alarm;

/**
 * The queue's right-click menu: every operator action on the selected alarm (acknowledge, assign to me or to a
 * colleague, escalate, snooze, comment, close with a disposition). Each is recorded off the FX thread by the
 * {@link WorkflowRequest.Handler}; the queue then shows the alarm's new state, or the error. FX thread.
 */
public final class AlarmActionMenu {
    static final List<String> DISPOSITIONS = List.of("RESOLVED", "FALSE_ALARM", "DUPLICATE", "TEST");
    static final List<Integer> SNOOZE_MINUTES = List.of(5, 15, 60);
    private final Supplier<Alarm> selected;
    private final WorkflowRequest.Handler handler;
    private final Executor background;
    private final Executor ui;
    private final Consumer<Alarm> onUpdated;
    private final Consumer<String> onError;
    private final ResourceBundle text;
    private final Clock clock;
    /**
     * The alarm selected when the menu opened, named at its top: in a storm the rows move under the pointer, and the
     * operator acts on the alarm the menu names.
     */
    private Alarm menuTarget;

    public AlarmActionMenu(Supplier<Alarm> selected, WorkflowRequest.Handler handler, Executor background,
                           Executor ui, Consumer<Alarm> onUpdated, Consumer<String> onError, ResourceBundle text,
                           Clock clock) {
        this.selected = selected;
        this.handler = handler;
        this.background = background;
        this.ui = ui;
        this.onUpdated = onUpdated;
        this.onError = onError;
        this.text = text;
        this.clock = clock;
    }

    /** The menu, built fresh so its items follow the current bundle. */
    public ContextMenu menu() {
        MenuItem ack = item("alarm.acknowledge", () -> request(WorkflowRequest.of(ActionKind.ACKNOWLEDGE, null)));
        MenuItem mine = item("alarm.assignToMe",
                () -> request(new WorkflowRequest(ActionKind.ASSIGN, null, null, null, null)));
        MenuItem other = asking("alarm.assignTo",
                who -> new WorkflowRequest(ActionKind.ASSIGN, null, who, null, null));
        MenuItem escalate = asking("alarm.escalate", note -> WorkflowRequest.of(ActionKind.ESCALATE, note));
        Menu snooze = new Menu(text.getString("alarm.snooze"));
        for (int minutes : SNOOZE_MINUTES) {
            MenuItem m = new MenuItem(minutes + " min");
            m.setOnAction(e -> request(new WorkflowRequest(ActionKind.SNOOZE, null, null,
                    clock.instant().plus(Duration.ofMinutes(minutes)), null)));
            snooze.getItems().add(m);
        }
        MenuItem comment = asking("alarm.comment", note -> WorkflowRequest.of(ActionKind.COMMENT, note));
        Menu close = new Menu(text.getString("alarm.closeAs"));
        for (String disposition : DISPOSITIONS) {
            MenuItem m = new MenuItem(text.getString("alarm.disposition." + disposition.toLowerCase()));
            m.setOnAction(e -> request(new WorkflowRequest(ActionKind.CLOSE, null, null, null, disposition)));
            close.getItems().add(m);
        }
        MenuItem header = new MenuItem();
        header.setDisable(true);
        ContextMenu menu = new ContextMenu(header, new SeparatorMenuItem(), ack, mine, other, escalate, snooze, comment,
                new SeparatorMenuItem(), close);
        menu.setOnShowing(e -> {
            menuTarget = selected.get();
            header.setText(menuTarget == null ? text.getString("alarm.noneSelected") : label(menuTarget));
            menu.getItems().stream().skip(2).forEach(i -> i.setDisable(menuTarget == null));
        });
        return menu;
    }

    /** The alarm as the menu names it: its type and place, and its id. */
    static String label(Alarm a) {
        String name = a.typeName() + " · " + a.placeText() + " (" + a.id() + ")";
        return name.length() <= 80 ? name : name.substring(0, 79) + "…";
    }

    /** The alarm the menu was opened on, else (no menu shown yet) the one selected now. */
    private Alarm target() {
        return menuTarget != null ? menuTarget : selected.get();
    }

    private MenuItem item(String key, Runnable action) {
        MenuItem m = new MenuItem(text.getString(key));
        m.setOnAction(e -> action.run());
        return m;
    }

    /**
     * An item that asks for a text, then records the request on the alarm selected when it was chosen: the selection
     * may move, or its alarm close, while the operator types.
     */
    private MenuItem asking(String key, Function<String, WorkflowRequest> request) {
        return item(key, () -> {
            Alarm target = target();
            if (target != null) {
                ask(key).ifPresent(answer -> request(target, request.apply(answer)));
            }
        });
    }

    private Optional<String> ask(String key) {
        TextInputDialog dialog = ConsoleStyle.apply(new TextInputDialog());
        dialog.setHeaderText(text.getString(key));
        return dialog.showAndWait().map(String::strip).filter(s -> !s.isEmpty());
    }

    /** Records {@code request} on the alarm the menu was opened on; completes once the queue has the result. */
    public CompletableFuture<Void> request(WorkflowRequest request) {
        Alarm target = target();
        if (target == null) {
            return CompletableFuture.completedFuture(null);
        }
        return request(target, request);
    }

    private CompletableFuture<Void> request(Alarm target, WorkflowRequest request) {
        return BackgroundAction.run(request.kind().name(), target, () -> handler.apply(target.id(), request),
                background, ui, onUpdated, onError, text);
    }
}
