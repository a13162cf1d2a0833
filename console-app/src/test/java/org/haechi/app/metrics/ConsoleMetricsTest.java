package org.haechi.app.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.prometheus.metrics.model.snapshots.HistogramSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import org.assertj.core.data.Offset;
import org.haechi.core.bus.BatchCycle;
import org.junit.jupiter.api.Test;

class ConsoleMetricsTest {

    @Test
    void aStoredBatchIsObservedOncePerPhaseUnderItsAddress() {
        try (ConsoleMetrics metrics = new ConsoleMetrics(() -> new CacheStats(0, 0, 0, 0), () -> 0)) {
            metrics.batchStored("haechi.alarms", new BatchCycle(500, 2_000_000, 8_000_000, 3_000_000, 6_000_000));
            metrics.batchStored("haechi.alarms", new BatchCycle(10, 1_000_000, 1_000_000, 1_000_000, 1_000_000));

            HistogramSnapshot phases = (HistogramSnapshot) metrics.registry().scrape().stream()
                    .filter(m -> m.getMetadata().getName().equals("haechi_ingest_batch_phase_seconds"))
                    .findFirst().map(MetricSnapshot.class::cast).orElseThrow();
            assertThat(phases.getDataPoints()).hasSize(4).allSatisfy(p -> {
                assertThat(p.getLabels().get("address")).isEqualTo("haechi.alarms");
                assertThat(p.getCount()).isEqualTo(2);
            });
            assertThat(phases.getDataPoints()).filteredOn(p -> p.getLabels().get("phase").equals("store"))
                    .singleElement().satisfies(p -> assertThat(p.getSum()).isCloseTo(0.009, Offset.offset(1e-9)));
        }
    }

    @Test
    void aStoreFailureIsKnownUntilItsAddressRecovers() {
        try (ConsoleMetrics metrics = new ConsoleMetrics(() -> new CacheStats(0, 0, 0, 0), () -> 0)) {
            assertThat(metrics.storeFailure()).isNull();
            metrics.storeFailed("haechi.alarms", "IO Exception: No space left on device");
            assertThat(metrics.storeFailure()).contains("No space left on device");
            metrics.storeRecovered("haechi.alarms");
            assertThat(metrics.storeFailure()).isNull();
        }
    }
}
