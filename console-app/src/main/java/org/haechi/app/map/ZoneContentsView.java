package org.haechi.app.map;

import java.util.List;
import java.util.function.Consumer;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.haechi.map.view.MapFeature;

/**
 * What is inside the zone the operator drew: a summary line and the list of tagged people, cameras, schools and
 * access points, each clickable; when the list is cut for length, the summary says how much is listed. FX thread.
 */
public final class ZoneContentsView extends VBox {
    static final int MAX_LISTED = 2000;
    /** The kinds in the order they are counted and listed: people first. */
    public static final List<String> KINDS = List.of("TAG", "TAG_STALE", "CAMERA", "SCHOOL", "ACCESS_POINT");
    private final Label summary = new Label();
    private final ListView<MapFeature> list = new ListView<>();
    private final java.util.ResourceBundle text;

    public ZoneContentsView(Consumer<MapFeature> onPick, java.util.ResourceBundle text) {
        this.text = text;
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
                setText(empty || f == null ? null : kindLabel(kindOf(f), text) + "  " + f.title());
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

    public void show(String summaryText, List<MapFeature> items) {
        boolean cut = items.size() > MAX_LISTED;
        summary.setText(cut ? summaryText + " " + String.format(text.getLocale(), text.getString("zone.listed"), MAX_LISTED,
                items.size()) : summaryText);
        list.getItems().setAll(cut ? items.subList(0, MAX_LISTED) : items);
    }

    /** A feature's kind: an asset's, or TAG / TAG_STALE for a tagged person. */
    public static String kindOf(MapFeature f) {
        return f.details().getOrDefault("kind", "TAG");
    }

    /** The kind as the operator reads it; a kind without words of its own by its name. */
    public static String kindLabel(String kind, java.util.ResourceBundle text) {
        String key = "zone.kind." + kind;
        return text.containsKey(key) ? text.getString(key) : kind;
    }

    public String summaryText() {
        return summary.getText();
    }

    public List<MapFeature> items() {
        return List.copyOf(list.getItems());
    }
}
