package org.haechi.core.warning;

import java.util.List;

/** Port: receives decoded warnings once stored. Messaging thread; must not block. */
@FunctionalInterface
public interface WarningSink {
    void accept(List<Warning> warnings);
}
