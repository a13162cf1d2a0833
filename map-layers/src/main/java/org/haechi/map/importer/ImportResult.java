package org.haechi.map.importer;

import java.util.List;
import org.haechi.core.asset.Asset;

/**
 * What an import read: the assets (for an asset kind) or the layer features, and the rows skipped with their
 * reasons. Immutable; any thread.
 *
 * @param format   "GeoJSON", "GeoPackage", "Shapefile" or "CSV"
 * @param charset  the text encoding used for attributes, or null when the format fixes it
 * @param crs      the source coordinate system and where it came from, e.g. "EPSG:5186 (--crs)"
 * @param assets   imported assets, empty for {@link ImportKind#LAYER}
 * @param features imported features, empty for asset kinds
 * @param skipped  rows not imported, in file order
 */
public record ImportResult(String format, String charset, String crs, List<Asset> assets,
                           List<ImportedFeature> features, List<SkippedRow> skipped) {

    public ImportResult {
        assets = List.copyOf(assets);
        features = List.copyOf(features);
        skipped = List.copyOf(skipped);
    }

    /** Assets plus features. */
    public int importedCount() {
        return assets.size() + features.size();
    }
}
