package org.haechi.app.shell;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.ResourceBundle;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Function;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.haechi.core.bus.RejectedMessage;

/**
 * A window listing the messages that broke the wire contract, newest first, with the raw body of the selected one
 * and an export to CSV. Loads off the FX thread. FX thread.
 */
public final class RejectedMessagesView {
    private final TableView<RejectedMessage> table = new TableView<>();
    private final Label status = new Label();
    private final ResourceBundle text;

    public RejectedMessagesView(ResourceBundle text) {
        this.text = text;
    }

    public void show(Window owner, Callable<List<RejectedMessage>> load, Executor background) {
        table.getColumns().add(column(text.getString("rejected.col.time"), 170, r -> r.receivedAt().toString()));
        table.getColumns().add(column(text.getString("rejected.col.address"), 120, RejectedMessage::address));
        table.getColumns().add(column(text.getString("rejected.col.reason"), 420, RejectedMessage::reason));
        TextArea body = new TextArea();
        body.setEditable(false);
        body.setPrefRowCount(8);
        table.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> body.setText(b == null ? ""
                : b.body()));
        Button export = new Button(text.getString("rejected.export"));
        export.setOnAction(e -> export(table.getScene().getWindow()));
        VBox.setVgrow(table, Priority.ALWAYS);
        VBox root = new VBox(6, new HBox(10, export, status), table, body);
        root.setStyle("-fx-padding: 8;");
        Stage stage = new Stage();
        stage.initOwner(owner);
        stage.setTitle(text.getString("rejected.title"));
        Scene scene = new Scene(root, 900, 560);
        scene.getStylesheets().addAll(owner.getScene().getStylesheets());
        stage.setScene(scene);
        stage.show();
        CompletableFuture.supplyAsync(() -> {
            try {
                return load.call();
            } catch (Exception e) {
                throw new java.util.concurrent.CompletionException(e);
            }
        }, background).whenComplete((rows, error) -> Platform.runLater(() -> {
            if (error != null) {
                status.setText("could not read the rejected messages: " + error.getCause().getMessage());
            } else {
                table.getItems().setAll(rows);
                status.setText(rows.size() + " rows");
            }
        }));
    }

    private void export(Window window) {
        FileChooser chooser = new FileChooser();
        chooser.setInitialFileName("rejected-messages.csv");
        var file = chooser.showSaveDialog(window);
        if (file != null) {
            try {
                writeCsv(table.getItems(), file.toPath());
                status.setText("exported to " + file);
            } catch (IOException e) {
                status.setText("export failed: " + e.getMessage());
            }
        }
    }

    /** Writes rejections as RFC 4180 CSV (UTF-8 with BOM so spreadsheet programs read Hangul). */
    public static void writeCsv(List<RejectedMessage> rows, Path file) throws IOException {
        StringBuilder sb = new StringBuilder("\uFEFFreceived_at,address,reason,body\r\n");
        for (RejectedMessage r : rows) {
            sb.append(r.receivedAt()).append(',').append(csv(r.address())).append(',').append(csv(r.reason()))
                    .append(',').append(csv(r.body())).append("\r\n");
        }
        Files.writeString(file, sb, StandardCharsets.UTF_8);
    }

    static String csv(String v) {
        return v == null ? "" : '"' + v.replace("\"", "\"\"") + '"';
    }

    private static TableColumn<RejectedMessage, String> column(String name, double width,
                                                               Function<RejectedMessage, String> value) {
        TableColumn<RejectedMessage, String> c = new TableColumn<>(name);
        c.setPrefWidth(width);
        c.setCellValueFactory(f -> new ReadOnlyStringWrapper(value.apply(f.getValue())));
        return c;
    }
}
