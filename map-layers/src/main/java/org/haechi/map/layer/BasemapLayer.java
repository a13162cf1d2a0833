package org.haechi.map.layer;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.TextAlignment;
import org.haechi.map.view.MapFonts;
import org.haechi.map.view.MapLayer;
import org.haechi.map.view.Viewport;
import org.haechi.map.view.WebMercator;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.wololo.geojson.Feature;
import org.wololo.geojson.FeatureCollection;
import org.wololo.geojson.GeoJSONFactory;
import org.wololo.jts2geojson.GeoJSONReader;

/**
 * The offline basemap: Seoul's 25 districts and 424 dongs (Statistics Korea SGIS 2018 boundaries), with names in
 * Korean or English. Data is immutable after loading; drawing on the FX thread.
 */
public final class BasemapLayer implements MapLayer {
    private static final String BASE = "/org/haechi/map/basemap/";
    private final List<Area> districts;
    private final List<Area> dongs;
    private final boolean korean;

    /** A named area projected to Web Mercator: rings as coordinate arrays, label point. */
    public record Area(String name, String nameEng, String code, List<double[][]> rings, double labelX,
                       double labelY, Geometry wgs84) {
    }

    private BasemapLayer(List<Area> districts, List<Area> dongs, boolean korean) {
        this.districts = districts;
        this.dongs = dongs;
        this.korean = korean;
    }

    public static BasemapLayer seoul(boolean korean) throws IOException {
        return new BasemapLayer(read("districts-2018.geojson"), read("dongs-2018.geojson"), korean);
    }

    public List<Area> districts() {
        return districts;
    }

    public List<Area> dongs() {
        return dongs;
    }

    private static List<Area> read(String name) throws IOException {
        String json;
        try (InputStream in = BasemapLayer.class.getResourceAsStream(BASE + name)) {
            if (in == null) {
                throw new IOException("missing basemap " + name);
            }
            json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        GeoJSONReader reader = new GeoJSONReader();
        List<Area> out = new ArrayList<>();
        for (Feature f : ((FeatureCollection) GeoJSONFactory.create(json)).getFeatures()) {
            Geometry g = reader.read(f.getGeometry());
            Map<String, Object> p = f.getProperties();
            List<double[][]> rings = new ArrayList<>();
            for (int i = 0; i < g.getNumGeometries(); i++) {
                Polygon poly = (Polygon) g.getGeometryN(i);
                rings.add(project(poly.getExteriorRing().getCoordinates()));
            }
            Point label = g.getInteriorPoint();
            out.add(new Area(String.valueOf(p.get("name")), String.valueOf(p.get("name_eng")),
                    String.valueOf(p.get("code")), rings, WebMercator.x(label.getX()), WebMercator.y(label.getY()),
                    g));
        }
        return out;
    }

    private static double[][] project(org.locationtech.jts.geom.Coordinate[] coords) {
        double[] xs = new double[coords.length];
        double[] ys = new double[coords.length];
        for (int i = 0; i < coords.length; i++) {
            xs[i] = WebMercator.x(coords[i].x);
            ys[i] = WebMercator.y(coords[i].y);
        }
        return new double[][] {xs, ys};
    }

    @Override
    public String name() {
        return "basemap";
    }

    @Override
    public Color legendColour() {
        return Color.web("#5a6b80");
    }

    @Override
    public void draw(GraphicsContext g, Viewport v) {
        g.setFill(Color.web("#232d3b"));
        for (Area a : districts) {
            fillArea(g, v, a);
        }
        if (v.resolution() < 40) {
            g.setStroke(Color.web("#3a4a5e"));
            g.setLineWidth(0.7);
            dongs.forEach(a -> strokeArea(g, v, a));
        }
        g.setStroke(Color.web("#6f86a3"));
        g.setLineWidth(1.6);
        districts.forEach(a -> strokeArea(g, v, a));
        drawLabels(g, v);
    }

    private void drawLabels(GraphicsContext g, Viewport v) {
        g.setTextAlign(TextAlignment.CENTER);
        if (v.resolution() < 12) {
            g.setFont(MapFonts.regular(11));
            g.setFill(Color.web("#8fa3bd"));
            for (Area a : dongs) {
                label(g, v, a);
            }
        }
        g.setFont(MapFonts.bold(v.resolution() < 12 ? 15 : 13));
        g.setFill(Color.web("#c9d6e6"));
        for (Area a : districts) {
            label(g, v, a);
        }
        if (v.resolution() < 40) {
            // The other language under the district name: operators and visitors read both.
            g.setFont(MapFonts.regular(10));
            g.setFill(Color.web("#8fa3bd"));
            for (Area a : districts) {
                double x = v.screenX(a.labelX());
                double y = v.screenY(a.labelY()) + 13;
                if (x > -50 && y > -20 && x < v.width() + 50 && y < v.height() + 20) {
                    g.fillText(korean ? a.nameEng() : a.name(), x, y);
                }
            }
        }
    }

    private void label(GraphicsContext g, Viewport v, Area a) {
        double x = v.screenX(a.labelX());
        double y = v.screenY(a.labelY());
        if (x > -50 && y > -20 && x < v.width() + 50 && y < v.height() + 20) {
            g.fillText(korean ? a.name() : a.nameEng(), x, y);
        }
    }

    private static void fillArea(GraphicsContext g, Viewport v, Area a) {
        for (double[][] ring : a.rings()) {
            path(g, v, ring);
            g.fill();
        }
    }

    private static void strokeArea(GraphicsContext g, Viewport v, Area a) {
        for (double[][] ring : a.rings()) {
            path(g, v, ring);
            g.stroke();
        }
    }

    private static void path(GraphicsContext g, Viewport v, double[][] ring) {
        double[] xs = ring[0];
        double[] ys = ring[1];
        g.beginPath();
        g.moveTo(v.screenX(xs[0]), v.screenY(ys[0]));
        for (int i = 1; i < xs.length; i++) {
            g.lineTo(v.screenX(xs[i]), v.screenY(ys[i]));
        }
        g.closePath();
    }
}
