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
 * @param snoozedUntil while {@link AlarmState#SNOOZED}: when the snooze ends; else null
 * @param revision   how many times the cache has changed this alarm's workflow: of two copies of one alarm, the one
 *                   with the higher revision is the newer (0 for an alarm as received)
 */
public record Alarm(String id, AlarmType type, String typeName, Severity severity, Instant occurredAt,
                    Instant receivedAt, GeoPoint location, String sourceId, String title,
                    Map<String, String> attributes, AlarmState state, boolean pending, Instant snoozedUntil,
                    long revision) {

    public Alarm {
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
        state = state == null ? AlarmState.NEW : state;
        snoozedUntil = state == AlarmState.SNOOZED ? snoozedUntil : null;
    }

    /** An alarm as received or raised: not snoozed, revision 0. */
    public Alarm(String id, AlarmType type, String typeName, Severity severity, Instant occurredAt,
                 Instant receivedAt, GeoPoint location, String sourceId, String title,
                 Map<String, String> attributes, AlarmState state, boolean pending) {
        this(id, type, typeName, severity, occurredAt, receivedAt, location, sourceId, title, attributes, state,
                pending, null, 0);
    }

    /** Whether it is snoozed and its snooze is over at {@code now}: it awaits an operator again. */
    public boolean snoozeOverAt(Instant now) {
        return snoozedUntil != null && !snoozedUntil.isAfter(now);
    }

    public Optional<GeoPoint> optionalLocation() {
        return Optional.ofNullable(location);
    }

    /** A copy with another workflow state (the same revision; not snoozed). */
    public Alarm withState(AlarmState newState, boolean isPending) {
        return new Alarm(id, type, typeName, severity, occurredAt, receivedAt, location, sourceId, title,
                attributes, newState, isPending, null, revision);
    }

    /** A copy with the workflow the cache holds at {@code newRevision}. */
    public Alarm withWorkflow(AlarmState newState, boolean isPending, Instant until, long newRevision) {
        return new Alarm(id, type, typeName, severity, occurredAt, receivedAt, location, sourceId, title,
                attributes, newState, isPending, until, newRevision);
    }

    /** A copy with the local receive time set. */
    public Alarm withReceivedAt(Instant at) {
        return new Alarm(id, type, typeName, severity, occurredAt, at, location, sourceId, title,
                attributes, state, pending, snoozedUntil, revision);
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
