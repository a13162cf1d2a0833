package org.haechi.core.position;

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
}
