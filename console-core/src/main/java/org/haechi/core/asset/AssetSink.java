package org.haechi.core.asset;

import java.util.List;

/** Port: receives asset creations and updates once stored. Messaging thread; must not block. */
@FunctionalInterface
public interface AssetSink {
    void accept(List<Asset> assets);
}
