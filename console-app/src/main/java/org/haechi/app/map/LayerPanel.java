package org.haechi.app.map;

import java.util.ResourceBundle;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Rectangle;
import org.haechi.map.view.LayerEntry;
import org.haechi.map.view.MapView;

/** Layer panel: one row per layer with legend swatch, visibility and opacity. FX thread. */
public final class LayerPanel extends VBox {
    public LayerPanel(MapView map, ResourceBundle text) {
        Label title = new Label(text.getString("layers.title"));
        title.getStyleClass().add("panel-title");
        setSpacing(2);
        Runnable rebuild = () -> {
            getChildren().setAll(title);
            for (int i = map.layers().size() - 1; i >= 0; i--) {
                getChildren().add(row(map.layers().get(i), text));
            }
        };
        rebuild.run();
        map.layers().addListener((javafx.collections.ListChangeListener<LayerEntry>) c -> rebuild.run());
    }

    private static HBox row(LayerEntry entry, ResourceBundle text) {
        Rectangle swatch = new Rectangle(10, 10, entry.layer().legendColour());
        String key = "layer." + entry.layer().name();
        CheckBox visible = new CheckBox(text.containsKey(key) ? text.getString(key) : entry.layer().name());
        visible.setId("layer-" + entry.layer().name().replace(' ', '-'));
        visible.selectedProperty().bindBidirectional(entry.visibleProperty());
        visible.setPrefWidth(120);
        Slider opacity = new Slider(0, 1, 1);
        opacity.setPrefWidth(70);
        opacity.valueProperty().bindBidirectional(entry.opacityProperty());
        HBox row = new HBox(6, swatch, visible, opacity);
        row.setStyle("-fx-alignment: center-left; -fx-padding: 0 6 0 6;");
        return row;
    }
}
