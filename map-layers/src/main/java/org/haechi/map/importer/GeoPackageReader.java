package org.haechi.map.importer;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * Reads the first features table of an OGC GeoPackage (SQLite, opened read-only): GeoPackageBinary geometries,
 * the table's coordinate system from gpkg_spatial_ref_sys. One per file.
 */
final class GeoPackageReader {
    private static final byte[] SQLITE_MAGIC = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);

    private GeoPackageReader() {
    }

    static ImportResult read(Path file, ImportKind kind, String crsCode, ImportProgress progress)
            throws IOException, ImportException {
        try (InputStream in = Files.newInputStream(file)) {
            if (!Arrays.equals(in.readNBytes(SQLITE_MAGIC.length), SQLITE_MAGIC)) {
                throw new ImportException("not a GeoPackage: the file is not an SQLite database");
            }
        }
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        SQLiteDataSource source = new SQLiteDataSource(config);
        source.setUrl("jdbc:sqlite:" + file.toAbsolutePath());
        try (Connection c = source.getConnection()) {
            String[] table = featuresTable(c);
            SourceCrs crs = crsCode != null ? SourceCrs.forCode(crsCode, "--crs") : crs(c, Integer.parseInt(table[2]));
            RowCollector rows = new RowCollector(kind, file, crs, progress);
            long total = count(c, table[0]);
            readRows(c, table[0], table[1], primaryKey(c, table[0]), rows, total);
            return rows.result("GeoPackage", "UTF-8", total);
        } catch (SQLException e) {
            throw new ImportException("broken GeoPackage: " + e.getMessage(), e);
        }
    }

    /** {table name, geometry column, srs_id} of the first features table. */
    private static String[] featuresTable(Connection c) throws SQLException, ImportException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT c.table_name, g.column_name, g.srs_id FROM gpkg_contents c JOIN gpkg_geometry_columns g "
                        + "ON g.table_name = c.table_name WHERE c.data_type = 'features' ORDER BY c.rowid LIMIT 1")) {
            if (!rs.next()) {
                throw new ImportException("the GeoPackage has no features table (gpkg_contents lists none)");
            }
            return new String[] {rs.getString(1), rs.getString(2), rs.getString(3)};
        } catch (SQLException e) {
            if (String.valueOf(e.getMessage()).contains("no such table")) {
                throw new ImportException("not a GeoPackage: an SQLite database without the GeoPackage tables ("
                        + e.getMessage() + ")", e);
            }
            throw e;
        }
    }

    private static SourceCrs crs(Connection c, int srsId) throws SQLException, ImportException {
        String why = "GeoPackage srs_id " + srsId;
        if (srsId == 0) {
            return SourceCrs.wgs84(why + ", undefined geographic");
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT organization, organization_coordsys_id, definition "
                + "FROM gpkg_spatial_ref_sys WHERE srs_id = ?")) {
            ps.setInt(1, srsId);
            try (ResultSet rs = ps.executeQuery()) {
                if (srsId == -1 || !rs.next()) {
                    throw new ImportException("the GeoPackage's coordinate system is undefined (" + why
                            + "): give it with --crs EPSG:n");
                }
                String organization = String.valueOf(rs.getString(1)).toUpperCase(Locale.ROOT);
                int code = rs.getInt(2);
                String definition = rs.getString(3);
                if (organization.equals("EPSG") && code == 4326) {
                    return SourceCrs.wgs84(why);
                }
                if (organization.equals("EPSG")) {
                    try {
                        return SourceCrs.forCode("EPSG:" + code, why);
                    } catch (ImportException e) {
                        if (definition == null || definition.isBlank() || definition.equalsIgnoreCase("undefined")) {
                            throw e;
                        }
                    }
                }
                return SourceCrs.forWkt(definition, why + " definition");
            }
        }
    }

    private static String primaryKey(Connection c, String table) throws SQLException {
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("PRAGMA table_info(" + quote(table) + ")")) {
            while (rs.next()) {
                if (rs.getInt("pk") == 1 && "INTEGER".equalsIgnoreCase(rs.getString("type"))) {
                    return rs.getString("name");
                }
            }
        }
        return null;
    }

    private static long count(Connection c, String table) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + quote(table))) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void readRows(Connection c, String table, String geometryColumn, String pk, RowCollector rows,
                                 long total) throws SQLException, ImportException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT * FROM " + quote(table))) {
            ResultSetMetaData meta = rs.getMetaData();
            long ordinal = 0;
            while (rs.next()) {
                ordinal++;
                long row = pk != null ? rs.getLong(pk) : ordinal;
                Map<String, String> props = new LinkedHashMap<>();
                byte[] blob = null;
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    String name = meta.getColumnName(i);
                    Object value = rs.getObject(i);
                    if (name.equalsIgnoreCase(geometryColumn)) {
                        blob = value instanceof byte[] b ? b : null;
                    } else if (!name.equalsIgnoreCase(pk == null ? "" : pk) && value != null
                            && !(value instanceof byte[])) {
                        props.put(name, String.valueOf(value));
                    }
                }
                try {
                    rows.add(row, blob == null ? null : geometry(blob), props);
                } catch (IllegalArgumentException | ParseException e) {
                    rows.skip(row, "bad geometry: " + e.getMessage());
                }
                rows.tick(ordinal, total);
            }
        }
    }

    /** Decodes a GeoPackageBinary blob: "GP", version, flags, srs_id, optional envelope, then WKB. */
    static Geometry geometry(byte[] blob) throws ParseException {
        if (blob.length < 8 || blob[0] != 'G' || blob[1] != 'P') {
            throw new IllegalArgumentException("not GeoPackage binary (no 'GP' magic)");
        }
        int flags = blob[3];
        if ((flags & 0x20) != 0) {
            throw new IllegalArgumentException("extended GeoPackage geometry types are not supported");
        }
        int envelope = switch ((flags >> 1) & 0x07) {
            case 0 -> 0;
            case 1 -> 32;
            case 2, 3 -> 48;
            case 4 -> 64;
            default -> throw new IllegalArgumentException("invalid envelope code in the geometry header");
        };
        if ((flags & 0x10) != 0) {
            return null;
        }
        if (blob.length <= 8 + envelope) {
            throw new IllegalArgumentException("geometry blob shorter than its header");
        }
        return new WKBReader().read(Arrays.copyOfRange(blob, 8 + envelope, blob.length));
    }

    private static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }
}
