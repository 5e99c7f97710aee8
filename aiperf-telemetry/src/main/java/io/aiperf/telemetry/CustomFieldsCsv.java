package io.aiperf.telemetry;

import io.aiperf.core.config.GpuFieldSpec;
import io.aiperf.telemetry.gpu.GpuField;
import io.aiperf.telemetry.gpu.GpuFields;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A dcgm-exporter collectors CSV ({@code --gpu-telemetry FILE.csv}): one field a line, {@code DCGM_FI_X, type, help},
 * {@code #} comments and blank lines ignored. The type is {@code gauge} or {@code counter}; dcgm-exporter's
 * {@code label} rows add a label to other metrics rather than a metric of their own, so there is nothing to read
 * and they are skipped with a word like any other bad row. AIPerf skips a bad row and goes on, so a run is not lost
 * to one typo; each one becomes a problem naming the file and line.
 *
 * <p>A row naming a standard field is passed over without a word: the exporter's own default CSV lists those, and
 * pasting it is the easy way to start a custom one. A name given twice is kept once, as first given.
 */
public final class CustomFieldsCsv {

    /** The rows' good fields, in the file's order, and one line per bad row. */
    public record Result(List<GpuFieldSpec> fields, List<String> problems) {

        public Result {
            fields = List.copyOf(fields);
            problems = List.copyOf(problems);
        }
    }

    /** A DCGM field's name as dcgm-exporter takes it: a Prometheus metric name under {@code DCGM_FI_}. */
    private static final Pattern NAME = Pattern.compile("DCGM_FI_[A-Za-z0-9_]+");

    private CustomFieldsCsv() {
    }

    /** @throws IOException when the file cannot be read (missing, a directory, no permission) */
    public static Result parse(Path file) throws IOException {
        return parse(file.toString(), Files.readAllLines(file, StandardCharsets.UTF_8));
    }

    /** @param source the file's name, for the problems */
    static Result parse(String source, List<String> lines) {
        List<GpuFieldSpec> fields = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        Set<String> names = new HashSet<>();
        Map<String, String> tags = new HashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (i == 0 && line.startsWith("\uFEFF")) {
                line = line.substring(1).strip(); // a byte-order mark from an editor
            }
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String where = source + " line " + (i + 1) + ": ";
            String[] cols = line.split(",", 3); // the help text may hold commas of its own
            String name = cols[0].strip();
            if (cols.length < 2 || name.isEmpty()) {
                problems.add(where + "expected 'DCGM_FI_X, gauge|counter, help'; row skipped");
                continue;
            }
            if (!NAME.matcher(name).matches()) {
                problems.add(where + "'" + name + "' is not a DCGM field name (DCGM_FI_...); row skipped");
                continue;
            }
            String type = cols[1].strip().toLowerCase(Locale.ROOT);
            if (type.equals("label")) {
                problems.add(where + name + " has type label, which adds a label rather than a metric; row skipped");
                continue;
            }
            if (!type.equals("gauge") && !type.equals("counter")) {
                problems.add(where + "type '" + cols[1].strip() + "' of " + name
                        + " is not gauge or counter; row skipped");
                continue;
            }
            if (GpuFields.isStandard(name) || !names.add(name)) {
                continue;
            }
            String tag = GpuField.tagOf(name);
            String taken = tags.putIfAbsent(tag, name);
            if (taken != null || isStandardTag(tag)) {
                problems.add(where + name + " would be reported as '" + tag + "', which "
                        + (taken != null ? taken : "a standard field") + " already is; row skipped");
                continue;
            }
            fields.add(new GpuFieldSpec(name, type.equals("counter"), cols.length > 2 ? cols[2].strip() : ""));
        }
        return new Result(fields, problems);
    }

    private static boolean isStandardTag(String tag) {
        return GpuFields.STANDARD.all().stream().anyMatch(f -> f.tag().equals(tag));
    }
}
