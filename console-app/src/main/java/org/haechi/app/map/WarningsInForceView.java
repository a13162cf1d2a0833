package org.haechi.app.map;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.ResourceBundle;
import java.util.function.Consumer;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.VBox;
import org.haechi.core.geo.GeoPoint;
import org.haechi.core.warning.Warning;
import org.haechi.core.warning.WarningArea;

/**
 * The warnings in force now, each with its areas as text. An area a warning gives only by geocodes or a description
 * has no shape on the map, and is seen here; picking a warning that has a shape centres the map on it, and lists
 * who and what is inside it. FX thread.
 */
public final class WarningsInForceView extends VBox {
    private static final DateTimeFormatter UNTIL = DateTimeFormatter.ofPattern("MM-dd HH:mm")
            .withZone(ZoneId.of("Asia/Seoul")); // as every time the console shows
    private final Label title = new Label();
    private final ListView<Warning> list = new ListView<>();
    private final ResourceBundle text;

    /** {@code onWarning}: told of the warning picked, to list what is inside its areas. */
    public WarningsInForceView(Consumer<GeoPoint> onPick, Consumer<Warning> onWarning, ResourceBundle text) {
        this.text = text;
        title.getStyleClass().add("panel-title");
        title.setId("warnings-title");
        list.setId("warnings-list");
        list.setPlaceholder(new Label(text.getString("warnings.none")));
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(Warning w, boolean empty) {
                super.updateItem(w, empty);
                String described = empty || w == null ? null : describe(w, WarningsInForceView.this.text);
                setText(described);
                setTooltip(described == null ? null : new Tooltip(described));
                setPrefWidth(0); // cut to the list's width, no sideways scrolling
            }
        });
        list.getSelectionModel().selectedItemProperty().addListener((o, before, picked) -> {
            GeoPoint anchor = picked == null ? null : anchor(picked);
            if (anchor != null) {
                onPick.accept(anchor);
            }
            if (picked != null) {
                onWarning.accept(picked);
            }
        });
        list.setPrefHeight(150);
        getChildren().addAll(title, list);
        show(List.of());
    }

    /** Shows these warnings (in force now); an unchanged list is left as it is, with the operator's selection. */
    public void show(List<Warning> inForce) {
        title.setText(String.format(text.getString("warnings.title"), inForce.size()));
        if (!inForce.equals(list.getItems())) {
            list.getItems().setAll(inForce);
        }
    }

    public List<Warning> shown() {
        return List.copyOf(list.getItems());
    }

    /** What a warning is called: its headline, else its event, else its identifier. */
    public static String headline(Warning w) {
        return w.headline() != null ? w.headline() : w.event() != null ? w.event() : w.identifier();
    }

    /**
     * Two lines: severity and headline (else event); then the end of validity and the areas, each marked first when it
     * has no shape on the map (with its geocodes). The cell cuts each line to its width; its tooltip shows it whole.
     */
    static String describe(Warning w, ResourceBundle text) {
        String what = headline(w);
        String line = w.severity() == null ? what : w.severity() + " · " + what;
        List<String> second = new ArrayList<>();
        if (w.expires() != null) {
            second.add(String.format(text.getString("warnings.until"), UNTIL.format(w.expires())));
        }
        List<String> areas = new ArrayList<>();
        for (WarningArea a : w.areas()) {
            String name = a.description().isBlank() ? String.join(", ", a.geocodes()) : a.description();
            if (!a.hasGeometry()) {
                // First, so that a cell too narrow for the whole line still says it.
                name = "[" + text.getString("warnings.noMapArea") + "] " + name
                        + (a.geocodes().isEmpty() || a.description().isBlank() ? ""
                        : " (" + String.join(", ", a.geocodes()) + ")");
            }
            areas.add(name);
        }
        if (!areas.isEmpty()) {
            second.add(String.join("; ", areas));
        }
        return second.isEmpty() ? line : line + "\n" + String.join(" · ", second);
    }

    /** Where to centre the map for this warning: its first polygon's first point or first circle's centre. */
    static GeoPoint anchor(Warning w) {
        for (WarningArea a : w.areas()) {
            if (!a.polygons().isEmpty() && !a.polygons().get(0).isEmpty()) {
                return a.polygons().get(0).get(0);
            }
            if (!a.circles().isEmpty()) {
                return a.circles().get(0).centre();
            }
        }
        return null;
    }
}
