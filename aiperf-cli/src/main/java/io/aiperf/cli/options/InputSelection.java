package io.aiperf.cli.options;

import io.aiperf.core.config.InputConfig;
import io.aiperf.core.dataset.publicdata.PublicDataset;
import io.aiperf.core.error.UsageException;

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
 * @param publicDataset     canonical {@code --public-dataset} with {@code --public-dataset-path} (absolute), or null;
 *                          its conversation cap is filled in by the caller
 */
record InputSelection(Path file, String datasetType, String samplingStrategy,
                      InputConfig.Conversations conversations, InputConfig.PublicSource publicDataset) {

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
        InputConfig.PublicSource publicSource = publicDataset(in, type, file);
        if (type != null && file == null) {
            throw new UsageException("--custom-dataset-type needs --input-file");
        }
        InputConfig.Conversations conversations = new InputConfig.Conversations(in.turnMean, in.turnStddev,
                in.turnDelayMeanMs, in.turnDelayStddevMs, in.turnDelayRatio);
        return new InputSelection(file, type, sampling, conversations, publicSource);
    }

    /**
     * {@code --public-dataset} (AIPerf: an error with {@code --custom-dataset-type}; here also with
     * {@code --input-file}, which it would silently replace) and {@code --public-dataset-path} (ours).
     */
    private static InputConfig.PublicSource publicDataset(InputOptions in, String type, Path file) {
        if (in.publicDataset == null) {
            if (in.publicDatasetPath != null) {
                throw new UsageException("--public-dataset-path needs --public-dataset");
            }
            if (in.hfSubset != null) {
                throw new UsageException("--hf-subset needs --public-dataset");
            }
            return null;
        }
        PublicDataset dataset;
        try {
            dataset = PublicDataset.parse(in.publicDataset);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--public-dataset: " + e.getMessage());
        }
        if (type != null) {
            throw new UsageException("--public-dataset and --custom-dataset-type cannot be used together");
        }
        if (file != null) {
            throw new UsageException("--public-dataset and --input-file cannot be used together (both choose the "
                    + "prompts); to read a local copy of the public dataset use --public-dataset-path");
        }
        String local = null;
        if (in.publicDatasetPath != null) {
            Path path = InputFileProbe.existing("--public-dataset-path", in.publicDatasetPath);
            if (Files.isDirectory(path)) {
                throw new UsageException("--public-dataset-path must be a file, not a directory: "
                        + in.publicDatasetPath);
            }
            local = path.toString();
        }
        String subset = null;
        if (in.hfSubset != null) {
            if (dataset.rows() == null || !dataset.rows().onHub()) {
                throw new UsageException("--hf-subset applies to a dataset read from the Hugging Face hub's rows, "
                        + "not to " + dataset.cliName());
            }
            subset = in.hfSubset.strip();
            if (!subset.matches("[A-Za-z0-9_.-]+")) {
                throw new UsageException("--hf-subset must be a bare subset name (letters, digits, '_', '.', '-'): "
                        + in.hfSubset);
            }
        }
        return new InputConfig.PublicSource(dataset.cliName(), local, null, subset);
    }

    boolean isDirectory() {
        return file != null && Files.isDirectory(file);
    }
}
