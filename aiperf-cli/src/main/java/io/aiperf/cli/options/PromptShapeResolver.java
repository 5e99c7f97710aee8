package io.aiperf.cli.options;

import io.aiperf.core.config.EndpointType;
import io.aiperf.core.config.InputConfig;
import io.aiperf.core.error.UsageException;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The options that shape each request's texts beyond one prompt: {@code --prompt-batch-size}, the conversation
 * context prompts and the synthetic rankings options, with AIPerf's rules for combining them.
 */
final class PromptShapeResolver {

    private static final List<EndpointType> RANKINGS = Arrays.stream(EndpointType.values())
            .filter(PromptShapeResolver::isRankings).toList();

    private PromptShapeResolver() {
    }

    static boolean isRankings(EndpointType type) {
        return type.cliName().contains("rankings");
    }

    /** {@code --prompt-batch-size}, checked; 1 when not given. */
    static int batchSize(InputOptions in) {
        return in.batchSize == null ? 1 : OptionChecks.atLeast("--prompt-batch-size", in.batchSize, 1);
    }

    /**
     * Checks {@code --shared-system-prompt-length} and {@code --user-context-prompt-length}: positive; the user context
     * needs an explicit {@code --num-dataset-entries} (one context per entry); neither goes with a prefix pool.
     */
    static void checkContextPrompts(InputOptions in) {
        OptionChecks.atLeastOrNull("--shared-system-prompt-length", in.sharedSystemPromptLength, 1);
        OptionChecks.atLeastOrNull("--user-context-prompt-length", in.userContextPromptLength, 1);
        if (in.userContextPromptLength != null && in.numDatasetEntries == null) {
            throw new UsageException("--user-context-prompt-length needs --num-dataset-entries: each dataset entry"
                    + " gets its own user context");
        }
        boolean context = in.sharedSystemPromptLength != null || in.userContextPromptLength != null;
        if (context && (in.prefixPoolSize > 0 || in.prefixLength > 0)) {
            throw new UsageException((in.sharedSystemPromptLength != null ? "--shared-system-prompt-length"
                    : "--user-context-prompt-length") + " cannot be used with --prompt-prefix-pool-size or"
                    + " --prompt-prefix-length: they are two different ways of prefixing prompts");
        }
    }

    /**
     * The synthetic rankings shape: non-null exactly for a rankings endpoint. As AIPerf: the {@code --rankings-*}
     * options are refused on other endpoints, and the ISL options on rankings endpoints (queries and passages have
     * their own lengths).
     */
    static InputConfig.Rankings rankings(InputOptions in, EndpointType type) {
        if (!type.tokenizesInput() && (in.islMean != null || in.islStddev != null)) {
            // AIPerf: the text length options mean nothing to an endpoint whose input is not tokenized text.
            throw new UsageException((in.islMean != null ? "--synthetic-input-tokens-mean"
                    : "--synthetic-input-tokens-stddev") + " cannot be used with --endpoint-type " + type.cliName()
                    + ": its input is images only");
        }
        List<String> given = new ArrayList<>();
        addIfSet(given, "--rankings-passages-mean", in.rankingsPassagesMean);
        addIfSet(given, "--rankings-passages-stddev", in.rankingsPassagesStddev);
        addIfSet(given, "--rankings-passages-prompt-token-mean", in.rankingsPassagesPromptTokenMean);
        addIfSet(given, "--rankings-passages-prompt-token-stddev", in.rankingsPassagesPromptTokenStddev);
        addIfSet(given, "--rankings-query-prompt-token-mean", in.rankingsQueryPromptTokenMean);
        addIfSet(given, "--rankings-query-prompt-token-stddev", in.rankingsQueryPromptTokenStddev);
        if (!isRankings(type)) {
            if (!given.isEmpty()) {
                throw new UsageException(given.get(0) + " can only be used with a rankings endpoint type ("
                        + rankingsNames() + "), not " + type.cliName());
            }
            return null;
        }
        if (in.islMean != null || in.islStddev != null) {
            throw new UsageException((in.islMean != null ? "--synthetic-input-tokens-mean"
                    : "--synthetic-input-tokens-stddev") + " cannot be used with --endpoint-type " + type.cliName()
                    + "; set --rankings-query-prompt-token-mean and --rankings-passages-prompt-token-mean instead");
        }
        InputConfig.Rankings d = InputConfig.Rankings.DEFAULT;
        return new InputConfig.Rankings(
                orDefault("--rankings-passages-mean", in.rankingsPassagesMean, d.passagesMean(), 1),
                orDefault("--rankings-passages-stddev", in.rankingsPassagesStddev, d.passagesStddev(), 0),
                orDefault("--rankings-passages-prompt-token-mean", in.rankingsPassagesPromptTokenMean,
                        d.passageTokensMean(), 1),
                orDefault("--rankings-passages-prompt-token-stddev", in.rankingsPassagesPromptTokenStddev,
                        d.passageTokensStddev(), 0),
                orDefault("--rankings-query-prompt-token-mean", in.rankingsQueryPromptTokenMean,
                        d.queryTokensMean(), 1),
                orDefault("--rankings-query-prompt-token-stddev", in.rankingsQueryPromptTokenStddev,
                        d.queryTokensStddev(), 0));
    }

    private static void addIfSet(List<String> given, String option, Integer value) {
        if (value != null) {
            given.add(option);
        }
    }

    private static int orDefault(String option, Integer value, int dflt, int min) {
        return value == null ? dflt : OptionChecks.atLeast(option, value, min);
    }

    private static String rankingsNames() {
        return String.join(", ", RANKINGS.stream().map(EndpointType::cliName).toList());
    }
}
