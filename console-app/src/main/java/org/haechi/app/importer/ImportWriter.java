package org.haechi.app.importer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.haechi.core.asset.Asset;
import org.haechi.map.importer.ImportKind;
import org.haechi.map.importer.ImportResult;
import org.haechi.map.importer.ImportedFeature;
import org.haechi.messaging.cache.CacheStores;
import org.haechi.messaging.cache.ImportedLayerStore;
import org.locationtech.jts.io.WKTWriter;

/**
 * Writes an import into the cache in one transaction: all of it or, on failure, nothing. Blocking; call it off the
 * FX thread. Stateless.
 */
public final class ImportWriter {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int UPSERT_CHUNK = 10_000;

    private ImportWriter() {
    }

    public static void write(CacheStores stores, ImportKind kind, String layerName, ImportResult result)
            throws SQLException {
        try (Connection c = stores.db().connect()) {
            c.setAutoCommit(false);
            boolean committed = false;
            try {
                List<Asset> assets = result.assets();
                for (int from = 0; from < assets.size(); from += UPSERT_CHUNK) {
                    stores.assets().upsert(c, assets.subList(from, Math.min(assets.size(), from + UPSERT_CHUNK)));
                }
                if (kind == ImportKind.LAYER) {
                    new ImportedLayerStore(stores.db()).replaceLayer(c, layerName, rows(result));
                }
                c.commit();
                committed = true;
            } finally {
                if (!committed) {
                    c.rollback();
                }
            }
        }
    }

    private static List<ImportedLayerStore.Row> rows(ImportResult result) {
        WKTWriter wkt = new WKTWriter();
        List<ImportedLayerStore.Row> rows = new ArrayList<>(result.features().size());
        for (ImportedFeature f : result.features()) {
            try {
                rows.add(new ImportedLayerStore.Row(f.id(), wkt.write(f.wgs84()),
                        JSON.writeValueAsString(f.properties())));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
        return rows;
    }
}
