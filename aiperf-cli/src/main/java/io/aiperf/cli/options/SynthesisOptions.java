package io.aiperf.cli.options;

import io.aiperf.core.config.SynthesisConfig;
import io.aiperf.core.error.UsageException;
import picocli.CommandLine.Option;

import java.util.Set;

/**
 * AIPerf's "Synthesis" option group: reshaping a trace dataset (mooncake_trace, bailian_trace, burst_gpt_trace) as it
 * is loaded. Checked here for ranges and for the dataset type when it is given; a detected non-trace file is refused
 * by the loader.
 */
public final class SynthesisOptions {

    @Option(names = "--synthesis-speedup-ratio", paramLabel = "X", defaultValue = "1.0", converter = PythonFloat.class,
            description = "Divide the trace's timestamps by X (2 replays it in half the time; 0 leaves them) "
                    + "(default: ${DEFAULT-VALUE}).")
    public double speedupRatio;

    @Option(names = "--synthesis-prefix-len-multiplier", paramLabel = "X", defaultValue = "1.0",
            converter = PythonFloat.class,
            description = "Scale each row's shared prefix (the hash_ids blocks other rows also start with) "
                    + "(default: ${DEFAULT-VALUE}).")
    public double prefixLenMultiplier;

    @Option(names = "--synthesis-prefix-root-multiplier", paramLabel = "N", defaultValue = "1",
            description = "Copy the prefix tree N times; each row goes to one copy at random, so there are N times "
                    + "as many distinct prefixes (default: ${DEFAULT-VALUE}).")
    public int prefixRootMultiplier;

    @Option(names = "--synthesis-prompt-len-multiplier", paramLabel = "X", defaultValue = "1.0",
            converter = PythonFloat.class,
            description = "Scale each row's unique (unshared) prompt tokens (default: ${DEFAULT-VALUE}).")
    public double promptLenMultiplier;

    @Option(names = "--synthesis-max-isl", paramLabel = "N",
            description = "Drop trace rows whose input_length is above N.")
    public Integer maxIsl;

    @Option(names = "--synthesis-max-osl", paramLabel = "N",
            description = "Cap the trace rows' output_length (max_tokens) to N.")
    public Integer maxOsl;

    /**
     * The checked configuration.
     *
     * @param datasetType the canonical {@code --custom-dataset-type}, or null when the loader detects it
     * @param traceTypes  the dataset types synthesis applies to
     * @param hasFile     whether {@code --input-file} is given
     */
    SynthesisConfig resolve(String datasetType, Set<String> traceTypes, boolean hasFile) {
        OptionChecks.nonNegative("--synthesis-speedup-ratio", speedupRatio);
        OptionChecks.nonNegative("--synthesis-prefix-len-multiplier", prefixLenMultiplier);
        OptionChecks.atLeast("--synthesis-prefix-root-multiplier", prefixRootMultiplier, 1);
        OptionChecks.nonNegative("--synthesis-prompt-len-multiplier", promptLenMultiplier);
        OptionChecks.atLeastOrNull("--synthesis-max-isl", maxIsl, 1);
        OptionChecks.atLeastOrNull("--synthesis-max-osl", maxOsl, 1);
        SynthesisConfig config = new SynthesisConfig(speedupRatio, prefixLenMultiplier, prefixRootMultiplier,
                promptLenMultiplier, maxIsl, maxOsl);
        if (config.anySet()) {
            if (datasetType != null && !traceTypes.contains(datasetType)) {
                throw new UsageException("the --synthesis-* options need a trace dataset type (mooncake_trace, "
                        + "bailian_trace or burst_gpt_trace), not --custom-dataset-type " + datasetType);
            }
            if (!hasFile) {
                throw new UsageException("the --synthesis-* options need a trace dataset: --input-file with a "
                        + "mooncake_trace, bailian_trace or burst_gpt_trace file");
            }
        }
        return config;
    }
}
