package org.haechi.app.bench;

import java.util.Arrays;

/** Percentiles of a sample (nearest-rank). Not thread-safe; benchmark use. */
final class Percentiles {
    private final double[] sorted;

    Percentiles(double[] values) {
        sorted = values.clone();
        Arrays.sort(sorted);
    }

    double p(double q) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(q / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    double max() {
        return sorted.length == 0 ? Double.NaN : sorted[sorted.length - 1];
    }

    int count() {
        return sorted.length;
    }

    String summary(String unit) {
        return String.format("n=%d p50=%.2f%s p95=%.2f%s p99=%.2f%s max=%.2f%s", count(), p(50), unit, p(95), unit,
                p(99), unit, max(), unit);
    }
}
