package org.haechi.app.alarm;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.haechi.core.alarm.Alarm;
import org.haechi.core.asset.Asset;
import org.haechi.map.view.MapFeature;

/** The details panel's content for an alarm: its fields and the cameras that can see it. */
public final class AlarmDetails {
    private AlarmDetails() {
    }

    /** With the operators' work on it: assignee, snooze, disposition, last change and the newest notes. */
    public static MapFeature of(Alarm a, List<Asset> camerasSeeing, org.haechi.core.alarm.FoldedState work) {
        MapFeature f = of(a, camerasSeeing);
        Map<String, String> d = new LinkedHashMap<>(f.details());
        if (work.assignee() != null) {
            d.put("assigned to", work.assignee());
        }
        if (work.snoozedUntil() != null) {
            d.put("snoozed until", work.snoozedUntil().toString());
        }
        if (work.disposition() != null) {
            d.put("disposition", work.disposition());
        }
        if (work.changedBy() != null) {
            d.put("last change by", work.changedBy());
        }
        List<org.haechi.core.alarm.FoldedState.Comment> notes = work.comments();
        for (int i = Math.max(0, notes.size() - 5); i < notes.size(); i++) {
            var c = notes.get(i);
            d.put("note " + (i + 1), c.operator() + " (" + c.kind() + "): " + c.text());
        }
        return new MapFeature(f.layer(), f.id(), f.title(), d, f.lat(), f.lon());
    }

    public static MapFeature of(Alarm a, List<Asset> camerasSeeing) {
        Map<String, String> d = new LinkedHashMap<>();
        d.put("id", a.id());
        d.put("type", a.typeName());
        d.put("severity", a.severity().name());
        d.put("state", a.state().name() + (a.pending() ? " (pending)" : ""));
        d.put("occurred", a.occurredAt().toString());
        d.put("received", a.receivedAt().toString());
        if (a.sourceId() != null) {
            d.put("source", a.sourceId());
        }
        a.optionalLocation().ifPresent(p -> d.put("position", String.format("%.6f, %.6f", p.lat(), p.lon())));
        a.attributes().forEach(d::put);
        if (a.location() != null) {
            d.put("cameras seeing it", camerasSeeing.isEmpty() ? "none known"
                    : camerasSeeing.size() + ": " + camerasSeeing.stream().limit(5).map(Asset::id)
                    .collect(Collectors.joining(", ")) + (camerasSeeing.size() > 5 ? ", ..." : ""));
        }
        double lat = a.location() == null ? Double.NaN : a.location().lat();
        double lon = a.location() == null ? Double.NaN : a.location().lon();
        return new MapFeature("alarm", a.id(), a.title() == null ? a.typeName() : a.title(), d, lat, lon);
    }
}
