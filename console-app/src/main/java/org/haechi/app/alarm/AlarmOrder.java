package org.haechi.app.alarm;

import java.util.Comparator;
import org.haechi.core.alarm.Alarm;
import org.haechi.core.alarm.AlarmState;

/** Queue order: new before handled, then most severe, then newest. */
final class AlarmOrder {
    static final Comparator<Alarm> QUEUE = Comparator
            .comparing((Alarm a) -> a.state() == AlarmState.NEW ? 0 : 1)
            .thenComparing(Alarm::severity)
            .thenComparing(Alarm::receivedAt, Comparator.reverseOrder())
            .thenComparing(Alarm::id);

    private AlarmOrder() {
    }
}
