package org.haechi.messaging.bus;

import org.haechi.core.alarm.AlarmSink;
import org.haechi.core.asset.AssetSink;
import org.haechi.core.bus.IngestListener;
import org.haechi.core.position.PositionSink;
import org.haechi.core.warning.WarningSink;

/**
 * Where ingested data goes once stored. {@code alarms} hears of new alarms and of alarms whose state another
 * console's action changed (an upsert by id). All are called on consumer threads and must not block.
 */
public record IngestSinks(AlarmSink alarms, AssetSink assets, PositionSink positions, WarningSink warnings,
                          IngestListener counters) {
}
