package org.haechi.core.alarm;

import java.util.List;

/** Port: receives operator actions (own and other consoles') once stored. Messaging thread; must not block. */
@FunctionalInterface
public interface ActionSink {
    void accept(List<OperatorAction> actions);
}
