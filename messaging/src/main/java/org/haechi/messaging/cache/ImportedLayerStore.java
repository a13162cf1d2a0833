package org.haechi.messaging.cache;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Map layers imported from files, in the H2 cache: per layer, features as WGS84 WKT with their properties as a JSON
 * object of strings. Thread-safe; writes join the caller's transaction.
 */
public final class ImportedLayerStore {
    private final CacheDatabase db;

    /**
     * One feature.
     *
     * @param id             unique within its layer
     * @param wkt            geometry in WGS84 (x = longitude, y = latitude), as WKT
     * @param propertiesJson properties as a JSON object, or null
     */
    public record Row(String id, String wkt, String propertiesJson) {
    }

    public ImportedLayerStore(CacheDatabase db) {
        this.db = db;
    }

    /** Replaces every feature of {@code layer} with {@code rows} inside the caller's transaction. */
    public void replaceLayer(Connection c, String layer, List<Row> rows) throws SQLException {
        try (PreparedStatement del = c.prepareStatement("DELETE FROM imported_feature WHERE layer = ?")) {
            del.setString(1, layer);
            del.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO imported_feature (layer, id, geometry_wkt, properties) VALUES (?,?,?,?)")) {
            int pending = 0;
            for (Row r : rows) {
                ps.setString(1, layer);
                ps.setString(2, r.id());
                ps.setString(3, r.wkt());
                ps.setString(4, r.propertiesJson());
                ps.addBatch();
                if (++pending == 1000) {
                    ps.executeBatch();
                    pending = 0;
                }
            }
            if (pending > 0) {
                ps.executeBatch();
            }
        }
    }

    /** Names of the stored layers, sorted. */
    public List<String> layers() throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = db.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT DISTINCT layer FROM imported_feature ORDER BY layer")) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    /** The features of {@code layer}, by id. */
    public List<Row> load(String layer) throws SQLException {
        List<Row> out = new ArrayList<>();
        try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement(
                "SELECT id, geometry_wkt, properties FROM imported_feature WHERE layer = ? ORDER BY id")) {
            ps.setString(1, layer);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Row(rs.getString(1), rs.getString(2), rs.getString(3)));
                }
            }
        }
        return out;
    }

    /** Features stored in all layers. */
    public long count() throws SQLException {
        try (Connection c = db.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM imported_feature")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
