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
 *   <li>per worker_id: records and streams in flight (peak, and min/median/max over the seconds the run held at
 *   least 90 % of STREAMS) against the even share STREAMS / (local + joined workers);</li>
 *   <li>with joined workers (aiperf worker --controller …): the counts and the errors again, split by local and
 *   joined workers, and each joined worker's clock lines from its console;</li>
 *   <li>per JVM from bench/lib.sh's sample_cpu: CPU seconds, CPU per request, peak RSS, open-file limit; the
 *   client's JVMs summed.</li>
 * </ul>
 * {@code java -cp aiperf.jar bench/StreamsReport.java STREAMS CLK_TCK mock-requests.json profile_export.jsonl
 * profile_export_aiperf.json cpu.csv [LOCAL_WORKERS JOINED_IDS(comma-separated) JOINED_CONSOLE...]}.
 */
public class StreamsReport {

    private record Joined(String worker, long startNs, long endNs, double ttftErr, double itlErr, double startToWrite,
                          double writeToArrival, double blocked, double connecting) {
    }

    /** Linux's initial SYN retransmission timeout is 1 s: a connect this long lost its first SYN. */
    private static final double SYN_RTO_MS = 1000;

    /** The seconds a run "holds" its streams: at least this share of STREAMS in flight (ours). */
    private static final double HELD_SHARE = 0.9;

    /** Records of one group of workers (local or joined): how many, failed, and found in the mock's log. */
    private static final class GroupCounts {
        int records;
        int errored;
        int inMockLog;
    }

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
        int localWorkers = args.length > 6 ? Integer.parseInt(args[6]) : 0;
        List<String> joinedIds = args.length > 7 && !args[7].isBlank() ? List.of(args[7].split(",")) : List.of();
        List<Joined> rows = new ArrayList<>();
        Map<String, Integer> byWorker = new TreeMap<>();
        joinedIds.forEach(id -> byWorker.put(id, 0));
        Map<String, List<long[]>> spansByWorker = new TreeMap<>();
        Map<String, GroupCounts> byGroup = new LinkedHashMap<>();
        byGroup.put("local", new GroupCounts());
        byGroup.put("joined", new GroupCounts());
        int records = 0;
        int errored = 0;
        int unmatched = 0;
        try (BufferedReader lines = Files.newBufferedReader(Path.of(args[3]))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                JsonNode r = json.readTree(line);
                records++;
                JsonNode meta = r.path("metadata");
                String worker = meta.path("worker_id").asText("?");
                byWorker.merge(worker, 1, Integer::sum);
                if (meta.path("request_start_ns").isNumber() && meta.path("request_end_ns").isNumber()) {
                    spansByWorker.computeIfAbsent(worker, w -> new ArrayList<>()).add(new long[] {
                            meta.path("request_start_ns").asLong(), meta.path("request_end_ns").asLong()});
                }
                GroupCounts group = byGroup.get(joinedIds.contains(worker) ? "joined" : "local");
                group.records++;
                JsonNode mock = server.get(meta.path("x_request_id").asText());
                if (mock != null) {
                    group.inMockLog++;
                }
                if (!r.path("error").isMissingNode() && !r.path("error").isNull()) {
                    errored++;
                    group.errored++;
                    continue;
                }
                JsonNode ttft = r.at("/metrics/time_to_first_token/value");
                if (mock == null || ttft.isMissingNode() || mock.path("first_event_ns").isNull()) {
                    unmatched++;
                    continue;
                }
                rows.add(join(worker, meta, r.path("metrics"), mock));
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
        if (!joinedIds.isEmpty()) {
            print("local", rows.stream().filter(j -> !joinedIds.contains(j.worker())).toList());
            print("joined", rows.stream().filter(j -> joinedIds.contains(j.worker())).toList());
            for (var e : byGroup.entrySet()) {
                GroupCounts c = e.getValue();
                System.out.printf(Locale.ROOT, "%s workers: records %d, errored %d, found in the mock's log %d%n",
                        e.getKey(), c.records, c.errored, c.inMockLog);
            }
        }

        System.out.println("records per worker: " + byWorker);
        printWorkerShares(streams, localWorkers + joinedIds.size(), rows, byWorker, spansByWorker, joinedIds);
        for (int i = 8; i < args.length; i++) {
            printClockLines(Path.of(args[i]));
        }
        printJvms(Path.of(args[5]), tickS, records, streams);
    }

    /**
     * Each worker's streams in flight: its peak, and over the seconds the whole run held at least 90 % of STREAMS
     * its min/median/max, against the even share the slots would give it.
     */
    private static void printWorkerShares(int streams, int workers, List<Joined> rows, Map<String, Integer> records,
                                          Map<String, List<long[]>> spansByWorker, List<String> joinedIds) {
        if (rows.isEmpty()) {
            return;
        }
        long origin = rows.get(0).startNs();
        long last = rows.stream().mapToLong(Joined::endNs).max().orElse(origin);
        int seconds = (int) ((last - origin) / 1_000_000_000L) + 1;
        List<long[]> all = rows.stream().map(j -> new long[] {j.startNs(), j.endNs()}).toList();
        int[] total = inFlightBySecond(all, origin, seconds);
        List<Integer> held = new ArrayList<>();
        for (int s = 0; s < seconds; s++) {
            if (total[s] >= HELD_SHARE * streams) {
                held.add(s);
            }
        }
        int workerCount = Math.max(workers, records.size());
        System.out.printf(Locale.ROOT, "per worker, streams in flight (even share %d / %d = %d); held: the %d s with"
                        + " >= %.0f%% of %d in flight%n", streams, workerCount, streams / workerCount, held.size(),
                HELD_SHARE * 100, streams);
        System.out.printf(Locale.ROOT, "  %-16s %-7s %8s %6s %12s %12s %12s%n", "worker_id", "kind", "records",
                "peak", "held min", "held median", "held max");
        for (var e : records.entrySet()) {
            List<long[]> spans = spansByWorker.getOrDefault(e.getKey(), List.of());
            int[] bySecond = inFlightBySecond(spans, origin, seconds);
            DescriptiveStatistics during = new DescriptiveStatistics();
            held.forEach(s -> during.addValue(bySecond[s]));
            boolean none = during.getN() == 0;
            System.out.printf(Locale.ROOT, "  %-16s %-7s %8d %6d %12s %12s %12s%n", e.getKey(),
                    joinedIds.contains(e.getKey()) ? "joined" : "local", e.getValue(), peak(spans),
                    none ? "-" : String.format(Locale.ROOT, "%.0f", during.getMin()),
                    none ? "-" : String.format(Locale.ROOT, "%.0f", during.getPercentile(50)),
                    none ? "-" : String.format(Locale.ROOT, "%.0f", during.getMax()));
        }
    }

    /** A joined worker's console lines that say who it is and how well it knows the controller's clock. */
    private static void printClockLines(Path console) throws Exception {
        System.out.println("clock, " + console.getFileName() + ":");
        if (!Files.exists(console)) {
            System.out.println("  (no console)");
            return;
        }
        for (String line : Files.readAllLines(console)) {
            if (line.contains("known to") || line.contains("the run is over")) {
                System.out.println("  " + line.strip());
            }
        }
    }

    private static Joined join(String worker, JsonNode meta, JsonNode metrics, JsonNode mock) {
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
        return new Joined(worker, start, meta.path("request_end_ns").asLong(),
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
        // bench/lib.sh's sample_cpu notes each process's open-file limit once ("role pid soft hard").
        Map<String, String> nofile = new HashMap<>();
        Path limits = Path.of(samples + ".nofile");
        if (Files.exists(limits)) {
            for (String line : Files.readAllLines(limits)) {
                String[] f = line.split(" ");
                if (f.length == 4) {
                    nofile.put(f[0] + " (pid " + f[1] + ")", f[2] + "/" + f[3]);
                }
            }
        }
        System.out.printf(Locale.ROOT, "  %-28s %10s %16s %14s %14s%n", "process", "cpu_s", "cpu_us_per_request",
                "peak_rss_mib", "nofile (s/h)");
        long clientTicks = 0;
        long clientRssKb = 0;
        for (var e : last.entrySet()) {
            Jvm jvm = e.getValue();
            System.out.printf(Locale.ROOT, "  %-28s %10.2f %16.1f %14.0f %14s%n", e.getKey(), jvm.ticks() * tickS,
                    jvm.ticks() * tickS * 1e6 / requests, jvm.peakRssKb() / 1024.0,
                    nofile.getOrDefault(e.getKey(), "?"));
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
