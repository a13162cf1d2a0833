package org.haechi.app;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.haechi.map.view.MapFeature;

/** "12 CAMERA, 3 TAG, 1 SCHOOL": counts by kind of what a zone holds. */
final class ZoneSummary {
    private ZoneSummary() {
    }

    static String of(List<MapFeature> items) {
        if (items.isEmpty()) {
            return "nothing inside";
        }
        Map<String, Long> byKind = items.stream().collect(Collectors.groupingBy(
                f -> f.details().getOrDefault("kind", "TAG"), TreeMap::new, Collectors.counting()));
        return byKind.entrySet().stream().map(e -> e.getValue() + " " + e.getKey())
                .collect(Collectors.joining(", "));
    }
}
