package org.haechi.app.shell;

import java.util.ResourceBundle;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import org.haechi.map.view.MapFeature;

/** Shows the details of what the operator clicked on the map. FX thread. */
public final class DetailsView extends VBox {
    private final Label heading = new Label();
    private final GridPane grid = new GridPane();
    private final ResourceBundle text;

    public DetailsView(ResourceBundle text) {
        this.text = text;
        Label title = new Label(text.getString("details.title"));
        title.getStyleClass().add("panel-title");
        heading.setId("details-heading");
        heading.setWrapText(true);
        heading.setStyle("-fx-font-weight: bold; -fx-text-fill: #e6edf5; -fx-padding: 0 6 4 6;");
        grid.setHgap(8);
        grid.setVgap(2);
        grid.setStyle("-fx-padding: 0 6 6 6;");
        ScrollPane scroll = new ScrollPane(grid);
        scroll.setFitToWidth(true);
        getChildren().addAll(title, heading, scroll);
        show(null);
    }

    public void show(MapFeature feature) {
        grid.getChildren().clear();
        if (feature == null) {
            heading.setText(text.getString("details.none"));
            return;
        }
        heading.setText(feature.title());
        int row = 0;
        for (var e : feature.details().entrySet()) {
            Label k = new Label(e.getKey());
            k.getStyleClass().add("details-key");
            Label v = new Label(e.getValue());
            v.getStyleClass().add("details-value");
            v.setWrapText(true);
            grid.addRow(row++, k, v);
        }
    }
}
