package org.haechi.app.map;

import java.util.List;
import java.util.function.Consumer;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.haechi.map.view.MapFeature;

/**
 * What is inside the zone the operator drew (or a warning zone): a summary line and the list of cameras, tags,
 * schools and access points, each clickable. FX thread.
 */
public final class ZoneContentsView extends VBox {
    static final int MAX_LISTED = 2000;
    private final Label summary = new Label();
    private final ListView<MapFeature> list = new ListView<>();

    public ZoneContentsView(Consumer<MapFeature> onPick, java.util.ResourceBundle text) {
        Label title = new Label(text.getString("zone.title"));
        title.getStyleClass().add("panel-title");
        summary.setId("zone-summary");
        summary.setWrapText(true);
        summary.setStyle("-fx-padding: 0 6 4 6; -fx-text-fill: #e6edf5;");
        list.setId("zone-list");
        list.setCellFactory(v -> new javafx.scene.control.ListCell<>() {
            @Override
            protected void updateItem(MapFeature f, boolean empty) {
                super.updateItem(f, empty);
                setText(empty || f == null ? null : f.details().getOrDefault("kind", "TAG") + "  " + f.title());
            }
        });
        list.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (b != null) {
                onPick.accept(b);
            }
        });
        org.haechi.app.camera.CameraDragSource.fromList(list);
        list.setPrefHeight(160);
        VBox.setVgrow(list, Priority.ALWAYS);
        getChildren().addAll(title, summary, list);
        show(text.getString("zone.hint"), List.of());
    }

    public void show(String text, List<MapFeature> items) {
        summary.setText(text);
        list.getItems().setAll(items.size() > MAX_LISTED ? items.subList(0, MAX_LISTED) : items);
    }

    public String summaryText() {
        return summary.getText();
    }

    public List<MapFeature> items() {
        return List.copyOf(list.getItems());
    }
}
