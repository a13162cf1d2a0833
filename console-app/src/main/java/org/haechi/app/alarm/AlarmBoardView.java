package org.haechi.app.alarm;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.ResourceBundle;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ObservableList;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.haechi.core.alarm.Alarm;
import org.haechi.core.alarm.AlarmState;

/** The alarm queue: a table in queue order with Acknowledge and Close. Thin: all state is in its view model. */
public final class AlarmBoardView extends VBox {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss")
            .withZone(ZoneId.of("Asia/Seoul"));
    private final TableView<Alarm> table = new TableView<>();
    private final AlarmBoardViewModel vm;

    public AlarmBoardView(AlarmBoardViewModel vm, ResourceBundle text) {
        this.vm = vm;
        getStyleClass().add("alarm-board");
        Label title = new Label(text.getString("alarm.title"));
        title.getStyleClass().add("panel-title");
        Button ack = new Button(text.getString("alarm.acknowledge"));
        ack.setOnAction(e -> vm.acknowledgeSelected());
        ack.disableProperty().bind(vm.selectedProperty().isNull());
        Button close = new Button(text.getString("alarm.close"));
        close.setOnAction(e -> vm.closeSelected());
        close.disableProperty().bind(vm.selectedProperty().isNull());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Label error = new Label();
        error.textProperty().bind(vm.lastErrorProperty());
        // A storm of new alarms can push past what the queue shows: say so, or the rest would seem gone.
        Label capped = new Label();
        capped.getStyleClass().add("queue-capped");
        capped.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() ->
                vm.openCountProperty().get() <= AlarmBoardViewModel.MAX_SHOWN ? "" : String.format(text.getLocale(),
                        text.getString("alarm.capped"), AlarmBoardViewModel.MAX_SHOWN, vm.openCountProperty().get()),
                vm.openCountProperty()));
        HBox bar = new HBox(8, title, capped, spacer, error, ack, close);
        bar.setStyle("-fx-alignment: center-left; -fx-padding: 2 4 2 0;");

        table.setId("alarm-table");
        table.setItems(vm.alarms());
        table.setPlaceholder(new Label(text.getString("alarm.empty")));
        // One row height for all: the table then lays out a storm's changes without measuring every cell.
        table.setFixedCellSize(24);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().add(column(text.getString("alarm.col.time"), 70, a -> TIME.format(a.receivedAt())));
        TableColumn<Alarm, String> severity = column(text.getString("alarm.col.severity"), 82,
                a -> a.severity().name());
        severity.setCellFactory(c -> new SeverityCell());
        table.getColumns().add(severity);
        table.getColumns().add(column(text.getString("alarm.col.type"), 120, Alarm::typeName));
        table.getColumns().add(column(text.getString("alarm.col.place"), 90, Alarm::placeText));
        table.getColumns().add(column(text.getString("alarm.col.state"), 95,
                a -> (vm.isSnoozeOver(a) ? text.getString("alarm.snoozeOver") : a.state().name())
                        + (a.pending() ? " (" + text.getString("alarm.pending") + ")" : "")));
        table.getColumns().add(column(text.getString("alarm.col.title"), 260, a -> a.title() == null ? "" : a.title()));
        table.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (!vm.isUpdatingRows()) {
                vm.selectedProperty().set(b);
            }
        });
        vm.selectedProperty().addListener((o, a, b) -> showSelection());
        // After the table has taken the change in (whatever the order of the list's listeners): puts the operator's
        // selection back on its alarm's row.
        vm.setAfterRowsChanged(this::showSelection);
        table.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.A) {
                vm.acknowledgeSelected();
            }
        });
        VBox.setVgrow(table, Priority.ALWAYS);
        getChildren().addAll(bar, table);
    }

    /** Selects the row of the view model's selected alarm (by id: the row may hold a newer version), or none. */
    private void showSelection() {
        var model = table.getSelectionModel();
        Alarm want = vm.selectedProperty().get();
        // The row at the selected index, not getSelectedItem(): the table can shift its index over a change and
        // leave the item it reports behind.
        int at = model.getSelectedIndex();
        Alarm have = at >= 0 && at < table.getItems().size() ? table.getItems().get(at) : null;
        if (want == null) {
            if (have != null) {
                model.clearSelection();
            }
            return;
        }
        if (have != null && have.id().equals(want.id())) {
            return;
        }
        List<Alarm> rows = table.getItems();
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).id().equals(want.id())) {
                model.clearAndSelect(i);
                return;
            }
        }
        model.clearSelection();
    }

    /**
     * Shows {@code samples} instead of the queue while {@code render} runs (which may change them), then the queue
     * again. For the start-up warm-up; nothing may be selected.
     */
    void showMeanwhile(ObservableList<Alarm> samples, Runnable render) {
        table.setItems(samples);
        try {
            render.run();
        } finally {
            table.setItems(vm.alarms());
        }
    }

    /** Gives the queue its right-click menu of operator actions. */
    public void setActions(AlarmActionMenu actions) {
        table.setContextMenu(actions.menu());
    }

    public TableView<Alarm> table() {
        return table;
    }

    private static TableColumn<Alarm, String> column(String name, double width, Function<Alarm, String> value) {
        TableColumn<Alarm, String> c = new TableColumn<>(name);
        c.setPrefWidth(width);
        c.setCellValueFactory(f -> new ReadOnlyStringWrapper(value.apply(f.getValue())));
        return c;
    }

    private static final class SeverityCell extends TableCell<Alarm, String> {
        private String severityClass;
        private boolean fresh;

        @Override
        protected void updateItem(String item, boolean empty) {
            super.updateItem(item, empty);
            Alarm alarm = getTableRow() == null ? null : getTableRow().getItem();
            boolean shown = !empty && item != null;
            setText(shown ? item : null);
            // Style classes only when they change: each change makes the cell's CSS be worked out again, and a
            // storm moves every visible row at every update of the queue.
            String wantedSeverity = shown ? "severity-" + item.toLowerCase(java.util.Locale.ROOT) : null;
            boolean wantedFresh = shown && alarm != null && alarm.state() == AlarmState.NEW;
            if (!java.util.Objects.equals(wantedSeverity, severityClass)) {
                if (severityClass != null) {
                    getStyleClass().remove(severityClass);
                }
                if (wantedSeverity != null) {
                    getStyleClass().add(wantedSeverity);
                }
                severityClass = wantedSeverity;
            }
            if (wantedFresh != fresh) {
                if (wantedFresh) {
                    getStyleClass().add("alarm-new");
                } else {
                    getStyleClass().remove("alarm-new");
                }
                fresh = wantedFresh;
            }
        }
    }
}
