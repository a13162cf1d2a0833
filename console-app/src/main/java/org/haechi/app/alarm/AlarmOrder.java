package org.haechi.app.alarm;

import java.util.Comparator;
import java.util.function.Predicate;
import org.haechi.core.alarm.Alarm;
import org.haechi.core.alarm.AlarmState;

/** Queue order: those awaiting an operator before those handled, then most severe, then newest. */
final class AlarmOrder {
    /** New alarms await an operator. */
    static final Comparator<Alarm> QUEUE = queue(a -> a.state() == AlarmState.NEW);

    /** The queue order with {@code awaitsOperator} telling which come first (the new, and snoozes that are over). */
    static Comparator<Alarm> queue(Predicate<Alarm> awaitsOperator) {
        return Comparator.comparing((Alarm a) -> awaitsOperator.test(a) ? 0 : 1)
                .thenComparing(Alarm::severity)
                .thenComparing(Alarm::receivedAt, Comparator.reverseOrder())
                .thenComparing(Alarm::id);
    }

    private AlarmOrder() {
    }
}
