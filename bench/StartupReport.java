import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.commons.math3.stat.descriptive.DescriptiveStatistics;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * bench/startup.sh's table: where the time from launching `bin/aiperf profile` to the first request at the mock goes,
 * in ms since the launch, per run, then the median and max of the total. Sources: each JVM's start from /proc
 * (bench/lib.sh's samples; clock-tick resolution, 10 ms), aiperf.log lines (ms resolution), the first
 * request_start_ns in profile_export.jsonl (a worker took the first credit), and the mock's first arrival. JVM
 * starts count from the launched process's own start, the others from the launch epoch bench/startup.sh took.
 * A column is "-" when its source is missing. {@code java -cp aiperf.jar bench/StartupReport.java CLK_TCK RUN_DIR...},
 * each RUN_DIR holding launch_ns.txt, cpu.csv, mock-requests.json and aiperf/ (the artifact dir).
 */
public class StartupReport {

    private static final DateTimeFormatter LOG_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");
    private static final String[] COLUMNS = {"controller_jvm", "run_started", "records_jvm", "workers_jvm",
        "records_registered", "workers_warmed", "first_credit", "first_arrival"};

    public static void main(String[] args) throws Exception {
        double tickNs = 1e9 / Double.parseDouble(args[0]);
        ObjectMapper json = new ObjectMapper();
        System.out.printf(Locale.ROOT, "%-4s %7s", "run", "workers");
        for (String column : COLUMNS) {
            System.out.printf(Locale.ROOT, " %18s", column);
        }
        System.out.println("   (ms after launch)");
        List<Double> totals = new ArrayList<>();
        for (int run = 1; run < args.length; run++) {
            Path dir = Path.of(args[run]);
            long launch = Long.parseLong(Files.readString(dir.resolve("launch_ns.txt")).trim());
            // The latest start of each kind of JVM (its role is the service id: worker-0, worker-1, …), counted from
            // the start of the launched process (the CLI JVM; forked at the launch): /proc's boot time is too coarse.
            double[] jvm = {Double.NaN, Double.NaN, Double.NaN};
            List<String[]> samples = Files.readAllLines(dir.resolve("cpu.csv")).stream().skip(1)
                    .map(line -> line.split(",")).toList();
            long cliStart = samples.stream().filter(f -> f[2].equals("cli")).mapToLong(f -> Long.parseLong(f[4]))
                    .findFirst().orElseThrow();
            for (String[] f : samples) {
                int kind = f[2].equals("system-controller") ? 0 : f[2].equals("records-manager") ? 1
                        : f[2].startsWith("worker") ? 2 : -1;
                if (kind >= 0) {
                    double at = (Long.parseLong(f[4]) - cliStart) * tickNs / 1e6;
                    jvm[kind] = Double.isNaN(jvm[kind]) ? at : Math.max(jvm[kind], at);
                }
            }
            List<String> log = Files.readAllLines(dir.resolve("aiperf/logs/aiperf.log"));
            double firstCredit = Double.NaN;
            for (String line : Files.readAllLines(dir.resolve("aiperf/profile_export.jsonl"))) {
                double start = (json.readTree(line).at("/metadata/request_start_ns").asLong() - launch) / 1e6;
                firstCredit = Double.isNaN(firstCredit) ? start : Math.min(firstCredit, start);
            }
            double firstArrival = Double.NaN;
            for (JsonNode r : json.readTree(new File(dir.resolve("mock-requests.json").toString())).get("requests")) {
                double at = (r.path("arrival_epoch_ns").asLong() - launch) / 1e6;
                firstArrival = Double.isNaN(firstArrival) ? at : Math.min(firstArrival, at);
            }
            double[] row = {jvm[0], lastLogLine(log, launch, l -> l.contains("starting run")), jvm[1], jvm[2],
                lastLogLine(log, launch, l -> l.contains("records-manager (pid")),
                lastLogLine(log, launch, l -> l.contains("warmed its request path")), firstCredit, firstArrival};
            long workers = samples.stream().map(f -> f[2]).filter(r -> r.startsWith("worker")).distinct().count();
            System.out.printf(Locale.ROOT, "%-4d %7d", run, workers);
            for (double v : row) {
                System.out.printf(Locale.ROOT, " %18s", Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.0f", v));
            }
            System.out.println();
            totals.add(firstArrival);
        }
        DescriptiveStatistics total = new DescriptiveStatistics(totals.stream().mapToDouble(Double::doubleValue)
                .toArray());
        System.out.printf(Locale.ROOT, "launch -> first request at the mock over %d runs: median %.0f ms, max %.0f ms%n",
                total.getN(), total.getPercentile(50), total.getMax());
    }

    /** ms after launch of the last aiperf.log line that matches (the last worker to warm up, say); NaN if none. */
    private static double lastLogLine(List<String> log, long launchEpochNs, Predicate<String> matches) {
        double last = Double.NaN;
        for (String line : log) {
            if (line.length() > 23 && matches.test(line)) {
                long epochMs = LocalDateTime.parse(line.substring(0, 23), LOG_TIME).atZone(ZoneId.systemDefault())
                        .toInstant().toEpochMilli();
                last = (epochMs * 1e6 - launchEpochNs) / 1e6;
            }
        }
        return last;
    }
}
