package org.haechi.map.view;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.DoubleConsumer;
import javafx.animation.AnimationTimer;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import org.haechi.core.geo.GeoPoint;

/**
 * The map control: a Canvas drawing a stack of layers, panned by dragging or the arrow keys and zoomed by the
 * wheel or +/-. Repaints at most once per pulse and only when something changed. FX thread only.
 */
public final class MapView extends Region {
    public static final double MIN_RESOLUTION = 0.15;
    public static final double MAX_RESOLUTION = 400;
    private final Canvas canvas = new Canvas();
    private final ObservableList<LayerEntry> layers = FXCollections.observableArrayList();
    private Viewport viewport = new Viewport(WebMercator.x(126.99), WebMercator.y(37.55), 40, 800, 600);
    private boolean dirty = true;
    private long lastAnimationRepaint;
    private double dragX;
    private double dragY;
    private boolean dragged;
    private Consumer<Optional<MapFeature>> selectionListener = f -> { };
    private DoubleConsumer frameListener = s -> { };

    public MapView() {
        getStyleClass().add("map-view");
        getChildren().add(canvas);
        setFocusTraversable(true);
        setOnMousePressed(this::onPressed);
        setOnMouseDragged(this::onDragged);
        setOnMouseReleased(this::onReleased);
        setOnScroll(this::onScroll);
        setOnKeyPressed(this::onKey);
        new AnimationTimer() {
            @Override
            public void handle(long now) {
                if (!dirty && anyAnimated() && now - lastAnimationRepaint > 250_000_000L) {
                    dirty = true;
                }
                if (dirty) {
                    lastAnimationRepaint = now;
                    paint();
                }
            }
        }.start();
    }

    /** Adds a layer on top and returns its entry. */
    public LayerEntry addLayer(MapLayer layer) {
        LayerEntry entry = new LayerEntry(layer);
        layer.attach(this::requestRepaint);
        entry.visibleProperty().addListener((o, a, b) -> requestRepaint());
        entry.opacityProperty().addListener((o, a, b) -> requestRepaint());
        layers.add(entry);
        requestRepaint();
        return entry;
    }

    public ObservableList<LayerEntry> layers() {
        return layers;
    }

    /** Asks for a repaint at the next pulse; FX thread. */
    public void requestRepaint() {
        dirty = true;
    }

    public Viewport viewport() {
        return viewport;
    }

    public void setViewport(Viewport v) {
        viewport = v.withSize(Math.max(1, getWidth()), Math.max(1, getHeight()));
        requestRepaint();
    }

    /** Centres on a point at the given resolution (metres per pixel). */
    public void centreOn(GeoPoint p, double resolution) {
        setViewport(new Viewport(WebMercator.x(p.lon()), WebMercator.y(p.lat()),
                Math.max(MIN_RESOLUTION, Math.min(MAX_RESOLUTION, resolution)), getWidth(), getHeight()));
    }

    public void setOnSelection(Consumer<Optional<MapFeature>> listener) {
        this.selectionListener = listener;
    }

    /** Told the duration in seconds of every repaint. */
    public void setOnFrame(DoubleConsumer listener) {
        this.frameListener = listener;
    }

    @Override
    protected void layoutChildren() {
        double w = getWidth();
        double h = getHeight();
        if (canvas.getWidth() != w || canvas.getHeight() != h) {
            canvas.setWidth(w);
            canvas.setHeight(h);
            viewport = viewport.withSize(Math.max(1, w), Math.max(1, h));
            requestRepaint();
        }
    }

    private boolean anyAnimated() {
        for (LayerEntry e : layers) {
            if (e.visibleProperty().get() && e.layer().animated()) {
                return true;
            }
        }
        return false;
    }

    private void paint() {
        dirty = false;
        long start = System.nanoTime();
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.setGlobalAlpha(1);
        g.setFill(Color.web("#1b2330"));
        g.fillRect(0, 0, canvas.getWidth(), canvas.getHeight());
        for (LayerEntry e : new ArrayList<>(layers)) {
            if (e.visibleProperty().get() && e.opacityProperty().get() > 0) {
                g.save();
                g.setGlobalAlpha(e.opacityProperty().get());
                e.layer().draw(g, viewport);
                g.restore();
            }
        }
        frameListener.accept((System.nanoTime() - start) / 1e9);
    }

    /** The top-most visible feature under a screen point. */
    public Optional<MapFeature> hit(double screenX, double screenY) {
        List<LayerEntry> topFirst = new ArrayList<>(layers);
        java.util.Collections.reverse(topFirst);
        for (LayerEntry e : topFirst) {
            if (e.visibleProperty().get()) {
                Optional<MapFeature> f = e.layer().hit(viewport, screenX, screenY);
                if (f.isPresent()) {
                    return f;
                }
            }
        }
        return Optional.empty();
    }

    private void onPressed(MouseEvent e) {
        requestFocus();
        dragX = e.getX();
        dragY = e.getY();
        dragged = false;
    }

    private void onDragged(MouseEvent e) {
        viewport = viewport.panBy(e.getX() - dragX, e.getY() - dragY);
        dragged |= Math.abs(e.getX() - dragX) + Math.abs(e.getY() - dragY) > 0;
        dragX = e.getX();
        dragY = e.getY();
        requestRepaint();
    }

    private void onReleased(MouseEvent e) {
        if (!dragged && e.getButton() == MouseButton.PRIMARY) {
            if (e.getClickCount() == 2) {
                zoom(2, e.getX(), e.getY());
            } else {
                selectionListener.accept(hit(e.getX(), e.getY()));
            }
        }
    }

    private void onScroll(ScrollEvent e) {
        if (e.getDeltaY() != 0) {
            zoom(e.getDeltaY() > 0 ? 1.25 : 0.8, e.getX(), e.getY());
        }
    }

    /** Zooms by {@code factor} about a screen point (greater than 1 zooms in). */
    public void zoom(double factor, double screenX, double screenY) {
        viewport = viewport.zoomAt(factor, screenX, screenY, MIN_RESOLUTION, MAX_RESOLUTION);
        requestRepaint();
    }

    private void onKey(KeyEvent e) {
        double step = 80;
        switch (e.getCode()) {
            case LEFT -> viewport = viewport.panBy(step, 0);
            case RIGHT -> viewport = viewport.panBy(-step, 0);
            case UP -> viewport = viewport.panBy(0, step);
            case DOWN -> viewport = viewport.panBy(0, -step);
            case PLUS, EQUALS, ADD -> zoom(1.5, getWidth() / 2, getHeight() / 2);
            case MINUS, SUBTRACT -> zoom(1 / 1.5, getWidth() / 2, getHeight() / 2);
            default -> {
                return;
            }
        }
        e.consume();
        requestRepaint();
    }
}
