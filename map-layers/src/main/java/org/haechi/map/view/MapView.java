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
import javafx.scene.shape.Rectangle;
import org.haechi.core.geo.GeoPoint;

/**
 * The map control. Static layers are drawn on a lower canvas and dynamic layers (tags, alarms) on an upper one; both
 * cover the view plus a margin. Panning only moves the two canvases (no redrawing) until the margin is used up, so
 * a pan frame costs a composite, not a rasterisation of 130,000 markers; a zoom or a change of data redraws the
 * canvas concerned at the next pulse. Panned by dragging or the arrow keys, zoomed by the wheel or +/-.
 * FX thread only.
 */
public final class MapView extends Region {
    public static final double MIN_RESOLUTION = 0.15;
    public static final double MAX_RESOLUTION = 400;
    static final double MARGIN = 384;
    private final Canvas base = new Canvas();
    private final Canvas live = new Canvas();
    private final ObservableList<LayerEntry> layers = FXCollections.observableArrayList();
    private Viewport viewport = new Viewport(WebMercator.x(126.99), WebMercator.y(37.55), 40, 800, 600);
    private Viewport baseDrawn;
    private Viewport liveDrawn;
    private boolean baseDirty = true;
    private boolean liveDirty = true;
    private long lastAnimationFrame = Long.MIN_VALUE;
    private double dragX;
    private double dragY;
    private boolean dragged;
    private Consumer<Optional<MapFeature>> selectionListener = f -> { };
    private MapTool tool;
    private DoubleConsumer frameListener = s -> { };

    public MapView() {
        getStyleClass().add("map-view");
        getChildren().addAll(base, live);
        Rectangle clip = new Rectangle();
        clip.widthProperty().bind(widthProperty());
        clip.heightProperty().bind(heightProperty());
        setClip(clip);
        setFocusTraversable(true);
        setOnMousePressed(this::onPressed);
        setOnMouseDragged(this::onDragged);
        setOnMouseReleased(this::onReleased);
        setOnScroll(this::onScroll);
        setOnMouseMoved(e -> {
            if (tool != null) {
                tool.move(geoAt(e.getX(), e.getY()));
            }
        });
        setOnKeyPressed(this::onKey);
        new AnimationTimer() {
            @Override
            public void handle(long now) {
                if (anyAnimated()) {
                    long frame = animationFrame(System.currentTimeMillis());
                    if (frame != lastAnimationFrame) {
                        lastAnimationFrame = frame;
                        liveDirty = true;
                    }
                }
                paint();
            }
        }.start();
    }

    /** Adds a layer on top (of the static or the dynamic stack) and returns its entry. */
    public LayerEntry addLayer(MapLayer layer) {
        LayerEntry entry = new LayerEntry(layer);
        Runnable repaint = layer.dynamic() ? () -> liveDirty = true : () -> baseDirty = true;
        layer.attach(repaint);
        entry.visibleProperty().addListener((o, a, b) -> repaint.run());
        entry.opacityProperty().addListener((o, a, b) -> repaint.run());
        layers.add(entry);
        repaint.run();
        return entry;
    }

    public ObservableList<LayerEntry> layers() {
        return layers;
    }

    /** Asks for a full repaint at the next pulse; FX thread. */
    public void requestRepaint() {
        baseDirty = true;
        liveDirty = true;
    }

    public Viewport viewport() {
        return viewport;
    }

    public void setViewport(Viewport v) {
        viewport = v.withSize(Math.max(1, getWidth()), Math.max(1, getHeight()));
    }

    /** Centres on a point at the given resolution (metres per pixel). */
    public void centreOn(GeoPoint p, double resolution) {
        setViewport(new Viewport(WebMercator.x(p.lon()), WebMercator.y(p.lat()),
                Math.max(MIN_RESOLUTION, Math.min(MAX_RESOLUTION, resolution)), getWidth(), getHeight()));
    }

    /** Sets the interaction tool, or null for selection; the previous tool is cancelled. */
    public void setTool(MapTool newTool) {
        if (tool != null && tool != newTool) {
            tool.cancel();
        }
        tool = newTool;
    }

    /** The WGS84 point under a screen point. */
    public GeoPoint geoAt(double screenX, double screenY) {
        double lat = Math.max(-85, Math.min(85, WebMercator.lat(viewport.worldY(screenY))));
        double lon = ((WebMercator.lon(viewport.worldX(screenX)) + 540) % 360) - 180;
        return new GeoPoint(lat, lon);
    }

    public void setOnSelection(Consumer<Optional<MapFeature>> listener) {
        this.selectionListener = listener;
    }

    /** Told the duration in seconds of every redraw of a canvas (not of frames that only move the canvases). */
    public void setOnFrame(DoubleConsumer listener) {
        this.frameListener = listener;
    }

    @Override
    protected void layoutChildren() {
        double w = Math.max(1, getWidth());
        double h = Math.max(1, getHeight());
        if (viewport.width() != w || viewport.height() != h) {
            viewport = viewport.withSize(w, h);
            requestRepaint();
        }
    }

    /** The animation pictures of the visible animated layers at this time, as one number. */
    private long animationFrame(long epochMillis) {
        long frame = 17;
        for (LayerEntry e : layers) {
            if (e.visibleProperty().get() && e.layer().animated()) {
                frame = frame * 31 + e.layer().animationFrame(epochMillis);
            }
        }
        return frame;
    }

    private boolean anyAnimated() {
        for (LayerEntry e : layers) {
            if (e.visibleProperty().get() && e.layer().animated()) {
                return true;
            }
        }
        return false;
    }

    /** Draws what changed now rather than at the next pulse. FX thread. */
    public void paintNow() {
        paint();
    }

    /** Once per pulse: redraw a canvas only if its content changed or the view left its margin; else move it. */
    private void paint() {
        if (baseDirty || !covers(baseDrawn)) {
            baseDrawn = redraw(base, false);
            baseDirty = false;
        }
        if (liveDirty || !covers(liveDrawn)) {
            liveDrawn = redraw(live, true);
            liveDirty = false;
        }
        place(base, baseDrawn);
        place(live, liveDrawn);
    }

    private boolean covers(Viewport drawn) {
        if (drawn == null || drawn.resolution() != viewport.resolution()
                || drawn.width() != canvasSize(viewport.width()) || drawn.height() != canvasSize(viewport.height())) {
            return false;
        }
        double dx = (viewport.centreX() - drawn.centreX()) / viewport.resolution();
        double dy = (drawn.centreY() - viewport.centreY()) / viewport.resolution();
        return Math.abs(dx) <= MARGIN && Math.abs(dy) <= MARGIN;
    }

    /**
     * A canvas's side for a view side: the margin on both sides, in whole pixels. A canvas of fractional size is
     * drawn scaled by a hair, and the software pipeline then filters every pixel of it (several times a copy).
     */
    private static double canvasSize(double viewSide) {
        return Math.ceil(viewSide) + 2 * MARGIN;
    }

    private void place(Canvas canvas, Viewport drawn) {
        double dx = (viewport.centreX() - drawn.centreX()) / viewport.resolution();
        double dy = (drawn.centreY() - viewport.centreY()) / viewport.resolution();
        // Whole pixels: a fractional offset makes the software pipeline resample the canvas (about 3x the cost).
        // The canvas is up to a pixel wider than the view plus margins (whole pixels): centre that spare part too.
        double spareX = (drawn.width() - 2 * MARGIN - viewport.width()) / 2;
        double spareY = (drawn.height() - 2 * MARGIN - viewport.height()) / 2;
        canvas.setLayoutX(Math.round(-MARGIN - dx - spareX));
        canvas.setLayoutY(Math.round(-MARGIN - dy - spareY));
    }

    private Viewport redraw(Canvas canvas, boolean dynamic) {
        long start = System.nanoTime();
        Viewport drawn = new Viewport(viewport.centreX(), viewport.centreY(), viewport.resolution(),
                canvasSize(viewport.width()), canvasSize(viewport.height()));
        if (canvas.getWidth() != drawn.width() || canvas.getHeight() != drawn.height()) {
            canvas.setWidth(drawn.width());
            canvas.setHeight(drawn.height());
        }
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.setGlobalAlpha(1);
        if (dynamic) {
            g.clearRect(0, 0, drawn.width(), drawn.height());
        } else {
            g.setFill(Color.web("#1b2330"));
            g.fillRect(0, 0, drawn.width(), drawn.height());
        }
        for (LayerEntry e : new ArrayList<>(layers)) {
            if (e.layer().dynamic() == dynamic && e.visibleProperty().get() && e.opacityProperty().get() > 0) {
                g.save();
                g.setGlobalAlpha(e.opacityProperty().get());
                e.layer().draw(g, drawn);
                g.restore();
            }
        }
        frameListener.accept((System.nanoTime() - start) / 1e9);
        return drawn;
    }

    /** The top-most visible feature under a screen point. */
    public Optional<MapFeature> hit(double screenX, double screenY) {
        List<LayerEntry> ordered = new ArrayList<>();
        for (boolean dynamic : new boolean[] {true, false}) {
            for (int i = layers.size() - 1; i >= 0; i--) {
                if (layers.get(i).layer().dynamic() == dynamic) {
                    ordered.add(layers.get(i));
                }
            }
        }
        for (LayerEntry e : ordered) {
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
    }

    private void onReleased(MouseEvent e) {
        if (!dragged && e.getButton() == MouseButton.PRIMARY && tool != null) {
            tool.click(geoAt(e.getX(), e.getY()), e.getClickCount());
        } else if (!dragged && e.getButton() == MouseButton.PRIMARY) {
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
            case ESCAPE -> {
                if (tool != null) {
                    tool.cancel();
                }
            }
            default -> {
                return;
            }
        }
        e.consume();
    }
}
