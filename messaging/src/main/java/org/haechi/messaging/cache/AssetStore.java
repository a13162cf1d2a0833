package org.haechi.messaging.cache;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.haechi.core.asset.Asset;
import org.haechi.core.asset.AssetKind;
import org.haechi.core.asset.AssetStatus;
import org.haechi.core.geo.GeoPoint;
import org.haechi.messaging.codec.AttributesJson;

/** The asset registry in the H2 cache: last write wins per asset id. Thread-safe. */
public final class AssetStore {
    private final CacheDatabase db;

    public AssetStore(CacheDatabase db) {
        this.db = db;
    }

    /** Creates or replaces the assets inside the caller's transaction; the last of a repeated id wins. */
    public void upsert(Connection c, List<Asset> assets) throws SQLException {
        Map<String, Asset> last = new LinkedHashMap<>();
        assets.forEach(a -> last.put(a.id(), a));
        // Delete then insert: several times faster in H2 than MERGE ... KEY for whole-registry loads. H2 arrays
        // hold at most 65,536 elements: delete in chunks.
        List<String> ids = new ArrayList<>(last.keySet());
        try (PreparedStatement del = c.prepareStatement("DELETE FROM asset WHERE id = ANY(?)")) {
            for (int from = 0; from < ids.size(); from += 10_000) {
                del.setArray(1, c.createArrayOf("VARCHAR", ids.subList(from, Math.min(ids.size(), from + 10_000))
                        .toArray()));
                del.executeUpdate();
            }
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO asset (id, kind, lat, lon, name, status, "
                + "stream_url, heading, fov, range_m, attributes) VALUES (?,?,?,?,?,?,?,?,?,?,?)")) {
            for (Asset a : last.values()) {
                ps.setString(1, a.id());
                ps.setString(2, a.kind().name());
                ps.setDouble(3, a.location().lat());
                ps.setDouble(4, a.location().lon());
                ps.setString(5, a.name());
                ps.setString(6, a.status().name());
                ps.setString(7, a.streamUrl());
                setFinite(ps, 8, a.headingDeg());
                setFinite(ps, 9, a.fovDeg());
                setFinite(ps, 10, a.rangeM());
                ps.setString(11, a.attributes().isEmpty() ? null : AttributesJson.write(a.attributes()));
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private static void setFinite(PreparedStatement ps, int index, double v) throws SQLException {
        ps.setObject(index, Double.isFinite(v) ? v : null);
    }

    /** Every stored asset. */
    public List<Asset> loadAll() throws SQLException {
        List<Asset> out = new ArrayList<>();
        try (Connection c = db.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT id, kind, lat, lon, name, status, stream_url, heading, fov, range_m, attributes FROM asset")) {
            while (rs.next()) {
                out.add(new Asset(AssetKind.parse(rs.getString(2)), rs.getString(1),
                        new GeoPoint(rs.getDouble(3), rs.getDouble(4)), rs.getString(5),
                        AssetStatus.parse(rs.getString(6)), rs.getString(7), doubleOrNaN(rs, 8),
                        doubleOrNaN(rs, 9), doubleOrNaN(rs, 10), AttributesJson.read(rs.getString(11))));
            }
        }
        return out;
    }

    private static double doubleOrNaN(ResultSet rs, int column) throws SQLException {
        double v = rs.getDouble(column);
        return rs.wasNull() ? Double.NaN : v;
    }

    public long count() throws SQLException {
        try (Connection c = db.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM asset")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
