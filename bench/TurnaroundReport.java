import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.commons.math3.stat.descriptive.DescriptiveStatistics;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * One concurrency level of bench/turnaround.sh: how long a closed loop leaves a freed slot empty, in µs.
 * <ul>
 *   <li>mock_slot: with exactly C requests in flight, the k-th arrival can only follow the (k-C)-th end, so the
 *   turnaround is arrival[k] - end[k-C] (both sorted), on the mock's clock (end = its last write of a response).</li>
 *   <li>mock_connection: on each connection, a request's arrival - the previous response's end.</li>
 *   <li>ours_end_to_write / ours_end_to_start: the same slot pairing from profile_export.jsonl: request_write_ns
 *   (request_start_ns) of the k-th request - request_end_ns of the (k-C)-th; across worker JVMs their epoch
 *   anchors may differ slightly.</li>
 *   <li>ours_same_worker (with several worker JVMs): per worker, its k-th request_start_ns - its (k-S)-th
 *   request_end_ns, S being the requests it started before its first end: one JVM's clock, but a slot that moves
 *   between workers breaks the pairing, so it is the check on the cross-JVM figure, not a replacement.</li>
 * </ul>
 * A negative slot turnaround would mean more than C requests in flight; their count is printed.
 * {@code java -cp aiperf.jar bench/TurnaroundReport.java CONCURRENCY mock-requests.json profile_export.jsonl}.
 */
public class TurnaroundReport {

    public static void main(String[] args) throws Exception {
        int c = Integer.parseInt(args[0]);
        ObjectMapper json = new ObjectMapper();
        List<long[]> mock = new ArrayList<>();
        for (JsonNode r : json.readTree(new File(args[1])).get("requests")) {
            if (!r.path("end_ns").isNull()) {
                mock.add(new long[] {r.path("arrival_ns").asLong(), r.path("end_ns").asLong(),
                        r.path("connection").asLong()});
            }
        }
        long[] arrivals = mock.stream().mapToLong(r -> r[0]).sorted().toArray();
        long[] ends = mock.stream().mapToLong(r -> r[1]).sorted().toArray();
        print(c, "mock_slot", slotPairs(arrivals, ends, c));

        Map<Long, List<long[]>> byConnection = new TreeMap<>();
        mock.forEach(r -> byConnection.computeIfAbsent(r[2], k -> new ArrayList<>()).add(r));
        List<Long> perConnection = new ArrayList<>();
        for (List<long[]> requests : byConnection.values()) {
            requests.sort((a, b) -> Long.compare(a[0], b[0]));
            for (int i = 1; i < requests.size(); i++) {
                perConnection.add(requests.get(i)[0] - requests.get(i - 1)[1]);
            }
        }
        print(c, "mock_connection", perConnection.stream().mapToLong(Long::longValue).toArray());
        System.out.printf(Locale.ROOT, "%-5d %-20s %d connections for %d requests%n", c, "", byConnection.size(),
                mock.size());

        List<long[]> ours = new ArrayList<>();
        Map<String, List<long[]>> byWorker = new TreeMap<>();
        for (String line : Files.readAllLines(Path.of(args[2]))) {
            JsonNode meta = json.readTree(line).path("metadata");
            long[] r = {meta.path("request_start_ns").asLong(), meta.path("request_write_ns").asLong(-1),
                meta.path("request_end_ns").asLong()};
            ours.add(r);
            byWorker.computeIfAbsent(meta.path("worker_id").asText(), k -> new ArrayList<>()).add(r);
        }
        long[] ourEnds = ours.stream().mapToLong(r -> r[2]).sorted().toArray();
        if (ours.stream().allMatch(r -> r[1] >= 0)) {
            print(c, "ours_end_to_write", slotPairs(ours.stream().mapToLong(r -> r[1]).sorted().toArray(), ourEnds, c));
        }
        print(c, "ours_end_to_start", slotPairs(ours.stream().mapToLong(r -> r[0]).sorted().toArray(), ourEnds, c));
        if (byWorker.size() > 1) {
            // One JVM's clock only. A worker's slot count is how many requests it started before its first end.
            List<Long> gaps = new ArrayList<>();
            for (List<long[]> requests : byWorker.values()) {
                long[] workerStarts = requests.stream().mapToLong(r -> r[0]).sorted().toArray();
                long[] workerEnds = requests.stream().mapToLong(r -> r[2]).sorted().toArray();
                int slots = (int) Arrays.stream(workerStarts).filter(t -> t < workerEnds[0]).count();
                Arrays.stream(slotPairs(workerStarts, workerEnds, slots)).forEach(gaps::add);
            }
            print(c, "ours_same_worker", gaps.stream().mapToLong(Long::longValue).toArray());
            System.out.printf(Locale.ROOT, "%-5d %-20s %d worker JVMs%n", c, "", byWorker.size());
        }
    }

    /** next[k] - freed[k - c] for every k >= c. */
    private static long[] slotPairs(long[] next, long[] freed, int c) {
        int n = Math.min(next.length, freed.length + c);
        long[] gaps = new long[Math.max(0, n - c)];
        for (int k = c; k < n; k++) {
            gaps[k - c] = next[k] - freed[k - c];
        }
        return gaps;
    }

    private static void print(int c, String measure, long[] gapsNs) {
        if (gapsNs.length == 0) {
            return;
        }
        DescriptiveStatistics stats = new DescriptiveStatistics();
        Arrays.stream(gapsNs).forEach(g -> stats.addValue(g / 1e3));
        long negative = Arrays.stream(gapsNs).filter(g -> g < 0).count();
        System.out.printf(Locale.ROOT, "%-5d %-20s %6d %9.1f %9.1f %9.1f %9.1f%s%n", c, measure, stats.getN(),
                stats.getPercentile(50), stats.getPercentile(90), stats.getPercentile(99), stats.getMax(),
                negative > 0 ? "  (" + negative + " negative)" : "");
    }
}
