package io.aiperf.cli.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import io.aiperf.mock.MockConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * An independent check of the aggregation: a real streaming run against the mock, then every aggregate of
 * {@code profile_export_aiperf.json} is recomputed here from {@code profile_export.jsonl} with deliberately plain
 * code (sorting, numpy's linear percentiles, population standard deviation, sums and throughputs from the per-request
 * stamps), sharing nothing with the aggregator. avg, min, max and std must match to floating-point rounding;
 * percentiles within the histogram's documented precision (0.05 % plus half a histogram unit). The time slices are
 * recomputed the same way from each record's {@code request_start_ns}.
 */
class SummaryRecomputeIT {

    private static final int REQUESTS = 40;
    private static final double SLICE_SECONDS = 0.2;
    private static final double[] PERCENTILES = {1, 5, 10, 25, 50, 75, 90, 95, 99};
    /** Run-level metrics recomputed from sums and stamps below; anything else must be a per-record distribution. */
    private static final Set<String> RUN_LEVEL = Set.of("request_count", "error_request_count", "benchmark_duration",
            "request_throughput", "output_token_throughput", "total_token_throughput", "total_isl", "total_osl",
            "total_output_tokens", "total_reasoning_tokens", "total_error_isl", "osl_mismatch_count",
            "usage_discrepancy_count", "total_usage_prompt_tokens", "total_usage_completion_tokens",
            "total_usage_total_tokens");

    @RegisterExtension
    final AiperfRuns aiperf = new AiperfRuns().within(240);

    @Test
    void everyAggregateFollowsFromTheRecords() throws Exception {
        aiperf.startMock(MockConfig.ephemeral().withTiming(15, 3));
        AiperfRun r = aiperf.profile("-m", "mock-model", "--endpoint-type", "chat", "--streaming",
                "--isl", "24", "--isl-stddev", "6", "--osl", "12", "--osl-stddev", "4",
                "--concurrency", "4", "--request-count", String.valueOf(REQUESTS),
                "--slice-duration", String.valueOf(SLICE_SECONDS), "--ui", "none");
        assertThat(r.exitCode()).as(r.stderr()).isZero();

        List<JsonNode> records = r.records();
        assertThat(records).hasSize(REQUESTS);
        JsonNode summary = r.summary();
        Map<String, Double> recomputedSingles = checkAggregates(summary, records, "summary");
        // A streaming run has all of these; the check above must not pass by finding nothing to compare.
        assertThat(recomputedSingles).containsKeys("request_count", "benchmark_duration", "request_throughput",
                "output_token_throughput", "total_osl", "total_isl");
        assertThat(summary.has("time_to_first_token")).isTrue();
        assertThat(summary.has("inter_chunk_latency")).isTrue();

        // Time slices: group the records by floor(start / slice), re-indexed from the first one.
        long sliceNs = Math.round(SLICE_SECONDS * 1e9);
        TreeMap<Long, List<JsonNode>> bySlice = new TreeMap<>();
        for (JsonNode record : records) {
            long slice = Math.floorDiv(record.at("/metadata/request_start_ns").asLong(), sliceNs);
            bySlice.computeIfAbsent(slice, s -> new ArrayList<>()).add(record);
        }
        JsonNode slices = r.json("profile_export_aiperf_timeslices.json").get("timeslices");
        assertThat(slices.size()).isEqualTo(bySlice.size()).isGreaterThan(1);
        long first = bySlice.firstKey();
        int i = 0;
        for (Map.Entry<Long, List<JsonNode>> entry : bySlice.entrySet()) {
            JsonNode slice = slices.get(i++);
            assertThat(slice.get("timeslice_index").asLong()).isEqualTo(entry.getKey() - first);
            checkAggregates(slice, entry.getValue(), "slice " + (entry.getKey() - first));
        }
    }

    /**
     * Compares every metric object of {@code exported} with the same aggregate recomputed from {@code records}.
     *
     * @return the run-level values recomputed
     */
    private static Map<String, Double> checkAggregates(JsonNode exported, List<JsonNode> records, String where) {
        Map<String, List<Double>> values = new LinkedHashMap<>();
        long valid = 0;
        long errors = 0;
        long minStart = Long.MAX_VALUE;
        long maxEnd = Long.MIN_VALUE;
        Map<String, Long> sums = new LinkedHashMap<>();
        long usageDiscrepancies = 0;
        long oslMismatches = 0;
        boolean oslCompared = false;
        for (JsonNode record : records) {
            JsonNode metrics = record.get("metrics");
            Iterator<Map.Entry<String, JsonNode>> fields = metrics.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                JsonNode value = field.getValue().get("value");
                List<Double> list = values.computeIfAbsent(field.getKey(), k -> new ArrayList<>());
                if (value.isArray()) {
                    value.forEach(v -> list.add(v.asDouble()));
                } else {
                    list.add(value.asDouble());
                }
            }
            if (!record.get("error").isNull()) {
                errors++;
                sums.merge("total_error_isl", metrics.at("/error_isl/value").asLong(), Long::sum);
                continue;
            }
            valid++;
            sums.merge("total_isl", metrics.at("/input_sequence_length/value").asLong(), Long::sum);
            sums.merge("total_osl", metrics.at("/output_sequence_length/value").asLong(), Long::sum);
            sums.merge("total_output_tokens", metrics.at("/output_token_count/value").asLong(), Long::sum);
            if (metrics.has("reasoning_token_count")) {
                sums.merge("total_reasoning_tokens", metrics.at("/reasoning_token_count/value").asLong(), Long::sum);
            }
            for (String usage : List.of("prompt_tokens", "completion_tokens", "total_tokens")) {
                if (metrics.has("usage_" + usage)) {
                    sums.merge("total_usage_" + usage, metrics.at("/usage_" + usage + "/value").asLong(), Long::sum);
                }
            }
            boolean discrepancy = false;
            for (String diff : List.of("prompt", "completion", "reasoning")) {
                JsonNode pct = metrics.at("/usage_" + diff + "_tokens_diff_pct/value");
                discrepancy |= !pct.isMissingNode() && Math.abs(pct.asDouble()) > 10.0;
            }
            usageDiscrepancies += discrepancy ? 1 : 0;
            JsonNode oslDiff = metrics.at("/osl_mismatch_diff_pct/value");
            if (!oslDiff.isMissingNode()) {
                // the JSONL carries OSL and its signed difference from the requested max_tokens: recover the latter
                double osl = metrics.at("/output_sequence_length/value").asDouble();
                double requested = osl / (1 + oslDiff.asDouble() / 100.0);
                oslMismatches += Math.abs(osl - requested) > Math.min(requested * 0.05, 50) + 1e-9 ? 1 : 0;
                oslCompared = true;
            }
            long start = record.at("/metadata/request_start_ns").asLong();
            long latencyNs = Math.round(metrics.at("/request_latency/value").asDouble() * 1e6);
            minStart = Math.min(minStart, start);
            maxEnd = Math.max(maxEnd, start + latencyNs);
        }
        Map<String, Double> singles = new LinkedHashMap<>();
        singles.put("request_count", (double) valid);
        if (errors > 0) {
            singles.put("error_request_count", (double) errors);
        }
        sums.forEach((k, v) -> singles.put(k, v.doubleValue()));
        if (oslCompared) {
            singles.put("osl_mismatch_count", (double) oslMismatches);
        }
        singles.put("usage_discrepancy_count", (double) usageDiscrepancies);
        if (valid > 0) {
            double seconds = (maxEnd - minStart) / 1e9;
            singles.put("benchmark_duration", seconds);
            singles.put("request_throughput", valid / seconds);
            singles.put("output_token_throughput", sums.get("total_osl") / seconds);
            singles.put("total_token_throughput", (sums.get("total_isl") + sums.get("total_osl")) / seconds);
        }

        Iterator<Map.Entry<String, JsonNode>> fields = exported.fields();
        int compared = 0;
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            JsonNode metric = field.getValue();
            if (!metric.isObject() || !metric.has("unit") || !metric.has("avg")) {
                continue; // input_config, error_summary, …
            }
            String tag = field.getKey();
            String label = where + " " + tag;
            compared++;
            if (RUN_LEVEL.contains(tag)) {
                assertThat(singles).as(label + ": recomputed").containsKey(tag);
                assertClose(label, metric.get("avg").asDouble(), singles.get(tag), 1e-9, 0);
                continue;
            }
            List<Double> list = values.get(tag);
            if (list == null) {
                fail(label + ": neither a per-record metric of profile_export.jsonl nor a known run-level metric;"
                        + " teach this test how to recompute it");
            }
            double[] sorted = list.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            double mean = Arrays.stream(sorted).sum() / sorted.length;
            double variance = 0;
            for (double v : sorted) {
                variance += (v - mean) * (v - mean);
            }
            double std = Math.sqrt(variance / sorted.length);
            assertClose(label + " avg", metric.get("avg").asDouble(), mean, 1e-9, 1e-9);
            assertClose(label + " min", metric.get("min").asDouble(), sorted[0], 1e-12, 0);
            assertClose(label + " max", metric.get("max").asDouble(), sorted[sorted.length - 1], 1e-12, 0);
            assertClose(label + " std", metric.get("std").asDouble(), std, 1e-6, 1e-9);
            // Half a histogram unit: 0.5 ns for latencies (in ms here), 0.0005 for rates, 0.5 for counts.
            double halfUnit = metric.get("unit").asText().equals("ms") ? 0.5e-6
                    : metric.get("unit").asText().contains("/sec") ? 0.0005 : 0.5;
            for (double p : PERCENTILES) {
                String key = "p" + (int) p;
                assertClose(label + " " + key, metric.get(key).asDouble(), numpyLinear(sorted, p), 5e-4, halfUnit);
            }
        }
        assertThat(compared).as(where + ": metrics compared").isGreaterThan(5);
        return singles;
    }

    /** numpy.percentile(values, p) with the default method "linear". */
    private static double numpyLinear(double[] sorted, double p) {
        double rank = p / 100.0 * (sorted.length - 1);
        int lo = (int) Math.floor(rank);
        int hi = (int) Math.ceil(rank);
        return sorted[lo] + (sorted[hi] - sorted[lo]) * (rank - lo);
    }

    private static void assertClose(String what, double actual, double expected, double relative, double absolute) {
        double tolerance = Math.abs(expected) * relative + absolute;
        assertThat(Math.abs(actual - expected)).as("%s: exported %s, recomputed %s", what, actual, expected)
                .isLessThanOrEqualTo(tolerance);
    }
}
