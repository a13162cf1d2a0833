package org.haechi.map.layer;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import org.haechi.map.importer.ImportedFeature;
import org.haechi.map.view.MapFeature;
import org.haechi.map.view.MapLayer;
import org.haechi.map.view.Viewport;
import org.haechi.map.view.WebMercator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.index.strtree.STRtree;

/**
 * An imported layer of any geometry (points, lines, polygons) with its properties, drawn in one colour; click a
 * feature for its properties. Immutable data; drawing on the FX thread.
 */
public final class FeatureLayer implements MapLayer {
    private static final GeometryFactory GF = new GeometryFactory();
    private final String name;
    private final Color colour;
    private final List<ImportedFeature> features;
    private final STRtree index = new STRtree();

    public FeatureLayer(String name, Color colour, List<ImportedFeature> features) {
        this.name = name;
        this.colour = colour;
        this.features = List.copyOf(features);
        for (ImportedFeature f : this.features) {
            index.insert(f.wgs84().getEnvelopeInternal(), f);
        }
        index.build();
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Color legendColour() {
        return colour;
    }

    @Override
    public void draw(GraphicsContext g, Viewport v) {
        g.setStroke(colour);
        g.setFill(colour.deriveColor(0, 1, 1, 0.25));
        g.setLineWidth(1.5);
        for (ImportedFeature f : visible(v)) {
            drawGeometry(g, v, f.wgs84());
        }
    }

    @SuppressWarnings("unchecked")
    private List<ImportedFeature> visible(Viewport v) {
        return index.query(new Envelope(WebMercator.lon(v.minX()), WebMercator.lon(v.maxX()),
                WebMercator.lat(v.minY()), WebMercator.lat(v.maxY())));
    }

    private void drawGeometry(GraphicsContext g, Viewport v, Geometry geom) {
        for (int i = 0; i < geom.getNumGeometries(); i++) {
            Geometry part = geom.getGeometryN(i);
            if (part instanceof Point p) {
                g.setFill(colour);
                g.fillRect(sx(v, p.getCoordinate()) - 3, sy(v, p.getCoordinate()) - 3, 6, 6);
                g.setFill(colour.deriveColor(0, 1, 1, 0.25));
            } else if (part instanceof Polygon poly) {
                path(g, v, poly.getExteriorRing().getCoordinates(), true);
            } else if (part instanceof LineString line) {
                path(g, v, line.getCoordinates(), false);
            }
        }
    }

    private static void path(GraphicsContext g, Viewport v, Coordinate[] cs, boolean fill) {
        g.beginPath();
        for (int i = 0; i < cs.length; i++) {
            if (i == 0) {
                g.moveTo(sx(v, cs[i]), sy(v, cs[i]));
            } else {
                g.lineTo(sx(v, cs[i]), sy(v, cs[i]));
            }
        }
        if (fill) {
            g.closePath();
            g.fill();
        }
        g.stroke();
    }

    private static double sx(Viewport v, Coordinate c) {
        return v.screenX(WebMercator.x(c.x));
    }

    private static double sy(Viewport v, Coordinate c) {
        return v.screenY(WebMercator.y(c.y));
    }

    @Override
    public Optional<MapFeature> hit(Viewport v, double screenX, double screenY) {
        double lon = WebMercator.lon(v.worldX(screenX));
        double lat = WebMercator.lat(v.worldY(screenY));
        double tolerance = 6 * v.resolution() / 111_320.0;
        Geometry click = GF.createPoint(new Coordinate(lon, lat)).buffer(tolerance);
        @SuppressWarnings("unchecked")
        List<ImportedFeature> near = index.query(click.getEnvelopeInternal());
        for (ImportedFeature f : near) {
            if (f.wgs84().intersects(click)) {
                Map<String, String> d = new LinkedHashMap<>(f.properties());
                d.put("layer", name);
                return Optional.of(new MapFeature(name, f.id(), f.properties().getOrDefault("name", f.id()), d, lat,
                        lon));
            }
        }
        return Optional.empty();
    }
}
