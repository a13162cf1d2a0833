package org.haechi.map.importer;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;

/**
 * Reads the Korean public-data standard CSV files (and any CSV with coordinate columns), streamed: UTF-8 or CP949
 * detected, RFC 4180 quoting, latitude/longitude columns or projected X/Y with a coordinate system. One per file.
 */
final class CsvReader {
    private static final List<String> LAT = List.of("위도", "latitude", "lat", "y좌표(위도)");
    private static final List<String> LON = List.of("경도", "longitude", "lon", "lng", "long", "x좌표(경도)");
    private static final Pattern X = Pattern.compile("x|x좌표(값)?|좌표x|xcoord(inate)?|easting|좌표정보\\(?x\\)?.*");
    private static final Pattern Y = Pattern.compile("y|y좌표(값)?|좌표y|ycoord(inate)?|northing|좌표정보\\(?y\\)?.*");
    private static final Pattern EPSG = Pattern.compile("epsg:?(\\d{4,5})");
    private static final GeometryFactory GEOMETRY = new GeometryFactory();

    private CsvReader() {
    }

    static ImportResult read(Path file, ImportKind kind, String crsCode, ImportProgress progress)
            throws IOException, ImportException {
        long size = Files.size(file);
        boolean bom = hasUtf8Bom(file);
        Charset charset;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            charset = bom ? StandardCharsets.UTF_8 : TextCharsets.detect(in);
        }
        try (CountingInputStream counted = new CountingInputStream(Files.newInputStream(file))) {
            if (bom) {
                counted.skipNBytes(3);
            }
            CsvTokenizer csv = new CsvTokenizer(new InputStreamReader(counted, charset));
            List<String> header = csv.next();
            if (header == null) {
                throw new ImportException("empty file: no CSV header");
            }
            header.replaceAll(h -> h.replace("\uFEFF", "").strip());
            Layout layout = layout(header, crsCode);
            RowCollector rows = new RowCollector(kind, file, layout.crs, progress);
            long row = 0;
            for (List<String> fields = csv.next(); fields != null; fields = csv.next()) {
                if (fields.size() == 1 && fields.get(0).isBlank()) {
                    continue;
                }
                row++;
                record(rows, row, header, layout, fields);
                rows.tick(counted.count(), size);
            }
            return rows.result("CSV", TextCharsets.label(charset), size);
        }
    }

    private static boolean hasUtf8Bom(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] b = in.readNBytes(3);
            return b.length == 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF;
        }
    }

    /** Which columns hold the coordinates, and in which coordinate system. */
    private record Layout(int xColumn, int yColumn, String xName, String yName, SourceCrs crs) {
    }

    private static Layout layout(List<String> header, String crsCode) throws ImportException {
        int lat = find(header, LAT, null);
        int lon = find(header, LON, null);
        int x = find(header, List.of(), X);
        int y = find(header, List.of(), Y);
        boolean projected = x >= 0 && y >= 0;
        if (lat >= 0 && lon >= 0 && !(projected && crsCode != null)) {
            SourceCrs crs = crsCode != null ? SourceCrs.forCode(crsCode, "--crs")
                    : SourceCrs.wgs84("latitude/longitude columns");
            return new Layout(lon, lat, "longitude", "latitude", crs);
        }
        if (projected) {
            Matcher m = EPSG.matcher(RowCollector.normalize(header.get(x)));
            SourceCrs crs = crsCode != null ? SourceCrs.forCode(crsCode, "--crs")
                    : m.find() ? SourceCrs.forCode("EPSG:" + m.group(1), "named in column " + header.get(x)) : null;
            if (crs == null) {
                throw new ImportException("projected coordinates in columns " + header.get(x) + "/" + header.get(y)
                        + " need their coordinate system: give --crs EPSG:n (Korean data is usually EPSG:5186, "
                        + "5179 or 5174)");
            }
            return new Layout(x, y, "X", "Y", crs);
        }
        throw new ImportException("no coordinate columns: expected 위도/경도, latitude/longitude, lat/lon, or X/Y "
                + "(X좌표/Y좌표) with --crs; the header has: " + String.join(", ", header));
    }

    private static int find(List<String> header, List<String> names, Pattern pattern) {
        for (int i = 0; i < header.size(); i++) {
            String h = RowCollector.normalize(header.get(i));
            if (names.contains(h) || pattern != null && pattern.matcher(h).matches()) {
                return i;
            }
        }
        return -1;
    }

    private static void record(RowCollector rows, long row, List<String> header, Layout layout, List<String> fields) {
        if (fields.size() != header.size()) {
            rows.skip(row, "has " + fields.size() + " fields, the header has " + header.size());
            return;
        }
        String xText = fields.get(layout.xColumn).strip();
        String yText = fields.get(layout.yColumn).strip();
        Map<String, String> props = new LinkedHashMap<>();
        for (int i = 0; i < header.size(); i++) {
            if (i != layout.xColumn && i != layout.yColumn) {
                props.put(header.get(i), fields.get(i));
            }
        }
        if (xText.isEmpty() || yText.isEmpty()) {
            rows.add(row, null, props);
            return;
        }
        double xv;
        double yv;
        try {
            yv = Double.parseDouble(yText);
        } catch (NumberFormatException e) {
            rows.skip(row, layout.yName + " '" + yText + "' is not a number");
            return;
        }
        try {
            xv = Double.parseDouble(xText);
        } catch (NumberFormatException e) {
            rows.skip(row, layout.xName + " '" + xText + "' is not a number");
            return;
        }
        rows.add(row, GEOMETRY.createPoint(new Coordinate(xv, yv)), props);
    }

    /** RFC 4180 records: comma separated, double quotes with "" inside, CRLF or LF, line breaks inside quotes. */
    private static final class CsvTokenizer {
        private final Reader in;
        private final char[] buffer = new char[16 * 1024];
        private int pos;
        private int end;
        private long records;

        CsvTokenizer(Reader in) {
            this.in = in;
        }

        private int read() throws IOException {
            if (pos == end) {
                end = in.read(buffer, 0, buffer.length);
                pos = 0;
                if (end <= 0) {
                    end = 0;
                    return -1;
                }
            }
            return buffer[pos++];
        }

        /** The next record, or null at the end of the file. */
        List<String> next() throws IOException, ImportException {
            int c = read();
            if (c < 0) {
                return null;
            }
            records++;
            List<String> fields = new ArrayList<>();
            StringBuilder field = new StringBuilder();
            boolean quoted = false;
            while (true) {
                if (quoted) {
                    if (c < 0) {
                        throw new ImportException("malformed CSV: a quoted field in record " + records
                                + " (counting the header) is never closed");
                    }
                    if (c == '"') {
                        c = read();
                        if (c != '"') {
                            quoted = false;
                            continue;
                        }
                    }
                    field.append((char) c);
                } else if (c < 0 || c == '\n') {
                    fields.add(field.toString());
                    return fields;
                } else if (c == ',') {
                    fields.add(field.toString());
                    field.setLength(0);
                } else if (c == '"' && field.isEmpty()) {
                    quoted = true;
                } else if (c != '\r') {
                    field.append((char) c);
                }
                c = read();
            }
        }
    }
}
