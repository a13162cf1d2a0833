package org.haechi.core.position;

import java.util.List;

/** Port: receives tag fixes in batches. Messaging thread; must not block. */
@FunctionalInterface
public interface PositionSink {
    void accept(List<TagPosition> fixes);
}
