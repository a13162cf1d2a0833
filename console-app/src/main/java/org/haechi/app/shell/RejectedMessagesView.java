package org.haechi.app.shell;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Function;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import javafx.collections.transformation.SortedList;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.haechi.core.bus.RejectedMessage;

/**
 * A window listing the messages that broke the wire contract, newest first, with the raw body of the selected one, a
 * filter on address, reason and body (a flood of one source's rejections must not hide another's), and an export to
 * CSV of what is shown, which says how many rows it wrote of how many. Loads and exports off the FX thread. FX thread.
 */
public final class RejectedMessagesView {
    /** How much of a body the filter searches: bodies run to 64 Ki characters, and a lower-case copy of each is kept. */
    static final int SEARCHED_BODY_CHARS = 8_000;
    private final TableView<RejectedMessage> table = new TableView<>();
    private final ObservableList<RejectedMessage> loaded = FXCollections.observableArrayList();
    private final FilteredList<RejectedMessage> shown = new FilteredList<>(loaded);
    private final TextField filter = new TextField();
    private final Label status = new Label();
    private final Button export = new Button();
    private final ResourceBundle text;
    private Executor background = Runnable::run;
    /** Each loaded row's address, reason and body in lower case, made once off the FX thread for the filter. */
    private Map<RejectedMessage, String> searchable = Map.of();
    private long total = -1;

    public RejectedMessagesView(ResourceBundle text) {
        this.text = text;
    }

    /** Opens the window and loads the newest rejections and how many there are in all, on {@code background}. */
    public void show(Window owner, Callable<List<RejectedMessage>> newest, Callable<Long> count, Executor background) {
        this.background = background;
        TableColumn<RejectedMessage, Instant> time = new TableColumn<>(text.getString("rejected.col.time"));
        time.setPrefWidth(170);
        time.setCellValueFactory(f -> new ReadOnlyObjectWrapper<>(f.getValue().receivedAt()));
        table.getColumns().add(time);
        table.getColumns().add(column(text.getString("rejected.col.address"), 120, RejectedMessage::address));
        table.getColumns().add(column(text.getString("rejected.col.reason"), 420, RejectedMessage::reason));
        TextArea body = new TextArea();
        body.setEditable(false);
        body.setPrefRowCount(8);
        table.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> body.setText(b == null ? ""
                : b.body()));
        SortedList<RejectedMessage> sorted = new SortedList<>(shown);
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.setItems(sorted);
        filter.setPromptText(text.getString("rejected.filter"));
        filter.setPrefColumnCount(28);
        filter.textProperty().addListener((o, a, query) -> {
            String q = query == null ? "" : query.strip().toLowerCase(Locale.ROOT);
            shown.setPredicate(q.isEmpty() ? null : r -> searchable.getOrDefault(r, "").contains(q));
            showCounts();
        });
        export.setText(text.getString("rejected.export"));
        export.setDisable(true); // until loaded: an export then would write nothing and say it had
        export.setOnAction(e -> export(table.getScene().getWindow()));
        VBox.setVgrow(table, Priority.ALWAYS);
        HBox bar = new HBox(10, filter, export, status);
        bar.setAlignment(Pos.CENTER_LEFT);
        VBox root = new VBox(6, bar, table, body);
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
                List<RejectedMessage> rows = newest.call();
                return new Loaded(rows, count.call(), searchTexts(rows));
            } catch (Exception e) {
                throw new java.util.concurrent.CompletionException(e);
            }
        }, background).whenComplete((result, error) -> Platform.runLater(() -> {
            if (error != null) {
                Throwable cause = error.getCause() == null ? error : error.getCause();
                status.setText(String.format(text.getString("rejected.loadFailed"), cause.getMessage()));
            } else {
                total = result.total();
                searchable = result.searchable();
                loaded.setAll(result.newest());
                showCounts();
                export.setDisable(false);
            }
        }));
    }

    private record Loaded(List<RejectedMessage> newest, long total, Map<RejectedMessage, String> searchable) {
    }

    /** What the filter searches in each row: address, reason and body, in lower case. */
    static Map<RejectedMessage, String> searchTexts(List<RejectedMessage> rows) {
        Map<RejectedMessage, String> texts = new IdentityHashMap<>();
        for (RejectedMessage r : rows) {
            String body = r.body() == null ? "" : r.body();
            texts.put(r, (r.address() + "\n" + r.reason() + "\n"
                    + body.substring(0, Math.min(body.length(), SEARCHED_BODY_CHARS))).toLowerCase(Locale.ROOT));
        }
        return texts;
    }

    /** The counts, once loaded (before, the status line keeps what it says: loading, or why loading failed). */
    private void showCounts() {
        if (total >= 0) {
            status.setText(String.format(text.getString("rejected.shown"), shown.size(), loaded.size(), total));
        }
    }

    /** Tests: the filter field and the rows shown, in table order, and the status line. */
    TextField filterField() {
        return filter;
    }

    List<RejectedMessage> rowsShown() {
        return List.copyOf(table.getItems());
    }

    String statusText() {
        return status.getText();
    }

    private void export(Window window) {
        FileChooser chooser = new FileChooser();
        chooser.setInitialFileName("rejected-messages.csv");
        var file = chooser.showSaveDialog(window);
        if (file != null) {
            exportTo(file.toPath());
        }
    }

    /** Writes the rows shown to {@code file} on the background executor; the status line says how many, or why not. */
    CompletableFuture<Void> exportTo(Path file) {
        List<RejectedMessage> rows = List.copyOf(table.getItems());
        int loadedRows = loaded.size();
        long all = total;
        export.setDisable(true);
        status.setText(text.getString("rejected.exporting"));
        return CompletableFuture.runAsync(() -> {
            try {
                writeCsv(rows, file);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }, background).whenComplete((done, error) -> Platform.runLater(() -> {
            export.setDisable(false);
            if (error == null) {
                status.setText(String.format(text.getLocale(), text.getString("rejected.exported"), rows.size(),
                        loadedRows, all, file));
            } else {
                Throwable cause = error.getCause() == null ? error : error.getCause();
                status.setText(String.format(text.getString("rejected.exportFailed"), cause.getMessage()));
            }
        }));
    }

    /**
     * Writes rejections as RFC 4180 CSV (UTF-8 with BOM so spreadsheet programs read Hangul), every field quoted (a
     * spreadsheet set to another separator then still reads the fields), row by row into a file beside {@code file}
     * that takes its place once complete: a failed export leaves no half file, and an earlier one stays.
     */
    public static void writeCsv(List<RejectedMessage> rows, Path file) throws IOException {
        Path partial = file.resolveSibling(file.getFileName() + ".part");
        try (var out = Files.newBufferedWriter(partial, StandardCharsets.UTF_8)) {
            out.write("\uFEFFreceived_at,address,reason,body\r\n");
            for (RejectedMessage r : rows) {
                out.write(csv(String.valueOf(r.receivedAt())) + ',' + csv(r.address()) + ',' + csv(r.reason()) + ','
                        + csv(r.body()) + "\r\n");
            }
        } catch (IOException e) {
            Files.deleteIfExists(partial);
            throw e;
        }
        try {
            Files.move(partial, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (java.nio.file.AtomicMoveNotSupportedException e) {
            Files.move(partial, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /**
     * One quoted field. A value a spreadsheet would take for a formula (starting with =, +, -, @, a tab or a carriage
     * return) is led by an apostrophe: rejected bodies come from outside, and the export is opened by people.
     */
    static String csv(String v) {
        if (v == null) {
            return "";
        }
        String safe = !v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0 ? "'" + v : v;
        return '"' + safe.replace("\"", "\"\"") + '"';
    }

    private static TableColumn<RejectedMessage, String> column(String name, double width,
                                                               Function<RejectedMessage, String> value) {
        TableColumn<RejectedMessage, String> c = new TableColumn<>(name);
        c.setPrefWidth(width);
        c.setCellValueFactory(f -> new ReadOnlyStringWrapper(value.apply(f.getValue())));
        return c;
    }
}
