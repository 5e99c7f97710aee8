import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.commons.math3.stat.descriptive.DescriptiveStatistics;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * One concurrency level of bench/ttft-error.sh: aiperf's timing against the mock's own clock, joined by X-Request-ID
 * (the {@code x_request_id} of profile_export.jsonl's metadata and of the mock's log). Per request, in ms:
 * <ul>
 *   <li>ttft_err = time_to_first_token - (mock's first SSE event written - mock's request received): the time our
 *   TTFT holds that the server did not spend (our start to our write, the loopback both ways, our read and parse);
 *   both terms are one process's monotonic clock, so no clock offset enters;</li>
 *   <li>latency_err = request_latency - (mock's end written - request received), likewise;</li>
 *   <li>start_to_write = request_write_ns - request_start_ns: ours alone, credit taken to request bytes handed to
 *   the socket;</li>
 *   <li>write_to_arrival = mock's arrival epoch - request_write_ns: two processes' epoch clocks (ours anchored once
 *   per JVM, the mock's read per request) on one host, so indicative to a few µs plus any NTP slew since our
 *   anchor.</li>
 * </ul>
 * Printed for the first wave (the first CONCURRENCY requests by start: every slot's first request), the rest, and
 * all. {@code java -cp aiperf.jar bench/TtftErrorReport.java CONCURRENCY mock-requests.json profile_export.jsonl}.
 */
public class TtftErrorReport {

    private record Joined(long startNs, double ttftErr, double latencyErr, double startToWrite, double writeToArrival) {
    }

    public static void main(String[] args) throws Exception {
        int concurrency = Integer.parseInt(args[0]);
        ObjectMapper json = new ObjectMapper();
        Map<String, JsonNode> server = new HashMap<>();
        for (JsonNode r : json.readTree(new File(args[1])).get("requests")) {
            server.put(r.path("x_request_id").asText(), r);
        }
        List<Joined> rows = new ArrayList<>();
        int unmatched = 0;
        for (String line : Files.readAllLines(Path.of(args[2]))) {
            JsonNode r = json.readTree(line);
            JsonNode meta = r.path("metadata");
            JsonNode mock = server.get(meta.path("x_request_id").asText());
            JsonNode ttft = r.at("/metrics/time_to_first_token/value");
            if (mock == null || ttft.isMissingNode() || mock.path("first_event_ns").isNull()
                    || mock.path("end_ns").isNull()) {
                unmatched++;
                continue;
            }
            long arrival = mock.path("arrival_ns").asLong();
            double serverTtft = (mock.path("first_event_ns").asLong() - arrival) / 1e6;
            double serverLatency = (mock.path("end_ns").asLong() - arrival) / 1e6;
            long start = meta.path("request_start_ns").asLong();
            JsonNode write = meta.path("request_write_ns");
            rows.add(new Joined(start, ttft.asDouble() - serverTtft,
                    r.at("/metrics/request_latency/value").asDouble() - serverLatency,
                    write.isNumber() ? (write.asLong() - start) / 1e6 : Double.NaN,
                    write.isNumber() ? (mock.path("arrival_epoch_ns").asLong() - write.asLong()) / 1e6 : Double.NaN));
        }
        rows.sort(Comparator.comparingLong(Joined::startNs));
        int first = Math.min(concurrency, rows.size());
        print(concurrency, "first", rows.subList(0, first));
        print(concurrency, "rest", rows.subList(first, rows.size()));
        print(concurrency, "all", rows);
        if (unmatched > 0) {
            System.out.printf(Locale.ROOT, "%-6d (%d records without a TTFT or a matching mock record left out)%n",
                    concurrency, unmatched);
        }
    }

    private static void print(int concurrency, String group, List<Joined> rows) {
        if (rows.isEmpty()) {
            return;
        }
        print(concurrency, group, rows, "ttft_err", Joined::ttftErr);
        print(concurrency, group, rows, "latency_err", Joined::latencyErr);
        print(concurrency, group, rows, "start_to_write", Joined::startToWrite);
        print(concurrency, group, rows, "write_to_arrival", Joined::writeToArrival);
    }

    private static void print(int concurrency, String group, List<Joined> rows, String measure,
                              ToDoubleFunction<Joined> value) {
        DescriptiveStatistics stats = new DescriptiveStatistics();
        rows.stream().mapToDouble(value).filter(v -> !Double.isNaN(v)).forEach(stats::addValue);
        if (stats.getN() == 0) {
            return;
        }
        System.out.printf(Locale.ROOT, "%-6d %-6s %6d %-17s %8.3f %8.3f %8.3f %8.3f%n", concurrency, group,
                stats.getN(), measure, stats.getPercentile(50), stats.getPercentile(90), stats.getPercentile(99),
                stats.getMax());
    }
}
