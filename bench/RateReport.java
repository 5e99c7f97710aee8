import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.File;
import java.util.Arrays;
import java.util.Locale;

/**
 * One row of bench/rate-accuracy.sh: delivered rate and inter-arrival variation from the mock's own arrival log,
 * send lag from aiperf's summary. Run with the aiperf jar on the classpath (for Jackson):
 * {@code java -cp aiperf.jar bench/RateReport.java TARGET DURATION arrivals.json profile_export_aiperf.json}.
 */
public class RateReport {
    public static void main(String[] args) throws Exception {
        double target = Double.parseDouble(args[0]);
        ObjectMapper json = new ObjectMapper();
        // Only the profiling phase: arrivals from the first profiling request's start on (warmup ones are earlier).
        long profilingStartEpochNs = Long.MAX_VALUE;
        try (var lines = java.nio.file.Files.lines(java.nio.file.Path.of(args[3]).resolveSibling("profile_export.jsonl"))) {
            for (String line : (Iterable<String>) lines::iterator) {
                profilingStartEpochNs = Math.min(profilingStartEpochNs,
                        json.readTree(line).path("metadata").path("request_start_ns").asLong(Long.MAX_VALUE));
            }
        }
        JsonNode requests = json.readTree(new File(args[2])).get("requests");
        long[] all = new long[requests.size()];
        int n = 0;
        for (JsonNode r : requests) {
            if (r.get("arrival_epoch_ns").asLong() >= profilingStartEpochNs - 1_000_000) {
                all[n++] = r.get("arrival_ns").asLong();
            }
        }
        if (n < 2) {
            System.out.printf(Locale.ROOT, "%-8.0f (the mock logged %d profiling arrivals: no rate to report)%n", target, n);
            return;
        }
        long[] arrivals = Arrays.copyOf(all, n);
        Arrays.sort(arrivals);
        double spanS = (arrivals[arrivals.length - 1] - arrivals[0]) / 1e9;
        double delivered = (arrivals.length - 1) / spanS;
        double[] gaps = new double[arrivals.length - 1];
        for (int i = 1; i < arrivals.length; i++) {
            gaps[i - 1] = (arrivals[i] - arrivals[i - 1]) / 1e9;
        }
        double mean = Arrays.stream(gaps).average().orElse(0);
        double sd = Math.sqrt(Arrays.stream(gaps).map(g -> (g - mean) * (g - mean)).sum() / gaps.length);
        JsonNode summary = json.readTree(new File(args[3]));
        JsonNode lag = summary.path("send_lag");
        System.out.println(String.format(Locale.ROOT, "%-8.0f %-10.1f %-+10.2f %-8.3f %-8d %-9.3f %-9.3f %-9.3f %-9.3f",
                target, delivered, 100 * (delivered - target) / target, sd / mean, arrivals.length,
                lag.path("p50").asDouble(Double.NaN), lag.path("p90").asDouble(Double.NaN),
                lag.path("p99").asDouble(Double.NaN), lag.path("max").asDouble(Double.NaN)));
    }
}
