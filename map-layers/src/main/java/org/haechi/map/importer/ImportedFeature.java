package org.haechi.map.importer;

import java.util.Map;
import org.locationtech.jts.geom.Geometry;

/**
 * A feature of an imported map layer: any geometry in WGS84 (x = longitude, y = latitude) with its properties as
 * text. Immutable once built (do not change the geometry); any thread.
 *
 * @param id         id from an id-like property, else {@code <file stem>-<row>}
 * @param wgs84      geometry in WGS84 longitude/latitude
 * @param properties non-empty properties in file order
 */
public record ImportedFeature(String id, Geometry wgs84, Map<String, String> properties) {
    public ImportedFeature {
        properties = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(properties));
    }
}
