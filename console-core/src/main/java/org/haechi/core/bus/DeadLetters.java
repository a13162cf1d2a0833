package org.haechi.core.bus;

import java.util.Map;

/**
 * The messages the broker has moved to its dead-letter address after their last delivery attempt, as last counted. No
 * console takes them any more, so the operator must hear of them: they are alarms, actions or updates some console
 * never stored.
 *
 * @param count     how many were counted
 * @param more      true when counting stopped at its limit and there are more
 * @param byAddress how many were first sent to each address
 */
public record DeadLetters(int count, boolean more, Map<String, Integer> byAddress) {
    /** None counted. */
    public static final DeadLetters NONE = new DeadLetters(0, false, Map.of());

    public DeadLetters {
        byAddress = Map.copyOf(byAddress);
    }
}
