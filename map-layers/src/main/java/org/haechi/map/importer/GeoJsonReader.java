package org.haechi.map.importer;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;

/**
 * Reads a GeoJSON FeatureCollection or Feature with the streaming parser: only one feature at a time is held as a
 * tree, so files of any size go through. Any property schema. One per file.
 */
final class GeoJsonReader {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final GeometryFactory GEOMETRY = new GeometryFactory();

    private GeoJsonReader() {
    }

    static ImportResult read(Path file, ImportKind kind, String crsCode, ImportProgress progress)
            throws IOException, ImportException {
        SourceCrs crs = crsCode != null ? SourceCrs.forCode(crsCode, "--crs") : SourceCrs.wgs84("GeoJSON, RFC 7946");
        RowCollector rows = new RowCollector(kind, file, crs, progress);
        long size = Files.size(file);
        try (CountingInputStream counted = new CountingInputStream(new BufferedInputStream(Files.newInputStream(file)));
             JsonParser p = JSON.createParser(counted)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new ImportException("not GeoJSON: the file does not start with a JSON object");
            }
            String type = null;
            boolean sawFeatures = false;
            ObjectNodeParts single = new ObjectNodeParts();
            long row = 0;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                switch (name) {
                    case "type" -> {
                        type = p.getValueAsString();
                        p.skipChildren();
                    }
                    case "features" -> {
                        if (value != JsonToken.START_ARRAY) {
                            throw new ImportException("not GeoJSON: \"features\" is not an array");
                        }
                        sawFeatures = true;
                        while (p.nextToken() != JsonToken.END_ARRAY) {
                            row++;
                            feature(rows, row, p.readValueAsTree());
                            rows.tick(counted.count(), size);
                        }
                    }
                    case "geometry" -> single.geometry = p.readValueAsTree();
                    case "properties" -> single.properties = p.readValueAsTree();
                    case "id" -> single.id = p.readValueAsTree();
                    default -> p.skipChildren();
                }
            }
            if (p.nextToken() != null) {
                throw new ImportException("malformed JSON: more content after the GeoJSON object at line "
                        + p.currentLocation().getLineNr());
            }
            if ("Feature".equals(type) && !sawFeatures) {
                feature(rows, 1, single.asFeature());
            } else if (!sawFeatures) {
                throw new ImportException("not a GeoJSON FeatureCollection or Feature (type: " + type + ")");
            }
        } catch (JsonProcessingException e) {
            var at = e.getLocation();
            throw new ImportException("malformed or truncated JSON" + (at == null ? "" : " at line " + at.getLineNr()
                    + ", column " + at.getColumnNr()) + ": " + e.getOriginalMessage(), e);
        }
        return rows.result("GeoJSON", "UTF-8", size);
    }

    /** The members of a top-level single Feature, which may come in any order. */
    private static final class ObjectNodeParts {
        JsonNode geometry;
        JsonNode properties;
        JsonNode id;

        JsonNode asFeature() {
            var node = JSON.createObjectNode();
            node.set("geometry", geometry);
            node.set("properties", properties);
            node.set("id", id);
            return node;
        }
    }

    private static void feature(RowCollector rows, long row, JsonNode feature) {
        if (feature == null || !feature.isObject()) {
            rows.skip(row, "not a GeoJSON feature object");
            return;
        }
        Map<String, String> props = new LinkedHashMap<>();
        JsonNode id = feature.get("id");
        if (id != null && !id.isNull()) {
            props.put("id", id.asText());
        }
        JsonNode properties = feature.get("properties");
        if (properties != null && properties.isObject()) {
            properties.fields().forEachRemaining(e -> {
                JsonNode v = e.getValue();
                if (!v.isNull()) {
                    props.put(e.getKey(), v.isValueNode() ? v.asText() : v.toString());
                }
            });
        }
        JsonNode geometry = feature.get("geometry");
        Geometry g;
        try {
            g = geometry == null || geometry.isNull() ? null : geometry(geometry);
        } catch (IllegalArgumentException e) {
            rows.skip(row, "bad geometry: " + e.getMessage());
            return;
        }
        rows.add(row, g, props);
    }

    static Geometry geometry(JsonNode node) {
        String type = node.path("type").asText("");
        JsonNode c = node.path("coordinates");
        return switch (type) {
            case "Point" -> GEOMETRY.createPoint(position(c));
            case "MultiPoint" -> GEOMETRY.createMultiPoint(each(c, n -> GEOMETRY.createPoint(position(n)),
                    new Point[0]));
            case "LineString" -> GEOMETRY.createLineString(positions(c));
            case "MultiLineString" -> GEOMETRY.createMultiLineString(each(c, n -> GEOMETRY.createLineString(
                    positions(n)), new LineString[0]));
            case "Polygon" -> polygon(c);
            case "MultiPolygon" -> GEOMETRY.createMultiPolygon(each(c, GeoJsonReader::polygon, new Polygon[0]));
            case "GeometryCollection" -> GEOMETRY.createGeometryCollection(each(node.path("geometries"),
                    GeoJsonReader::geometry, new Geometry[0]));
            default -> throw new IllegalArgumentException("unknown geometry type '" + type + "'");
        };
    }

    private static Polygon polygon(JsonNode rings) {
        LinearRing[] all = each(rings, n -> GEOMETRY.createLinearRing(positions(n)), new LinearRing[0]);
        if (all.length == 0) {
            return GEOMETRY.createPolygon();
        }
        return GEOMETRY.createPolygon(all[0], java.util.Arrays.copyOfRange(all, 1, all.length));
    }

    private static <T> T[] each(JsonNode array, java.util.function.Function<JsonNode, T> f, T[] type) {
        if (!array.isArray()) {
            throw new IllegalArgumentException("coordinates are not an array");
        }
        java.util.List<T> out = new java.util.ArrayList<>(array.size());
        array.forEach(n -> out.add(f.apply(n)));
        return out.toArray(type);
    }

    private static Coordinate[] positions(JsonNode array) {
        return each(array, GeoJsonReader::position, new Coordinate[0]);
    }

    private static Coordinate position(JsonNode p) {
        if (!p.isArray() || p.size() < 2 || !p.get(0).isNumber() || !p.get(1).isNumber()) {
            throw new IllegalArgumentException("a position needs two numbers, found " + p);
        }
        return new Coordinate(p.get(0).asDouble(), p.get(1).asDouble());
    }
}
