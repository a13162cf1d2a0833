package org.haechi.messaging.bus;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.haechi.core.alarm.OperatorAction;
import org.haechi.core.warning.Warning;
import org.haechi.messaging.cache.CacheStores;
import org.haechi.messaging.codec.ActionCodec;
import org.haechi.messaging.codec.AlarmCodec;
import org.haechi.messaging.codec.AssetCodec;
import org.haechi.messaging.codec.CapCodec;
import org.haechi.messaging.codec.PositionCodec;

/** Builds the batch handler of every address from the cache stores and the sinks. */
public final class IngestHandlers {
    private IngestHandlers() {
    }

    /** One handler per address of wire contract v1. */
    public static Map<String, BatchHandler> create(CacheStores stores, IngestSinks sinks) {
        AlarmCodec alarmCodec = new AlarmCodec();
        AssetCodec assetCodec = new AssetCodec();
        PositionCodec positionCodec = new PositionCodec();
        ActionCodec actionCodec = new ActionCodec();
        CapCodec capCodec = new CapCodec();
        var rejected = stores.rejected();
        var counters = sinks.counters();
        return Map.of(
                BusAddresses.ALARMS, new DecodingBatchHandler<>(BusAddresses.ALARMS, alarmCodec::decode,
                        (c, alarms) -> stores.actions().insertAlarms(c, alarms),
                        sinks.alarms()::accept, rejected, counters),
                BusAddresses.ASSETS, new DecodingBatchHandler<>(BusAddresses.ASSETS,
                        (body, at) -> assetCodec.decode(body), (c, assets) -> {
                            stores.assets().upsert(c, assets);
                            return assets;
                        }, sinks.assets()::accept, rejected, counters),
                BusAddresses.POSITIONS, new DecodingBatchHandler<>(BusAddresses.POSITIONS,
                        (body, at) -> positionCodec.decode(body), (c, fixes) -> {
                            stores.positions().upsertLatest(c, fixes);
                            stores.positions().appendTrail(c, fixes);
                            return fixes;
                        }, sinks.positions()::accept, rejected, counters),
                BusAddresses.WARNINGS, new DecodingBatchHandler<>(BusAddresses.WARNINGS,
                        (body, at) -> new RawWarning(capCodec.decode(body), body, at), (c, raws) -> {
                            List<Warning> current = new ArrayList<>();
                            for (RawWarning r : raws) {
                                if (stores.warnings().store(c, r.warning(), r.body(), r.receivedAt())) {
                                    current.add(r.warning());
                                }
                            }
                            return current;
                        }, sinks.warnings()::accept, rejected, counters),
                BusAddresses.ACTIONS, new DecodingBatchHandler<>(BusAddresses.ACTIONS,
                        (body, at) -> actionCodec.decode(body), (c, actions) -> {
                            List<OperatorAction> fresh = stores.actions().record(c, actions, true);
                            return stores.alarms().findAll(c, fresh.stream().map(OperatorAction::alarmId)
                                    .distinct().toList());
                        }, sinks.alarms()::accept, rejected, counters));
    }

    private record RawWarning(Warning warning, String body, java.time.Instant receivedAt) {
    }
}
