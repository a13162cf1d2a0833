package org.haechi.core.position;

import java.time.Duration;
import java.time.Instant;
import org.haechi.core.geo.GeoPoint;

/**
 * A GPS fix of a tagged person (pseudonymous tag id; names never travel). Immutable; any thread.
 *
 * @param personId  pseudonymous tag id
 * @param fixAt     device time of the fix
 * @param location  position
 * @param accuracyM horizontal accuracy in metres, NaN when unknown
 */
public record TagPosition(String personId, Instant fixAt, GeoPoint location, double accuracyM) {
    /**
     * How far ahead of the console's clock a fix's time may be and still order the tag's fixes. A device clock further
     * ahead is wrong, and its fix must not freeze the tag: were it kept as the newest, every real fix after it would
     * be older.
     */
    public static final Duration MAX_AHEAD = Duration.ofMinutes(10);

    /**
     * Whether this fix replaces {@code current} (null: none yet) as the tag's last known position at {@code now}: it
     * is newer by device time, or {@code current} is more than {@link #MAX_AHEAD} ahead of now (then arrival order
     * decides).
     */
    public boolean replaces(TagPosition current, Instant now) {
        return current == null || fixAt.isAfter(current.fixAt) || current.isAheadOf(now);
    }

    /** Whether this fix's time is more than {@link #MAX_AHEAD} ahead of {@code now}. */
    public boolean isAheadOf(Instant now) {
        return fixAt.isAfter(now.plus(MAX_AHEAD));
    }
}
