package io.aiperf.records.export;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aiperf.records.aggregate.MetricResult;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Writes the time-slice exports (reference §6.7).
 * <ul>
 *   <li>JSON: {@code {"timeslices":[{"timeslice_index":0,"start_ns":…,"end_ns":…,"<tag>":{"unit","avg","p1",…,
 *       "min","max","std"},…},…],"input_config":{…}}} (metric objects exactly as in
 *       {@code profile_export_aiperf.json}, same order; {@code start_ns}/{@code end_ns}, the slice's wall-clock
 *       bounds in epoch nanoseconds, are ours);</li>
 *   <li>CSV, tidy: {@code Timeslice,Metric,Unit,Stat,Value}, one row per slice, metric and statistic, e.g.
 *       {@code 0,Time to First Token,ms,avg,45.23}; metrics sorted as in the summary CSV, statistics in JSON order,
 *       values {@code %.2f} (whole token and request counts as integers), quoted and ended as {@link CsvSection}
 *       says.</li>
 * </ul>
 */
public final class TimeSliceExporter {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private TimeSliceExporter() {
    }

    public static void writeJson(Path file, List<TimeSlices.Slice> slices, RunInfo run) throws IOException {
        Files.writeString(file, toJson(slices, run) + "\n", StandardCharsets.UTF_8);
    }

    public static void writeCsv(Path file, List<TimeSlices.Slice> slices) throws IOException {
        Files.writeString(file, toCsv(slices), StandardCharsets.UTF_8);
    }

    public static String toJson(List<TimeSlices.Slice> slices, RunInfo run) {
        ObjectNode root = MAPPER.createObjectNode();
        ArrayNode array = root.putArray("timeslices");
        for (TimeSlices.Slice slice : slices) {
            ObjectNode node = array.addObject();
            node.put("timeslice_index", slice.index());
            node.put("start_ns", slice.startEpochNs());
            node.put("end_ns", slice.endEpochNs());
            for (MetricResult result : SummaryJsonExporter.exportOrder(slice.summary())) {
                SummaryJsonExporter.putMetric(node, result);
            }
        }
        root.set("input_config", InputConfigJson.toJson(run.config(), MAPPER));
        try {
            return MAPPER.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String toCsv(List<TimeSlices.Slice> slices) {
        StringWriter csv = new StringWriter();
        try (CsvSection section = CsvSection.start(csv, List.of("Timeslice", "Metric", "Unit", "Stat", "Value"))) {
            for (TimeSlices.Slice slice : slices) {
                List<MetricResult> results = new ArrayList<>();
                for (MetricResult result : slice.summary().metrics()) {
                    if (result.spec().exported()) {
                        results.add(result);
                    }
                }
                results.sort(SummaryCsvExporter.CSV_ORDER);
                for (MetricResult result : results) {
                    for (String stat : MetricResult.JSON_STATS) {
                        Double value = result.stat(stat);
                        if (value == null || !Double.isFinite(value)) {
                            continue;
                        }
                        String shown = result.singleValue() && "avg".equals(stat)
                                ? SummaryCsvExporter.wholeOrDecimal(result, value)
                                : String.format(Locale.ROOT, "%.2f", value);
                        section.row(List.of(Integer.toString(slice.index()), result.spec().header(),
                                result.spec().displayUnit().label(), stat, shown));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringWriter does not fail
        }
        return csv.toString();
    }
}
