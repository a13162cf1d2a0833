package org.haechi.app.alarm;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.ResourceBundle;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.haechi.core.alarm.ActionKind;
import org.haechi.core.alarm.Alarm;

/**
 * A window of the closed alarms received most recently, from which an operator reopens one closed by mistake (or too
 * soon): the queue shows open alarms only, so without it a REOPEN could not be asked for. The reopened alarm goes back
 * to the queue as NEW; the reopening is recorded, published and audited like every action. Loads and acts off the FX
 * thread. FX thread.
 */
public final class ClosedAlarmsView {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("MM-dd HH:mm:ss")
            .withZone(ZoneId.of("Asia/Seoul"));
    private final TableView<Alarm> table = new TableView<>();
    private final ObservableList<Alarm> rows = FXCollections.observableArrayList();
    private final Label status = new Label();
    private final Button reopen = new Button();
    private final ResourceBundle text;
    private WorkflowRequest.Handler handler;
    private Executor background;
    private Executor ui;
    private Consumer<Alarm> onReopened;

    public ClosedAlarmsView(ResourceBundle text) {
        this.text = text;
    }

    /**
     * Opens the window and loads {@code recentlyClosed} on {@code background}; Reopen records the action through
     * {@code handler} there and hands the reopened alarm to {@code onReopened} on {@code ui}.
     */
    public void show(Window owner, Callable<List<Alarm>> recentlyClosed, WorkflowRequest.Handler handler,
                     Executor background, Executor ui, Consumer<Alarm> onReopened) {
        this.handler = handler;
        this.background = background;
        this.ui = ui;
        this.onReopened = onReopened;
        table.setItems(rows);
        table.setPlaceholder(new Label(text.getString("closed.empty")));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().add(column("alarm.col.time", 110, a -> TIME.format(a.receivedAt())));
        table.getColumns().add(column("alarm.col.severity", 80, a -> a.severity().name()));
        table.getColumns().add(column("alarm.col.type", 130, Alarm::typeName));
        table.getColumns().add(column("alarm.col.place", 110, Alarm::placeText));
        table.getColumns().add(column("closed.col.title", 300, a -> a.title() == null ? "" : a.title()));
        reopen.setText(text.getString("closed.reopen"));
        reopen.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        reopen.setOnAction(e -> reopenSelected());
        HBox bar = new HBox(10, reopen, status);
        bar.setAlignment(Pos.CENTER_LEFT);
        VBox.setVgrow(table, Priority.ALWAYS);
        VBox root = new VBox(6, bar, table);
        root.setStyle("-fx-padding: 8;");
        Stage stage = new Stage();
        stage.initOwner(owner);
        stage.setTitle(text.getString("closed.title"));
        Scene scene = new Scene(root, 820, 480);
        scene.getStylesheets().addAll(owner.getScene().getStylesheets());
        stage.setScene(scene);
        stage.show();
        status.setText(text.getString("closed.loading"));
        CompletableFuture.supplyAsync(() -> {
            try {
                return recentlyClosed.call();
            } catch (Exception e) {
                throw new CompletionException(e);
            }
        }, background).whenCompleteAsync((loaded, error) -> {
            if (error != null) {
                Throwable cause = error.getCause() == null ? error : error.getCause();
                status.setText(String.format(text.getString("closed.loadFailed"), cause.getMessage()));
            } else {
                rows.setAll(loaded);
                status.setText(String.format(text.getLocale(), text.getString("closed.count"), loaded.size()));
            }
        }, ui);
    }

    /** Reopens the selected alarm; completes once the window shows the result or the error. */
    CompletableFuture<Void> reopenSelected() {
        Alarm target = table.getSelectionModel().getSelectedItem();
        if (target == null) {
            return CompletableFuture.completedFuture(null);
        }
        return BackgroundAction.run(ActionKind.REOPEN.name(), target,
                () -> handler.apply(target.id(), WorkflowRequest.of(ActionKind.REOPEN, null)), background, ui,
                reopened -> {
                    rows.remove(target);
                    status.setText(String.format(text.getString("closed.reopened"), target.id()));
                    onReopened.accept(reopened);
                }, status::setText, text);
    }

    /** Tests: the table, and the status line. */
    TableView<Alarm> table() {
        return table;
    }

    String statusText() {
        return status.getText();
    }

    private TableColumn<Alarm, String> column(String key, double width, Function<Alarm, String> value) {
        TableColumn<Alarm, String> c = new TableColumn<>(text.getString(key));
        c.setPrefWidth(width);
        c.setCellValueFactory(f -> new ReadOnlyStringWrapper(value.apply(f.getValue())));
        return c;
    }
}
