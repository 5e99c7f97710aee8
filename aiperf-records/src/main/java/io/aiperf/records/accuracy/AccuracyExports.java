package io.aiperf.records.accuracy;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aiperf.core.config.AccuracyConfig;
import io.aiperf.core.config.OutputConfig;
import io.aiperf.core.message.RequestRecord;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * An accuracy run's files: {@code accuracy_export.jsonl} (or {@code <prefix>_accuracy.jsonl}), one graded response a
 * line as it is graded, and at the end {@code accuracy_results.csv} ({@code task,total,passed,unparsed,accuracy_rate,
 * unparsed_rate}, one row per task and {@code OVERALL}). Written whatever the export level: they are the run's
 * result. Single writer: the records sink thread, then the thread that finishes the run.
 */
public final class AccuracyExports implements Closeable {

    public static final String RECORDS_JSONL = "accuracy_export.jsonl";
    public static final String RESULTS_CSV = "accuracy_results.csv";

    private static final ObjectMapper JSON = new ObjectMapper()
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);

    private final AnswerKey key;
    private final boolean verbose;
    private final Path jsonl;
    private final Path csv;
    private final BufferedWriter out;
    private final AccuracyTally tally = new AccuracyTally();
    private final List<String> details = new ArrayList<>();

    public AccuracyExports(AnswerKey key, AccuracyConfig config, OutputConfig output) throws IOException {
        this.key = key;
        this.verbose = config.verbose();
        Path dir = Path.of(output.artifactDir());
        String prefix = output.exportPrefix();
        this.jsonl = dir.resolve(prefix == null ? RECORDS_JSONL : prefix + "_accuracy.jsonl");
        this.csv = dir.resolve(RESULTS_CSV);
        Files.createDirectories(dir);
        this.out = Files.newBufferedWriter(jsonl, StandardCharsets.UTF_8);
    }

    /** Grades one profiling record and writes its line; a record that is not gradable is skipped. */
    public void accept(RequestRecord record, String processorId, long nowEpochNs) throws IOException {
        AccuracyRecord r = key.grade(record, processorId, nowEpochNs);
        if (r == null) {
            return;
        }
        JSON.writeValue(out, line(r));
        out.write('\n');
        tally.add(r);
        if (verbose) {
            details.add(String.format(Locale.ROOT, "%s [%s] %s expected '%s' got '%s'%s", r.conversationId(),
                    r.task(), r.passed() ? "PASS" : "FAIL", r.expected(), r.actual(),
                    r.unparsed() ? " (unparsed)" : ""));
        }
    }

    public void flush() throws IOException {
        out.flush();
    }

    @Override
    public void close() throws IOException {
        out.close();
    }

    public AccuracyTally tally() {
        return tally;
    }

    /** Writes {@code accuracy_results.csv}. */
    public void writeResults() throws IOException {
        Files.writeString(csv, resultsCsv(tally), StandardCharsets.UTF_8);
    }

    /** The CSV text of a tally. */
    static String resultsCsv(AccuracyTally tally) {
        StringBuilder b = new StringBuilder("task,total,passed,unparsed,accuracy_rate,unparsed_rate\n");
        for (AccuracyTally.TaskResult t : tally.results()) {
            b.append(quoted(t.task())).append(',').append(t.total()).append(',').append(t.passed()).append(',')
                    .append(t.unparsed()).append(',').append(t.accuracyRate()).append(',')
                    .append(t.unparsedRate()).append('\n');
        }
        return b.toString();
    }

    /** The console table, and with {@code --accuracy-verbose} one line per graded response after it. */
    public String report(boolean unicode) {
        StringBuilder b = new StringBuilder(AccuracyTable.render(tally, unicode));
        if (verbose && !details.isEmpty()) {
            b.append('\n');
            details.forEach(d -> b.append(d).append('\n'));
        }
        return b.toString();
    }

    /** The trailer lines naming the files. */
    public List<String> trailer() {
        return List.of("Accuracy CSV Export: " + csv, "Accuracy JSONL Export: " + jsonl);
    }

    private static java.util.Map<String, Object> line(AccuracyRecord r) {
        java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("session_num", r.sessionNum());
        m.put("conversation_id", r.conversationId());
        m.put("x_request_id", r.xRequestId());
        m.put("worker_id", r.workerId());
        m.put("benchmark_phase", r.benchmarkPhase());
        m.put("timestamp_ns", r.timestampNs());
        m.put("task", r.task());
        m.put("grader_name", r.graderName());
        m.put("passed", r.passed());
        m.put("unparsed", r.unparsed());
        m.put("confidence", r.confidence());
        m.put("expected", r.expected());
        m.put("actual", r.actual());
        m.put("explanation", r.explanation());
        m.put("model_output", r.modelOutput());
        m.put("model_thinking", r.modelThinking());
        return m;
    }

    private static String quoted(String field) {
        return field.contains(",") || field.contains("\"") ? '"' + field.replace("\"", "\"\"") + '"' : field;
    }
}
