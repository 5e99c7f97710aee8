import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Steady-state CPU per request (or per SSE event) of each process bench/lib.sh's sample_cpu watched. The window runs
 * from the first sample at which the mock had seen 20 % of the run's requests to the last one at which it had seen
 * at most 90 %, so start-up, JIT warm-up and the drain at the end fall outside it: CPU in the window / requests
 * (events) the mock received in it. Events count at their request's arrival, which with the mock's --fast is within
 * milliseconds of their writing. {@code java -cp aiperf.jar bench/CpuReport.java CLK_TCK samples.csv
 * mock-requests.json requests|events}.
 */
public class CpuReport {

    private record Sample(long epochNs, long ticks) {
    }

    public static void main(String[] args) throws Exception {
        double tickUs = 1e6 / Double.parseDouble(args[0]);
        boolean perEvent = args[3].equals("events");
        JsonNode requests = new ObjectMapper().readTree(new File(args[2])).get("requests");
        long[][] arrivals = new long[requests.size()][];
        int i = 0;
        for (JsonNode r : requests) {
            arrivals[i++] = new long[] {r.get("arrival_epoch_ns").asLong(), perEvent ? r.path("events").asLong() : 1};
        }
        Arrays.sort(arrivals, (a, b) -> Long.compare(a[0], b[0]));
        long[] times = new long[arrivals.length];
        long[] cumulative = new long[arrivals.length];
        long total = 0;
        for (i = 0; i < arrivals.length; i++) {
            total += arrivals[i][1];
            times[i] = arrivals[i][0];
            cumulative[i] = total;
        }
        Map<String, List<Sample>> byProcess = new LinkedHashMap<>();
        List<String> lines = Files.readAllLines(Path.of(args[1]));
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            byProcess.computeIfAbsent(f[2] + " (pid " + f[1] + ")", k -> new ArrayList<>())
                    .add(new Sample(Long.parseLong(f[0]), Long.parseLong(f[3])));
        }
        String unit = perEvent ? "event" : "request";
        System.out.printf(Locale.ROOT, "  %-30s %15s %16s %12s%n", "process", "window_" + unit + "s",
                "cpu_us_per_" + unit, "total_cpu_s");
        double workerTicks = 0;
        long workerUnits = 0;
        int workers = 0;
        for (var entry : byProcess.entrySet()) {
            List<Sample> samples = entry.getValue();
            Sample from = null;
            Sample to = null;
            for (Sample s : samples) {
                long seen = seenBy(times, cumulative, s.epochNs());
                if (from == null && seen >= 0.2 * total) {
                    from = s;
                }
                if (seen <= 0.9 * total) {
                    to = s;
                }
            }
            long units = from == null || to == null ? 0
                    : seenBy(times, cumulative, to.epochNs()) - seenBy(times, cumulative, from.epochNs());
            String perUnit = units <= 0 ? "-"
                    : String.format(Locale.ROOT, "%.2f", (to.ticks() - from.ticks()) * tickUs / units);
            System.out.printf(Locale.ROOT, "  %-30s %15d %16s %12.2f%n", entry.getKey(), Math.max(0, units), perUnit,
                    samples.get(samples.size() - 1).ticks() * tickUs / 1e6);
            if (entry.getKey().startsWith("worker") && units > 0) {
                workers++;
                workerTicks += to.ticks() - from.ticks();
                workerUnits = Math.max(workerUnits, units);
            }
        }
        if (workers > 1) {
            // Each worker sends a share of the requests: what one costs on a worker is the sum over workers.
            System.out.printf(Locale.ROOT, "  %-30s %15d %16.2f%n", "all " + workers + " workers", workerUnits,
                    workerTicks * tickUs / workerUnits);
        }
    }

    /** Requests (events) the mock had received by {@code epochNs}. */
    private static long seenBy(long[] times, long[] cumulative, long epochNs) {
        int at = Arrays.binarySearch(times, epochNs);
        int last = at >= 0 ? at : -at - 2;
        while (last + 1 < times.length && times[last + 1] <= epochNs) {
            last++;
        }
        return last < 0 ? 0 : cumulative[last];
    }
}
