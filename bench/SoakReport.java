import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The figures of bench/soak.sh: did every request the server saw become a record on disk, what went wrong by error
 * type, and did any JVM's memory grow. Run with the aiperf jar on the class path (Jackson):
 * {@code java -cp aiperf.jar bench/SoakReport.java MOCK_LOG JSONL SUMMARY_JSON CPU_CSV}.
 * Every line of the JSONL must parse on its own: a torn line is counted and reported, not skipped silently.
 */
public class SoakReport {

    public static void main(String[] args) throws IOException {
        ObjectMapper json = new ObjectMapper();
        int mockRequests = json.readTree(Path.of(args[0]).toFile()).path("requests").size();

        int lines = 0;
        int torn = 0;
        int profiling = 0;
        int failed = 0;
        Map<String, Integer> byType = new TreeMap<>();
        for (String line : Files.readAllLines(Path.of(args[1]))) {
            if (line.isBlank()) {
                continue;
            }
            lines++;
            JsonNode record;
            try {
                record = json.readTree(line);
            } catch (IOException e) {
                torn++;
                continue;
            }
            if (!"profiling".equals(record.path("metadata").path("benchmark_phase").asText())) {
                continue;
            }
            profiling++;
            JsonNode error = record.path("error");
            if (!error.isNull() && !error.isMissingNode()) {
                failed++;
                byType.merge(error.path("code").asText() + " " + error.path("type").asText(), 1, Integer::sum);
            }
        }

        JsonNode summary = json.readTree(Path.of(args[2]).toFile());
        long completed = summary.path("request_count").path("avg").asLong();
        long errors = summary.path("error_request_count").path("avg").asLong();

        System.out.printf(Locale.ROOT, "requests the mock received   %d%n", mockRequests);
        System.out.printf(Locale.ROOT, "records in the JSONL         %d (%d torn lines)%n", lines, torn);
        System.out.printf(Locale.ROOT, "summary: completed %d, errors %d, sum %d%n", completed, errors,
                completed + errors);
        System.out.printf(Locale.ROOT, "records on disk = requests received: %s%n",
                lines == mockRequests && torn == 0 ? "yes" : "NO");
        System.out.printf(Locale.ROOT, "profiling records %d, of which failed %d; summary agrees: %s%n", profiling,
                failed, profiling == completed + errors && failed == errors ? "yes" : "NO");
        System.out.println("errors by code and type (JSONL):");
        byType.forEach((k, v) -> System.out.printf(Locale.ROOT, "  %-50s %d%n", k, v));

        rss(Path.of(args[3]));
    }

    /** Each JVM's RSS at its first sample, at the middle of its life and at its last sample, in MiB. */
    private static void rss(Path cpuCsv) throws IOException {
        Map<String, List<long[]>> byRole = new LinkedHashMap<>();
        List<String> rows = Files.readAllLines(cpuCsv);
        for (String row : rows.subList(1, rows.size())) {
            String[] f = row.split(",");
            if (f.length < 6) {
                continue;
            }
            byRole.computeIfAbsent(f[2], k -> new ArrayList<>()).add(new long[] {Long.parseLong(f[0]),
                    Long.parseLong(f[5])});
        }
        System.out.println("RSS MiB      start   middle      end  samples");
        byRole.forEach((role, samples) -> System.out.printf(Locale.ROOT, "  %-20s %7.1f %8.1f %8.1f %8d%n", role,
                samples.get(0)[1] / 1024.0, samples.get(samples.size() / 2)[1] / 1024.0,
                samples.get(samples.size() - 1)[1] / 1024.0, samples.size()));
    }
}
