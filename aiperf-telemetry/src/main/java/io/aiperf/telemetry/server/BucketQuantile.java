package io.aiperf.telemetry.server;

import java.util.Map;
import java.util.TreeMap;

/**
 * A quantile estimated from cumulative histogram buckets the way Prometheus' {@code histogram_quantile} does: find
 * the bucket the rank falls in and interpolate linearly inside it, the lowest bucket starting at 0; a rank in the
 * {@code +Inf} bucket gives the highest finite bound. Null without observations.
 */
final class BucketQuantile {

    private BucketQuantile() {
    }

    /** @param cumulative upper bound → cumulative count (the {@code le} buckets), {@code +Inf} included */
    static Double estimate(double q, TreeMap<Double, Double> cumulative) {
        if (cumulative.isEmpty()) {
            return null;
        }
        double total = cumulative.lastEntry().getValue();
        if (!(total > 0)) {
            return null;
        }
        double rank = q * total;
        double lowerBound = 0;
        double lowerCount = 0;
        Double highestFinite = null;
        for (Map.Entry<Double, Double> b : cumulative.entrySet()) {
            double bound = b.getKey();
            double count = b.getValue();
            if (count >= rank) {
                if (Double.isInfinite(bound)) {
                    return highestFinite;
                }
                double inBucket = count - lowerCount;
                return inBucket <= 0 ? bound : lowerBound + (bound - lowerBound) * (rank - lowerCount) / inBucket;
            }
            if (!Double.isInfinite(bound)) {
                highestFinite = bound;
            }
            lowerBound = bound;
            lowerCount = count;
        }
        return highestFinite;
    }
}
