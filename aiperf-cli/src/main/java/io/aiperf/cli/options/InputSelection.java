package io.aiperf.cli.options;

import io.aiperf.core.config.InputConfig;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The input-side options that decide how load is timed, checked the way AIPerf's InputConfig checks them:
 * {@code --input-file}, {@code --custom-dataset-type}, {@code --dataset-sampling-strategy}, the
 * {@code --fixed-schedule*} options and the conversation shape.
 *
 * @param file              {@code --input-file}, absolute, or null (synthetic prompts)
 * @param datasetType       canonical {@code --custom-dataset-type}, or null when the loader detects it
 * @param samplingStrategy  canonical {@code --dataset-sampling-strategy}, or null for the loader's default
 * @param conversations     the synthetic conversation shape
 */
record InputSelection(Path file, String datasetType, String samplingStrategy,
                      InputConfig.Conversations conversations) {

    static final List<String> DATASET_TYPES = List.of("single_turn", "multi_turn", "random_pool", "mooncake_trace",
            "bailian_trace", "burst_gpt_trace");
    /** Dataset types whose timestamps switch on a fixed schedule by themselves. */
    static final Set<String> TRACE_TYPES = Set.of("mooncake_trace", "bailian_trace", "burst_gpt_trace");
    static final List<String> SAMPLING_STRATEGIES = List.of("sequential", "random", "shuffle");

    static InputSelection resolve(InputOptions in) {
        OptionChecks.atLeastOrNull("--num-sessions", in.numSessions, 1);
        OptionChecks.atLeastOrNull("--fixed-schedule-start-offset", in.fixedScheduleStartOffset, 0);
        OptionChecks.atLeastOrNull("--fixed-schedule-end-offset", in.fixedScheduleEndOffset, 0);
        OptionChecks.atLeast("--session-turns-mean", in.turnMean, 1);
        OptionChecks.atLeast("--session-turns-stddev", in.turnStddev, 0);
        OptionChecks.nonNegative("--session-turn-delay-mean", in.turnDelayMeanMs);
        OptionChecks.nonNegative("--session-turn-delay-stddev", in.turnDelayStddevMs);
        OptionChecks.nonNegative("--session-delay-ratio", in.turnDelayRatio);

        String type = OptionChecks.choice("--custom-dataset-type", in.customDatasetType,
                new LinkedHashSet<>(DATASET_TYPES), String.join(", ", DATASET_TYPES));
        String sampling = OptionChecks.choice("--dataset-sampling-strategy", in.datasetSamplingStrategy,
                new LinkedHashSet<>(SAMPLING_STRATEGIES), "sequential, random or shuffle");
        Path file = in.inputFile == null ? null : InputFileProbe.existing(in.inputFile);

        if (in.fixedSchedule && file == null) {
            throw new UsageException("--fixed-schedule needs --input-file (the timestamps come from the file)");
        }
        if (in.fixedScheduleStartOffset != null && in.fixedScheduleAutoOffset) {
            throw new UsageException("--fixed-schedule-start-offset and --fixed-schedule-auto-offset cannot be used "
                    + "together (both choose the schedule's time zero)");
        }
        if (in.fixedScheduleStartOffset != null && in.fixedScheduleEndOffset != null
                && in.fixedScheduleStartOffset > in.fixedScheduleEndOffset) {
            throw new UsageException("--fixed-schedule-start-offset (" + in.fixedScheduleStartOffset
                    + ") must not be greater than --fixed-schedule-end-offset (" + in.fixedScheduleEndOffset + ")");
        }
        if (type != null && file == null) {
            throw new UsageException("--custom-dataset-type needs --input-file");
        }
        InputConfig.Conversations conversations = new InputConfig.Conversations(in.turnMean, in.turnStddev,
                in.turnDelayMeanMs, in.turnDelayStddevMs, in.turnDelayRatio);
        return new InputSelection(file, type, sampling, conversations);
    }

    boolean isDirectory() {
        return file != null && Files.isDirectory(file);
    }
}
