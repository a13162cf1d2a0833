package org.haechi.app.importer;

import java.io.File;
import java.nio.file.Path;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.concurrent.Task;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextArea;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.haechi.map.importer.ImportKind;
import org.haechi.map.importer.ImportResult;
import org.haechi.map.importer.Importer;
import org.haechi.messaging.cache.CacheStores;

/**
 * The console's import window: choose a file, what its rows are and (for projected coordinates) their coordinate
 * system; a progress bar while it reads; then what was imported and what was skipped and why. The import is all or
 * nothing. Reading and writing run on the given executor; FX thread otherwise.
 */
public final class ImportDialog {
    private final CacheStores cache;
    private final Executor background;
    private final Consumer<ImportedData> onImported;

    /** What an import brought, for the map. */
    public record ImportedData(ImportKind kind, String layerName, ImportResult result) {
    }

    public ImportDialog(CacheStores cache, Executor background, Consumer<ImportedData> onImported) {
        this.cache = cache;
        this.background = background;
        this.onImported = onImported;
    }

    public void show(Window owner) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Import GeoJSON, GeoPackage, Shapefile or CSV");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Map data",
                "*.geojson", "*.json", "*.gpkg", "*.shp", "*.csv"));
        File file = chooser.showOpenDialog(owner);
        if (file != null) {
            open(owner, file.toPath());
        }
    }

    /** Opens the import window for a chosen file. */
    public void open(Window owner, Path file) {
        ComboBox<ImportKind> kind = new ComboBox<>();
        kind.getItems().setAll(ImportKind.values());
        kind.setValue(ImportCommand.guessKind(file));
        ComboBox<String> crs = new ComboBox<>();
        crs.getItems().setAll("(as in the file)", "EPSG:5186", "EPSG:5179", "EPSG:5174", "EPSG:4326", "EPSG:3857");
        crs.setValue("(as in the file)");
        ProgressBar progress = new ProgressBar(0);
        progress.setPrefWidth(420);
        TextArea report = new TextArea();
        report.setEditable(false);
        report.setPrefRowCount(14);
        Button start = new Button("Import");
        GridPane form = new GridPane();
        form.setHgap(8);
        form.setVgap(6);
        form.addRow(0, new Label("File"), new Label(file.toString()));
        form.addRow(1, new Label("Rows are"), kind);
        form.addRow(2, new Label("Coordinates"), crs);
        VBox root = new VBox(10, form, start, progress, report);
        root.setStyle("-fx-padding: 10;");
        Stage stage = new Stage();
        stage.initOwner(owner);
        stage.setTitle("Import " + file.getFileName());
        Scene scene = new Scene(root, 640, 480);
        scene.getStylesheets().addAll(owner.getScene().getStylesheets());
        stage.setScene(scene);
        stage.show();
        start.setOnAction(e -> {
            start.setDisable(true);
            String code = crs.getValue().startsWith("EPSG") ? crs.getValue() : null;
            Task<ImportResult> task = task(file, kind.getValue(), code);
            progress.progressProperty().bind(task.progressProperty());
            task.setOnSucceeded(done -> {
                ImportResult r = task.getValue();
                report.setText(ImportSummary.text(r));
                onImported.accept(new ImportedData(kind.getValue(), ImportCommand.layerName(file), r));
            });
            task.setOnFailed(failed -> {
                report.setText("Nothing was imported.\n\n" + task.getException().getMessage());
                start.setDisable(false);
            });
            background.execute(task);
        });
    }

    private Task<ImportResult> task(Path file, ImportKind kind, String crs) {
        return new Task<>() {
            @Override
            protected ImportResult call() throws Exception {
                ImportResult r = new Importer().read(file, kind, crs, (done, total) -> {
                    if (total > 0) {
                        updateProgress(done, total);
                    }
                });
                ImportWriter.write(cache, kind, ImportCommand.layerName(file), r);
                updateProgress(1, 1);
                return r;
            }
        };
    }
}
