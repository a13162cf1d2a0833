package org.haechi.app.map;

import java.util.List;
import java.util.function.Consumer;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;
import org.controlsfx.control.textfield.TextFields;
import org.haechi.map.view.MapTool;
import org.haechi.map.view.MapView;

/**
 * The map's toolbar: select, draw a polygon or circle zone, measure; go to a district; search a place by name or
 * address (Korean or English) with suggestions. FX thread.
 */
public final class MapToolbar extends HBox {
    private final ToggleGroup tools = new ToggleGroup();

    public MapToolbar(ConsoleMap map, Consumer<ZoneTool.DrawnZone> onZone, java.util.ResourceBundle text) {
        setSpacing(6);
        setStyle("-fx-padding: 3 6 3 6; -fx-alignment: center-left; -fx-background-color: #1e252f;");
        MapView view = map.view();
        ToggleButton select = tool(text.getString("map.select"), "tool-select", null, view);
        ToggleButton polygon = tool(text.getString("map.polygon"), "tool-polygon",
                new ZoneTool(ZoneTool.Mode.POLYGON, map.drawLayer(), onZone, text), view);
        ToggleButton circle = tool(text.getString("map.circle"), "tool-circle",
                new ZoneTool(ZoneTool.Mode.CIRCLE, map.drawLayer(), onZone, text), view);
        ToggleButton measure = tool(text.getString("map.measure"), "tool-measure",
                new ZoneTool(ZoneTool.Mode.MEASURE, map.drawLayer(), z -> { }, text), view);
        select.setSelected(true);
        ComboBox<PlaceIndex.Place> districts = new ComboBox<>();
        districts.setId("go-to-district");
        districts.setPromptText(text.getString("map.goto"));
        districts.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        districts.setOnShowing(e -> {
            if (districts.getItems().isEmpty()) {
                districts.getItems().setAll(map.places().districts());
            }
        });
        districts.valueProperty().addListener((o, a, place) -> {
            if (place != null) {
                view.centreOn(place.centre(), place.resolution());
            }
        });
        TextField search = new TextField();
        search.setId("place-search");
        search.setPromptText(text.getString("map.search"));
        search.setPrefColumnCount(18);
        PlaceIndex[] index = {null};
        search.focusedProperty().addListener((o, a, focused) -> {
            if (focused) {
                index[0] = map.places();
            }
        });
        TextFields.bindAutoCompletion(search, request -> index[0] == null ? List.of()
                : index[0].search(request.getUserText(), 15)).setOnAutoCompleted(e -> {
                    PlaceIndex.Place p = e.getCompletion();
                    view.centreOn(p.centre(), p.resolution());
                });
        search.setOnAction(e -> {
            PlaceIndex idx = index[0] == null ? map.places() : index[0];
            idx.search(search.getText(), 1).stream().findFirst()
                    .ifPresent(p -> view.centreOn(p.centre(), p.resolution()));
        });
        getChildren().addAll(select, polygon, circle, measure, new Label("  "), districts, search);
    }

    private ToggleButton tool(String text, String id, MapTool tool, MapView view) {
        ToggleButton b = new ToggleButton(text);
        b.setId(id);
        b.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        b.setToggleGroup(tools);
        b.selectedProperty().addListener((o, was, now) -> {
            if (now) {
                view.setTool(tool);
            }
        });
        return b;
    }
}
