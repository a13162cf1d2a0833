package org.haechi.map.importer;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.haechi.core.asset.Asset;

/** The importer golden files in src/test/resources/import. */
final class Golden {
    private Golden() {
    }

    static Path file(String name) {
        try {
            return Path.of(Golden.class.getResource("/import/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static Map<Long, String> reasons(ImportResult result) {
        Map<Long, String> out = new TreeMap<>();
        result.skipped().forEach(s -> out.put(s.rowNumber(), s.reason()));
        return out;
    }

    static Asset byId(List<Asset> assets, String id) {
        return assets.stream().filter(a -> a.id().equals(id)).findFirst().orElseThrow(() ->
                new AssertionError("no asset " + id + " among " + assets.stream().map(Asset::id).toList()));
    }
}
