package org.haechi.messaging.bus;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.haechi.core.alarm.Alarm;
import org.haechi.core.asset.Asset;
import org.haechi.core.bus.BatchCycle;
import org.haechi.core.bus.BusStatus;
import org.haechi.core.bus.BusStatusListener;
import org.haechi.core.bus.DeadLetters;
import org.haechi.core.bus.IngestListener;
import org.haechi.core.position.TagPosition;
import org.haechi.core.warning.Warning;

/** Sinks that keep what they are told, for assertions. */
final class Collected implements IngestListener {
    final List<Alarm> alarms = new CopyOnWriteArrayList<>();
    final List<Asset> assets = new CopyOnWriteArrayList<>();
    final List<TagPosition> positions = new CopyOnWriteArrayList<>();
    final List<Warning> warnings = new CopyOnWriteArrayList<>();
    final List<BusStatus> statuses = new CopyOnWriteArrayList<>();
    final List<DeadLetters> deadLetterCounts = new CopyOnWriteArrayList<>();
    final List<String> refusedLogins = new CopyOnWriteArrayList<>();
    final AtomicInteger received = new AtomicInteger();
    final AtomicInteger rejected = new AtomicInteger();
    final List<BatchCycle> alarmCycles = new CopyOnWriteArrayList<>();
    final List<String> storeFailures = new CopyOnWriteArrayList<>();
    final AtomicInteger storeRecoveries = new AtomicInteger();

    IngestSinks sinks() {
        return new IngestSinks(alarms::addAll, assets::addAll, positions::addAll, warnings::addAll, this);
    }

    @Override
    public void received(String address, int count) {
        received.addAndGet(count);
    }

    @Override
    public void rejected(String address, int count) {
        rejected.addAndGet(count);
    }

    @Override
    public void batchStored(String address, BatchCycle cycle) {
        if (address.equals(BusAddresses.ALARMS)) {
            alarmCycles.add(cycle);
        }
    }

    @Override
    public void storeFailed(String address, String reason) {
        storeFailures.add(address + ": " + reason);
    }

    @Override
    public void storeRecovered(String address) {
        storeRecoveries.incrementAndGet();
    }

    /** A bus status listener that keeps statuses, dead-letter counts and refused logins. */
    BusStatusListener busListener() {
        return new BusStatusListener() {
            @Override
            public void statusChanged(BusStatus status) {
                statuses.add(status);
            }

            @Override
            public void deadLettersCounted(DeadLetters deadLetters) {
                deadLetterCounts.add(deadLetters);
            }

            @Override
            public void loginRefused(String user) {
                refusedLogins.add(user);
            }
        };
    }

    boolean connected() {
        return !statuses.isEmpty() && statuses.get(statuses.size() - 1).connected();
    }

    /** The value of a check that may throw; false when it throws. */
    static boolean quietly(java.util.concurrent.Callable<Boolean> check) {
        try {
            return check.call();
        } catch (Exception e) {
            return false;
        }
    }

    static void await(BooleanSupplier condition, int seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
    }
}
