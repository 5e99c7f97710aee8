package io.aiperf.telemetry.prometheus;

import io.aiperf.telemetry.stats.HistogramBucket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The cumulative buckets of one series of a histogram family, for {@link io.aiperf.telemetry.stats.HistogramQuantile}. */
public final class HistogramBuckets {

    private HistogramBuckets() {
    }

    /**
     * The {@code _bucket} samples of {@code family} whose labels, apart from {@code le}, are exactly {@code series}
     * (e.g. {@code {model_name="m"}}), in exposition order. The parser has already set aside buckets without a
     * numeric {@code le}.
     */
    public static List<HistogramBucket> of(MetricFamily family, Map<String, String> series) {
        String bucketName = family.name() + "_bucket";
        Map<String, String> wanted = new TreeMap<>(series);
        List<HistogramBucket> buckets = new ArrayList<>();
        for (Sample sample : family.samples()) {
            if (!sample.name().equals(bucketName) || sample.label("le") == null) {
                continue;
            }
            Map<String, String> others = new TreeMap<>(sample.labels());
            String le = others.remove("le");
            if (others.equals(wanted)) {
                try {
                    buckets.add(new HistogramBucket(ExpositionNumbers.value(le), sample.value()));
                } catch (MalformedLineException notNumeric) {
                    // cannot happen after parse(), which checks le; a hand-built family's odd bucket is left out
                }
            }
        }
        return List.copyOf(buckets);
    }
}
