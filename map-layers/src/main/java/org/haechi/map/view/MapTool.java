package org.haechi.map.view;

import org.haechi.core.geo.GeoPoint;

/**
 * An interaction mode of the map (drawing a zone, measuring): while set, clicks and pointer moves go to the tool
 * instead of selecting features. FX thread only.
 */
public interface MapTool {
    /** A primary click at {@code p}; {@code clickCount} 2 for a double click. */
    void click(GeoPoint p, int clickCount);

    /** The pointer moved over the map (for rubber-band feedback). */
    default void move(GeoPoint p) {
    }

    /** The tool was replaced or Escape was pressed. */
    default void cancel() {
    }
}
