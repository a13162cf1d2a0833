package org.haechi.map.view;

import java.util.Optional;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;

/**
 * One drawable layer of the map. {@link #draw} and {@link #hit} run on the FX thread; a layer updates its data
 * through its own methods, which say their thread, and calls {@link MapView#requestRepaint()} afterwards.
 */
public interface MapLayer {
    /** Called once when added to a map: {@code repaint} asks that map for a repaint (FX thread). */
    default void attach(Runnable repaint) {
    }

    /** Stable name, shown in the layer panel. */
    String name();

    /** Draws what the viewport shows. FX thread. */
    void draw(GraphicsContext g, Viewport viewport);

    /** The feature under a screen point, if any. FX thread. */
    default Optional<MapFeature> hit(Viewport viewport, double screenX, double screenY) {
        return Optional.empty();
    }

    /** Colour for the legend. */
    default Color legendColour() {
        return Color.GRAY;
    }

    /**
     * Whether the layer changes often (moving tags, flashing alarms): dynamic layers are drawn on the map's upper
     * canvas, which repaints without redrawing the static layers below.
     */
    default boolean dynamic() {
        return false;
    }

    /** Whether the layer changes without input (animations): the map then repaints it a few times a second. */
    default boolean animated() {
        return false;
    }

    /**
     * Which picture of its animation the layer shows at {@code epochMillis}: while it is animated, the map repaints
     * when this number changes, and only then (a repaint that would draw the same picture is skipped).
     */
    default long animationFrame(long epochMillis) {
        return epochMillis / 250;
    }
}
