import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * One row of bench/warmup-ttft.sh: the TTFT of the first N requests by send time, then the median and maximum of the
 * rest. {@code java -cp aiperf.jar bench/TtftReport.java N profile_export.jsonl}.
 */
public class TtftReport {
    public static void main(String[] args) throws Exception {
        int first = Integer.parseInt(args[0]);
        ObjectMapper json = new ObjectMapper();
        List<double[]> rows = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of(args[1]))) {
            JsonNode r = json.readTree(line);
            JsonNode ttft = r.at("/metrics/time_to_first_token/value");
            if (!ttft.isMissingNode()) {
                rows.add(new double[] {r.at("/metadata/request_start_ns").asDouble(), ttft.asDouble()});
            }
        }
        rows.sort(Comparator.comparingDouble(a -> a[0]));
        int n = Math.min(first, rows.size());
        String head = rows.subList(0, n).stream().map(a -> String.format(Locale.ROOT, "%.0f", a[1]))
                .collect(Collectors.joining(" "));
        double[] rest = rows.subList(n, rows.size()).stream().mapToDouble(a -> a[1]).sorted().toArray();
        String tail = rest.length == 0 ? "-" : String.format(Locale.ROOT, "%.1f / %.1f", rest[rest.length / 2],
                rest[rest.length - 1]);
        System.out.println(String.format(Locale.ROOT, "%-22s %-22s", head, tail));
    }
}
