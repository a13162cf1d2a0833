package org.haechi.core.alarm;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.haechi.core.geo.GeoPoint;

/**
 * One alarm as the console knows it: what the field system sent plus its local workflow state.
 * Immutable; any thread.
 *
 * @param id         unique id, the idempotency key
 * @param type       parsed type ({@link AlarmType#UNKNOWN} when new)
 * @param typeName   the type exactly as received, so an unknown type is shown as such
 * @param severity   severity
 * @param occurredAt device time
 * @param receivedAt console time when first stored
 * @param location   WGS84 position or null
 * @param sourceId   field device id or null
 * @param title      human text or null
 * @param attributes free string attributes, never null
 * @param state      workflow state
 * @param pending    true while a local operator action on it is not yet published
 */
public record Alarm(String id, AlarmType type, String typeName, Severity severity, Instant occurredAt,
                    Instant receivedAt, GeoPoint location, String sourceId, String title,
                    Map<String, String> attributes, AlarmState state, boolean pending) {

    public Alarm {
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
        state = state == null ? AlarmState.NEW : state;
    }

    public Optional<GeoPoint> optionalLocation() {
        return Optional.ofNullable(location);
    }

    /** A copy with another workflow state. */
    public Alarm withState(AlarmState newState, boolean isPending) {
        return new Alarm(id, type, typeName, severity, occurredAt, receivedAt, location, sourceId, title,
                attributes, newState, isPending);
    }

    /** A copy with the local receive time set. */
    public Alarm withReceivedAt(Instant at) {
        return new Alarm(id, type, typeName, severity, occurredAt, at, location, sourceId, title,
                attributes, state, pending);
    }

    /** Human place text: district attribute, else coordinates, else a dash. */
    public String placeText() {
        String district = attributes.get("district");
        if (district != null && !district.isBlank()) {
            return district;
        }
        return location == null ? "-" : String.format("%.4f, %.4f", location.lat(), location.lon());
    }
}
