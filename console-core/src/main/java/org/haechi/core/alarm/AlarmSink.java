package org.haechi.core.alarm;

import java.util.List;

/**
 * Port: receives alarms after they are durably stored. Called from a messaging thread, in batches;
 * an implementation must not block and must hand UI work to the FX thread itself.
 */
@FunctionalInterface
public interface AlarmSink {
    void accept(List<Alarm> stored);
}
