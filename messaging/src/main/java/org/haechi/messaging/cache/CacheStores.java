package org.haechi.messaging.cache;

import java.nio.file.Path;
import java.sql.SQLException;

/**
 * The cache database with every store over it. Open once at start, close last at shutdown; stores are thread-safe.
 */
public record CacheStores(CacheDatabase db, AlarmStore alarms, AssetStore assets, PositionStore positions,
                          WarningStore warnings, ActionStore actions, RejectedStore rejected, RaisedAlarms raised)
        implements AutoCloseable {

    /** Opens (creating or migrating) the cache in {@code dir}. */
    public static CacheStores open(Path dir) throws SQLException {
        CacheDatabase db = CacheDatabase.open(dir);
        AlarmStore alarms = new AlarmStore(db);
        ActionStore actions = new ActionStore(db, alarms);
        return new CacheStores(db, alarms, new AssetStore(db), new PositionStore(db), new WarningStore(db),
                actions, new RejectedStore(db), new RaisedAlarms(db, alarms, actions.audit()));
    }

    @Override
    public void close() {
        db.close();
    }
}
