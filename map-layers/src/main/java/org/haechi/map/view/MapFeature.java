package org.haechi.map.view;

import java.util.Map;

/**
 * Something the operator clicked on the map.
 *
 * @param layer   layer name
 * @param id      feature id (asset id, tag id, alarm id, warning identifier, or a cluster key)
 * @param title   one-line title
 * @param details ordered details to show
 * @param lat     latitude of the feature
 * @param lon     longitude of the feature
 */
public record MapFeature(String layer, String id, String title, Map<String, String> details, double lat,
                         double lon) {
}
