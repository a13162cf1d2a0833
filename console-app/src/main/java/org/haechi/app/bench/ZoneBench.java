package org.haechi.app.bench;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import javafx.application.Platform;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.TextAlignment;
import org.haechi.core.geo.GeoPoint;
import org.haechi.core.warning.Warning;
import org.haechi.core.warning.WarningArea;
import org.haechi.map.layer.ZoneLayer;
import org.haechi.map.view.MapFonts;
import org.haechi.map.view.Viewport;
import org.haechi.map.view.WebMercator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;

/**
 * {@code ./haechi bench zones [CORNERS]}: one CAP warning whose polygon has CORNERS (40,000) corners, drawn on a
 * 1920x1080 canvas at city zoom (20 m a pixel, the whole zone in view) and street zoom (2 m a pixel, the view panned
 * along its edge), frame after frame, by the zone layer and, alternated with it in the same process, by a copy of
 * the drawing as it was before session 11 (every corner projected at every draw, the label's place worked out again).
 * Each frame is timed for its drawing calls, and for them plus a snapshot of the canvas (which makes the renderer
 * rasterise what was drawn). Medians of 40 frames each, after 5 unmeasured.
 */
public final class ZoneBench {
    static final int WIDTH = 1920;
    static final int HEIGHT = 1080;
    static final int FRAMES = 40;
    static final int WARM_UP = 5;
    static final GeoPoint CENTRE = new GeoPoint(37.55, 126.99);
    private static final GeometryFactory GF = new GeometryFactory();

    private ZoneBench() {
    }

    public static void main(String[] args) throws Exception {
        int corners = args.length > 0 ? Integer.parseInt(args[0]) : 40_000;
        Platform.startup(() -> { });
        Warning warning = warning(ring(corners));
        ZoneLayer layer = new ZoneLayer(Clock.fixed(warning.sent().plusSeconds(60), ZoneOffset.UTC));
        layer.attach(() -> { });
        layer.apply(List.of(warning));
        StringBuilder result = new StringBuilder("RESULT zones corners=" + corners);
        for (double resolution : new double[] {20, 2}) {
            String zoom = resolution == 20 ? "city" : "street";
            double[][] t = CompletableFuture.supplyAsync(() -> frames(layer, warning, resolution),
                    Platform::runLater).get();
            double drawBefore = median(t[0]);
            double drawAfter = median(t[1]);
            double renderBefore = median(t[2]);
            double renderAfter = median(t[3]);
            System.out.printf("%s zoom: drawing calls %.2f ms before, %.2f ms now; with the rendering %.2f ms before, "
                    + "%.2f ms now%n", zoom, drawBefore, drawAfter, renderBefore, renderAfter);
            result.append(String.format(" %s_draw_ms_before=%.2f %s_draw_ms=%.2f %s_draw_ratio=%.2f"
                            + " %s_render_ms_before=%.2f %s_render_ms=%.2f %s_render_ratio=%.2f", zoom, drawBefore,
                    zoom, drawAfter, zoom, drawAfter / drawBefore, zoom, renderBefore, zoom, renderAfter, zoom,
                    renderAfter / renderBefore));
        }
        System.out.println(result);
        Platform.exit();
        System.exit(0);
    }

    /** On the FX thread: {draw before, draw now, draw and render before, draw and render now}, ms per frame. */
    private static double[][] frames(ZoneLayer layer, Warning warning, double resolution) {
        Canvas canvas = new Canvas(WIDTH, HEIGHT);
        GraphicsContext g = canvas.getGraphicsContext2D();
        double[][] out = new double[4][FRAMES];
        for (int i = 0; i < WARM_UP + FRAMES; i++) {
            Viewport v = viewport(resolution, i);
            for (int arm = 0; arm < 2; arm++) {
                boolean before = (arm == 0) == (i % 2 == 0); // alternate which goes first
                g.setFill(Color.BLACK);
                g.fillRect(0, 0, WIDTH, HEIGHT);
                long start = System.nanoTime();
                if (before) {
                    drawAsBefore(g, v, warning);
                } else {
                    layer.draw(g, v);
                }
                long drawn = System.nanoTime();
                canvas.snapshot(null, null);
                long rendered = System.nanoTime();
                if (i >= WARM_UP) {
                    int k = before ? 0 : 1;
                    out[k][i - WARM_UP] = (drawn - start) / 1e6;
                    out[k + 2][i - WARM_UP] = (rendered - start) / 1e6;
                }
            }
        }
        return out;
    }

    /** City zoom: the whole zone, panned a little each frame; street zoom: along its eastern edge. */
    private static Viewport viewport(double resolution, int frame) {
        double x = WebMercator.x(CENTRE.lon() + (resolution == 20 ? 0 : 0.088)) + frame * 7 * resolution;
        return new Viewport(x, WebMercator.y(CENTRE.lat()), resolution, WIDTH, HEIGHT);
    }

    /** A wavy ring of {@code n} corners around Seoul's centre, about 15 km across. */
    static List<GeoPoint> ring(int n) {
        List<GeoPoint> ring = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double a = 2 * Math.PI * i / n;
            double r = 0.07 * (1 + 0.05 * Math.sin(40 * a));
            ring.add(new GeoPoint(CENTRE.lat() + r * Math.sin(a), CENTRE.lon() + r * 1.26 * Math.cos(a)));
        }
        ring.add(ring.get(0));
        return ring;
    }

    static Warning warning(List<GeoPoint> ring) {
        java.time.Instant sent = java.time.Instant.parse("2026-07-15T04:55:00Z");
        WarningArea area = new WarningArea("서울", List.of(ring), List.of(), List.of());
        return new Warning("BENCH-1", "bench", sent, "Alert", List.of(), "호우경보", "Severe", "Immediate", "Likely",
                "호우경보", null, sent, null, List.of(area), List.of());
    }

    /** The zone layer's drawing of a polygon warning as it was before session 11: the baseline. */
    static void drawAsBefore(GraphicsContext g, Viewport v, Warning w) {
        Color c = Color.web("#ff5a36"); // Severe, as the layer colours it
        g.setFill(c.deriveColor(0, 1, 1, 0.22));
        g.setStroke(c);
        g.setLineWidth(2);
        for (WarningArea a : w.areas()) {
            for (List<GeoPoint> ring : a.polygons()) {
                g.beginPath();
                for (int i = 0; i < ring.size(); i++) {
                    double x = v.screenX(WebMercator.x(ring.get(i).lon()));
                    double y = v.screenY(WebMercator.y(ring.get(i).lat()));
                    if (i == 0) {
                        g.moveTo(x, y);
                    } else {
                        g.lineTo(x, y);
                    }
                }
                g.closePath();
                g.fill();
                g.stroke();
            }
        }
        List<GeoPoint> first = w.areas().get(0).polygons().get(0);
        var p = GF.createPolygon(first.stream().map(q -> new Coordinate(q.lon(), q.lat()))
                .toArray(Coordinate[]::new)).getInteriorPoint();
        g.setFill(c.brighter());
        g.setFont(MapFonts.bold(12));
        g.setTextAlign(TextAlignment.CENTER);
        g.fillText(w.event(), v.screenX(WebMercator.x(p.getX())), v.screenY(WebMercator.y(p.getY())));
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
