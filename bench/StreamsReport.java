import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.commons.math3.stat.descriptive.DescriptiveStatistics;

import java.io.BufferedReader;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;

/**
 * bench/streams-10k.sh's figures: one streaming run of STREAMS concurrent streams, aiperf's view against the mock's
 * own log (GET /mock/requests), joined by X-Request-ID.
 * <ul>
 *   <li>counts: requests the mock saw (and dropped from its log), aiperf's request_count, records in
 *   profile_export.jsonl, errored records, the mock's peak concurrency;</li>
 *   <li>concurrency by second: streams in flight at each whole second after the first start, from the records
 *   (request_start_ns to request_end_ns) and from the mock's log (arrival to end written, its epoch clock);</li>
 *   <li>per request, ms, absolute error against the mock: ttft_err = |time_to_first_token - (first SSE event written
 *   - request received)|; itl_err = |inter_token_latency - (token events' last - first) / (tokens - 1)|, for the
 *   requests whose every event the mock stamped (its first 10,000); and two signed parts of a TTFT error:
 *   start_to_write (ours: credit taken to bytes handed to the socket) and write_to_arrival (the mock's arrival
 *   epoch - our write epoch: two processes' clocks, indicative), and with --export-http-trace our http_req_blocked
 *   and http_req_connecting, with the count of connects of a second or more (a lost SYN sent again). Groups: the first wave (the first STREAMS requests
 *   by start: each opens its connection), the rest, all;</li>
 *   <li>records per worker_id (the share each worker carried);</li>
 *   <li>per JVM from bench/lib.sh's sample_cpu: CPU seconds, CPU per request, peak RSS; the client's JVMs summed.</li>
 * </ul>
 * {@code java -cp aiperf.jar bench/StreamsReport.java STREAMS CLK_TCK mock-requests.json profile_export.jsonl
 * profile_export_aiperf.json cpu.csv}.
 */
public class StreamsReport {

    private record Joined(long startNs, long endNs, double ttftErr, double itlErr, double startToWrite,
                          double writeToArrival, double blocked, double connecting) {
    }

    /** Linux's initial SYN retransmission timeout is 1 s: a connect this long lost its first SYN. */
    private static final double SYN_RTO_MS = 1000;

    public static void main(String[] args) throws Exception {
        int streams = Integer.parseInt(args[0]);
        double tickS = 1 / Double.parseDouble(args[1]);
        ObjectMapper json = new ObjectMapper();
        JsonNode log = json.readTree(new File(args[2]));
        Map<String, JsonNode> server = new HashMap<>();
        List<long[]> serverSpans = new ArrayList<>();
        for (JsonNode r : log.get("requests")) {
            server.put(r.path("x_request_id").asText(), r);
            if (!r.path("end_ns").isNull()) {
                long arrivalEpoch = r.path("arrival_epoch_ns").asLong();
                serverSpans.add(new long[] {arrivalEpoch,
                        arrivalEpoch + r.path("end_ns").asLong() - r.path("arrival_ns").asLong()});
            }
        }
        List<Joined> rows = new ArrayList<>();
        Map<String, Integer> byWorker = new TreeMap<>();
        int records = 0;
        int errored = 0;
        int unmatched = 0;
        try (BufferedReader lines = Files.newBufferedReader(Path.of(args[3]))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                JsonNode r = json.readTree(line);
                records++;
                JsonNode meta = r.path("metadata");
                byWorker.merge(meta.path("worker_id").asText("?"), 1, Integer::sum);
                if (!r.path("error").isMissingNode() && !r.path("error").isNull()) {
                    errored++;
                    continue;
                }
                JsonNode mock = server.get(meta.path("x_request_id").asText());
                JsonNode ttft = r.at("/metrics/time_to_first_token/value");
                if (mock == null || ttft.isMissingNode() || mock.path("first_event_ns").isNull()) {
                    unmatched++;
                    continue;
                }
                rows.add(join(meta, r.path("metrics"), mock));
            }
        }
        rows.sort(Comparator.comparingLong(Joined::startNs));

        JsonNode summary = json.readTree(new File(args[4]));
        System.out.printf(Locale.ROOT, "counts: mock saw %d requests (%d dropped from its log), aiperf request_count"
                        + " %.0f, records %d, errored %d, error_summary entries %d, mock peak concurrency %d%n",
                log.get("requests").size(), log.path("dropped").asLong(),
                summary.at("/request_count/avg").asDouble(), records, errored, summary.path("error_summary").size(),
                log.path("peak_concurrency").asInt());
        if (unmatched > 0) {
            System.out.printf(Locale.ROOT, "  (%d records without a TTFT or a matching mock record left out)%n",
                    unmatched);
        }

        printConcurrency(streams, rows, serverSpans);

        System.out.printf(Locale.ROOT, "%-6s %6s %-22s %9s %9s %9s %9s%n", "group", "n", "error vs mock (ms)",
                "p50", "p90", "p99", "max");
        int first = Math.min(streams, rows.size());
        print("first", rows.subList(0, first));
        print("rest", rows.subList(first, rows.size()));
        print("all", rows);

        System.out.println("records per worker: " + byWorker);
        printJvms(Path.of(args[5]), tickS, records, streams);
    }

    private static Joined join(JsonNode meta, JsonNode metrics, JsonNode mock) {
        long arrival = mock.path("arrival_ns").asLong();
        double serverTtft = (mock.path("first_event_ns").asLong() - arrival) / 1e6;
        double itlErr = Double.NaN;
        JsonNode stamps = mock.path("event_ns");
        int tokens = metrics.at("/output_sequence_length/value").asInt();
        JsonNode itl = metrics.at("/inter_token_latency/value");
        // event_ns also holds the closing event (usage, finish): the tokens are its first `tokens` stamps.
        if (stamps.isArray() && tokens > 1 && stamps.size() >= tokens && itl.isNumber()) {
            double serverItl = (stamps.get(tokens - 1).asLong() - stamps.get(0).asLong()) / 1e6 / (tokens - 1);
            itlErr = Math.abs(itl.asDouble() - serverItl);
        }
        long start = meta.path("request_start_ns").asLong();
        JsonNode write = meta.path("request_write_ns");
        return new Joined(start, meta.path("request_end_ns").asLong(),
                Math.abs(metrics.at("/time_to_first_token/value").asDouble() - serverTtft), itlErr,
                write.isNumber() ? (write.asLong() - start) / 1e6 : Double.NaN,
                write.isNumber() ? (mock.path("arrival_epoch_ns").asLong() - write.asLong()) / 1e6 : Double.NaN,
                metrics.at("/http_req_blocked/value").asDouble(Double.NaN),
                metrics.at("/http_req_connecting/value").asDouble(Double.NaN));
    }

    /** In flight at each whole second after the first start: ours (records) and the mock's (its log). */
    private static void printConcurrency(int streams, List<Joined> rows, List<long[]> serverSpans) {
        if (rows.isEmpty()) {
            return;
        }
        long origin = rows.get(0).startNs();
        List<long[]> ours = rows.stream().map(j -> new long[] {j.startNs(), j.endNs()}).toList();
        long last = rows.stream().mapToLong(Joined::endNs).max().orElse(origin);
        int seconds = (int) ((last - origin) / 1_000_000_000L) + 1;
        int[] oursBySecond = inFlightBySecond(ours, origin, seconds);
        int[] serverBySecond = inFlightBySecond(serverSpans, origin, seconds);
        System.out.printf(Locale.ROOT, "in flight by second after the first start (ours / mock's), target %d:%n",
                streams);
        StringBuilder line = new StringBuilder();
        for (int s = 0; s < seconds; s++) {
            line.append(String.format(Locale.ROOT, " %3ds %5d/%-5d", s, oursBySecond[s], serverBySecond[s]));
            if (s % 6 == 5 || s == seconds - 1) {
                System.out.println(line);
                line.setLength(0);
            }
        }
        int atTarget = (int) Arrays.stream(oursBySecond).filter(n -> n >= streams).count();
        long reached = firstAt(ours, streams);
        System.out.printf(Locale.ROOT, "  ours: peak %d, %d s of %d at %d; %d in flight %s after the first start;"
                        + " mock: peak %d%n", peak(ours), atTarget, seconds, streams, streams,
                reached < 0 ? "never" : String.format(Locale.ROOT, "%.2f s", (reached - origin) / 1e9),
                peak(serverSpans));
    }

    private static int[] inFlightBySecond(List<long[]> spans, long origin, int seconds) {
        int[] counts = new int[seconds];
        for (int s = 0; s < seconds; s++) {
            long t = origin + s * 1_000_000_000L;
            int n = 0;
            for (long[] span : spans) {
                if (span[0] <= t && t < span[1]) {
                    n++;
                }
            }
            counts[s] = n;
        }
        return counts;
    }

    private static long[][] events(List<long[]> spans) {
        long[][] events = new long[spans.size() * 2][];
        int i = 0;
        for (long[] span : spans) {
            events[i++] = new long[] {span[0], 1};
            events[i++] = new long[] {span[1], -1};
        }
        // An end before a start at the same instant: a freed slot's next request does not count twice.
        Arrays.sort(events, (a, b) -> a[0] != b[0] ? Long.compare(a[0], b[0]) : Long.compare(a[1], b[1]));
        return events;
    }

    private static int peak(List<long[]> spans) {
        int now = 0;
        int peak = 0;
        for (long[] e : events(spans)) {
            now += (int) e[1];
            peak = Math.max(peak, now);
        }
        return peak;
    }

    /** When {@code target} streams were first in flight at once, or -1. */
    private static long firstAt(List<long[]> spans, int target) {
        int now = 0;
        for (long[] e : events(spans)) {
            now += (int) e[1];
            if (now >= target) {
                return e[0];
            }
        }
        return -1;
    }

    private static void print(String group, List<Joined> rows) {
        if (rows.isEmpty()) {
            return;
        }
        print(group, rows, "ttft_err (abs)", Joined::ttftErr);
        print(group, rows, "itl_err (abs)", Joined::itlErr);
        print(group, rows, "start_to_write", Joined::startToWrite);
        print(group, rows, "write_to_arrival", Joined::writeToArrival);
        print(group, rows, "http_req_blocked", Joined::blocked);
        print(group, rows, "http_req_connecting", Joined::connecting);
        long retransmitted = rows.stream().filter(j -> j.connecting() >= SYN_RTO_MS).count();
        if (retransmitted > 0) {
            System.out.printf(Locale.ROOT, "%-6s %6d connects took >= %d ms (a SYN sent again: the server's accept"
                    + " queue was full)%n", group, retransmitted, (long) SYN_RTO_MS);
        }
    }

    private static void print(String group, List<Joined> rows, String measure, ToDoubleFunction<Joined> value) {
        DescriptiveStatistics stats = new DescriptiveStatistics();
        rows.stream().mapToDouble(value).filter(v -> !Double.isNaN(v)).forEach(stats::addValue);
        if (stats.getN() == 0) {
            return;
        }
        System.out.printf(Locale.ROOT, "%-6s %6d %-22s %9.3f %9.3f %9.3f %9.3f%n", group, stats.getN(), measure,
                stats.getPercentile(50), stats.getPercentile(90), stats.getPercentile(99), stats.getMax());
    }

    /** CPU and peak RSS of each sampled JVM; the client's (all but the mock) summed, per request. */
    private static void printJvms(Path samples, double tickS, int requests, int streams) throws Exception {
        record Jvm(String role, long ticks, long peakRssKb) {
        }
        Map<String, Jvm> last = new LinkedHashMap<>();
        List<String> lines = Files.readAllLines(samples);
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            String key = f[2] + " (pid " + f[1] + ")";
            Jvm before = last.get(key);
            long rss = Long.parseLong(f[5]);
            last.put(key, new Jvm(f[2], Long.parseLong(f[3]), before == null ? rss : Math.max(rss, before.peakRssKb())));
        }
        System.out.printf(Locale.ROOT, "  %-28s %10s %16s %14s%n", "process", "cpu_s", "cpu_us_per_request",
                "peak_rss_mib");
        long clientTicks = 0;
        long clientRssKb = 0;
        for (var e : last.entrySet()) {
            Jvm jvm = e.getValue();
            System.out.printf(Locale.ROOT, "  %-28s %10.2f %16.1f %14.0f%n", e.getKey(), jvm.ticks() * tickS,
                    jvm.ticks() * tickS * 1e6 / requests, jvm.peakRssKb() / 1024.0);
            if (!jvm.role().equals("mock")) {
                clientTicks += jvm.ticks();
                clientRssKb += jvm.peakRssKb();
            }
        }
        System.out.printf(Locale.ROOT, "  %-28s %10.2f %16.1f %14.0f   (%.1f KiB of peak RSS per stream)%n",
                "client (all aiperf JVMs)", clientTicks * tickS, clientTicks * tickS * 1e6 / requests,
                clientRssKb / 1024.0, (double) clientRssKb / streams);
    }
}
