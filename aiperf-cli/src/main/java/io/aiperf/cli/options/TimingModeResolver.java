package io.aiperf.cli.options;

import io.aiperf.core.config.TimingMode;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Picks the timing mode in AIPerf's order; the first rule that applies wins:
 * <ol>
 *   <li>{@code --fixed-schedule} → {@link TimingMode#FIXED_SCHEDULE};</li>
 *   <li>a trace input whose first entry has a timestamp → {@link TimingMode#FIXED_SCHEDULE} (auto-detected);</li>
 *   <li>{@code --user-centric-rate} → {@link TimingMode#USER_CENTRIC_RATE};</li>
 *   <li>otherwise {@link TimingMode#REQUEST_RATE} (paced by {@code --request-rate}, or a concurrency burst).</li>
 * </ol>
 */
final class TimingModeResolver {

    /**
     * @param mode         the chosen mode
     * @param autoDetected the fixed schedule was switched on by the input file, not by {@code --fixed-schedule}
     */
    record Decision(TimingMode mode, boolean autoDetected) {
    }

    private TimingModeResolver() {
    }

    static Decision resolve(InputOptions in, InputSelection input, LoadOptions load) {
        if (in.fixedSchedule) {
            return new Decision(TimingMode.FIXED_SCHEDULE, false);
        }
        if (traceWithTimestamps(input)) {
            return new Decision(TimingMode.FIXED_SCHEDULE, true);
        }
        if (load.userCentricRate != null) {
            return new Decision(TimingMode.USER_CENTRIC_RATE, false);
        }
        return new Decision(TimingMode.REQUEST_RATE, false);
    }

    /**
     * Whether the input is a trace whose first entry carries a timestamp. The trace types qualify; so does a
     * {@code .jsonl} file when {@code --custom-dataset-type} is omitted. Directories never do. BurstGPT traces
     * are CSV: their first record is the line after the header.
     */
    static boolean traceWithTimestamps(InputSelection input) {
        Path file = input.file();
        if (file == null || Files.isDirectory(file)) {
            return false;
        }
        String type = input.datasetType();
        if (type == null) {
            return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".jsonl")
                    && InputFileProbe.firstJsonEntryHasTimestamp(file);
        }
        if (!InputSelection.TRACE_TYPES.contains(type)) {
            return false;
        }
        return type.equals("burst_gpt_trace") ? InputFileProbe.firstCsvEntryHasTimestamp(file)
                : InputFileProbe.firstJsonEntryHasTimestamp(file);
    }

    /** Entries of a fixed-schedule input: its non-empty lines, less the header of a BurstGPT CSV. */
    static long scheduleEntries(InputSelection input) {
        long lines = InputFileProbe.countNonEmptyLines(input.file());
        return "burst_gpt_trace".equals(input.datasetType()) ? Math.max(0, lines - 1) : lines;
    }
}
