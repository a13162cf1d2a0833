package org.haechi.map.importer;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.haechi.core.asset.Asset;
import org.haechi.core.asset.AssetStatus;
import org.haechi.core.geo.GeoPoint;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.MultiPoint;
import org.locationtech.jts.geom.Point;
import org.opengis.referencing.operation.TransformException;

/**
 * Turns the rows a reader decodes into assets or layer features, or into skipped rows with a reason; also paces the
 * progress reports. One per import, on the importing thread.
 */
final class RowCollector {
    private static final List<String> ID_KEYS = List.of("id", "assetid", "관리번호", "학교id", "시설id", "고유번호");
    private static final List<String> NAME_KEYS = List.of("name", "이름", "명칭", "설치장소명", "학교명", "시설명",
            "소재지도로명주소", "소재지지번주소", "도로명주소", "지번주소", "주소", "title");
    private static final List<String> HEADING_KEYS = List.of("heading", "headingdeg", "방향각");
    private static final List<String> FOV_KEYS = List.of("fov", "fovdeg", "화각");
    private static final List<String> RANGE_KEYS = List.of("range", "rangem", "감시거리");
    private static final List<String> STREAM_KEYS = List.of("streamurl", "stream", "rtsp");
    private static final int PROGRESS_EVERY_ROWS = 1000;

    private final ImportKind kind;
    private final String fileName;
    private final String stem;
    private final SourceCrs crs;
    private final ImportProgress progress;
    private final List<Asset> assets = new ArrayList<>();
    private final List<ImportedFeature> features = new ArrayList<>();
    private final List<SkippedRow> skipped = new ArrayList<>();
    private final Map<String, Long> rowOfId = new HashMap<>();
    private long rowsSeen;

    RowCollector(ImportKind kind, Path file, SourceCrs crs, ImportProgress progress) {
        this.kind = kind;
        this.fileName = file.getFileName().toString();
        int dot = fileName.lastIndexOf('.');
        this.stem = dot > 0 ? fileName.substring(0, dot) : fileName;
        this.crs = crs;
        this.progress = progress;
    }

    SourceCrs crs() {
        return crs;
    }

    /** Called once per record read (imported or skipped); reports progress now and then, and honours interrupts. */
    void tick(long done, long total) throws ImportException {
        if (++rowsSeen % PROGRESS_EVERY_ROWS == 0) {
            progress.update(done, total);
            if (Thread.currentThread().isInterrupted()) {
                throw new ImportException("import cancelled");
            }
        }
    }

    void skip(long row, String reason) {
        skipped.add(new SkippedRow(row, reason));
    }

    /** One decoded record: {@code source} in the file's coordinate system (null when it has none). */
    void add(long row, Geometry source, Map<String, String> properties) {
        if (source == null || source.isEmpty()) {
            skip(row, "no coordinates");
            return;
        }
        Geometry wgs84;
        try {
            wgs84 = crs.toWgs84(source);
        } catch (TransformException e) {
            skip(row, "cannot convert " + first(source) + " from " + crs.description() + ": " + e.getMessage());
            return;
        }
        String problem = coordinateProblem(source, wgs84);
        if (problem != null) {
            skip(row, problem);
            return;
        }
        Map<String, String> props = nonEmpty(properties);
        String idKey = findKey(props, ID_KEYS);
        String id = idKey != null ? props.remove(idKey) : (kind == ImportKind.LAYER ? "" : kindPrefix()) + stem + "-"
                + row;
        Long earlier = rowOfId.putIfAbsent(id, row);
        if (earlier != null) {
            skip(row, "duplicate id '" + id + "' (first used by row " + earlier + ")");
            return;
        }
        if (kind == ImportKind.LAYER) {
            features.add(new ImportedFeature(id, wgs84, props));
        } else if (!addAsset(row, id, wgs84, props)) {
            rowOfId.remove(id);
        }
    }

    private boolean addAsset(long row, String id, Geometry wgs84, Map<String, String> props) {
        Geometry g = wgs84 instanceof MultiPoint && wgs84.getNumGeometries() == 1 ? wgs84.getGeometryN(0) : wgs84;
        if (!(g instanceof Point p)) {
            skip(row, "not a point geometry for kind " + kind + ": " + wgs84.getGeometryType());
            return false;
        }
        String nameKey = findKey(props, NAME_KEYS);
        String name = nameKey != null ? props.get(nameKey) : id;
        double heading = number(props, HEADING_KEYS);
        double fov = number(props, FOV_KEYS);
        double range = number(props, RANGE_KEYS);
        String streamKey = findKey(props, STREAM_KEYS);
        String stream = streamKey != null ? props.remove(streamKey) : null;
        props.put("source", fileName);
        assets.add(new Asset(kind.assetKind(), id, new GeoPoint(p.getY(), p.getX()), name, AssetStatus.ONLINE, stream,
                heading, fov, range, props));
        return true;
    }

    private String kindPrefix() {
        return kind.name().toLowerCase(Locale.ROOT).replace('_', '-') + "-";
    }

    private String coordinateProblem(Geometry source, Geometry wgs84) {
        if (crs.isWgs84() && source instanceof Point p && p.getX() == 0 && p.getY() == 0) {
            return "no coordinates (0, 0)";
        }
        for (Coordinate c : wgs84.getCoordinates()) {
            if (!Double.isFinite(c.x) || !Double.isFinite(c.y)) {
                return crs.isWgs84() ? "coordinates are not numbers" : "cannot convert " + first(source) + " from "
                        + crs.description();
            }
            if (c.y < -90 || c.y > 90) {
                return "latitude " + text(c.y) + " outside -90..90";
            }
            if (c.x < -180 || c.x > 180) {
                return "longitude " + text(c.x) + " outside -180..180";
            }
        }
        return null;
    }

    private static String first(Geometry g) {
        Coordinate c = g.getCoordinate();
        return "(" + text(c.x) + ", " + text(c.y) + ")";
    }

    /** A number as the operator wrote it: 137.5, not 1.375E2. */
    static String text(double v) {
        return Double.isFinite(v) ? BigDecimal.valueOf(v).stripTrailingZeros().toPlainString() : String.valueOf(v);
    }

    private static Map<String, String> nonEmpty(Map<String, String> properties) {
        Map<String, String> out = new LinkedHashMap<>();
        properties.forEach((k, v) -> {
            if (k != null && v != null && !v.isBlank()) {
                out.put(k, v.strip());
            }
        });
        return out;
    }

    /** The key, among {@code props}, that comes first in {@code wanted} (compared without case, spaces or '_'). */
    private static String findKey(Map<String, String> props, List<String> wanted) {
        String best = null;
        int bestRank = Integer.MAX_VALUE;
        for (String key : props.keySet()) {
            int rank = wanted.indexOf(normalize(key));
            if (rank >= 0 && rank < bestRank) {
                best = key;
                bestRank = rank;
            }
        }
        return best;
    }

    static String normalize(String key) {
        return key.strip().toLowerCase(Locale.ROOT).replace(" ", "").replace("_", "");
    }

    private static double number(Map<String, String> props, List<String> keys) {
        String key = findKey(props, keys);
        if (key == null) {
            return Double.NaN;
        }
        try {
            return Double.parseDouble(props.get(key));
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    ImportResult result(String format, String charset, long total) {
        progress.update(total, total);
        return new ImportResult(format, charset, crs.description(), assets, features, skipped);
    }
}
