package org.haechi.app;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.stream.Collectors;
import org.haechi.app.map.ZoneContentsView;
import org.haechi.map.view.MapFeature;

/**
 * "35 tagged people, 12 cameras, 1 school": counts by kind of what a zone holds, in the operator's language, people
 * first (the order of {@link ZoneContentsView#KINDS}, then any other kind).
 */
final class ZoneSummary {
    private ZoneSummary() {
    }

    static String of(List<MapFeature> items, ResourceBundle text) {
        if (items.isEmpty()) {
            return text.getString("zone.nothing");
        }
        Map<String, Long> byKind = new LinkedHashMap<>();
        ZoneContentsView.KINDS.forEach(k -> byKind.put(k, 0L));
        items.forEach(f -> byKind.merge(ZoneContentsView.kindOf(f), 1L, Long::sum));
        return byKind.entrySet().stream().filter(e -> e.getValue() > 0).map(e -> String.format(text.getLocale(),
                text.getString("zone.count"), e.getValue(), ZoneContentsView.kindLabel(e.getKey(), text)))
                .collect(Collectors.joining(", "));
    }
}
