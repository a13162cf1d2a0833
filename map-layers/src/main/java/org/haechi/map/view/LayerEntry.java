package org.haechi.map.view;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;

/** A layer on the map with its visibility and opacity, as the layer panel edits them. FX thread. */
public final class LayerEntry {
    private final MapLayer layer;
    private final BooleanProperty visible = new SimpleBooleanProperty(true);
    private final DoubleProperty opacity = new SimpleDoubleProperty(1.0);

    LayerEntry(MapLayer layer) {
        this.layer = layer;
    }

    public MapLayer layer() {
        return layer;
    }

    public BooleanProperty visibleProperty() {
        return visible;
    }

    public DoubleProperty opacityProperty() {
        return opacity;
    }
}
