package io.aiperf.core.config;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * AIPerf's {@code --accuracy-benchmark} names with AIPerf's per-benchmark defaults (grader, few-shot count,
 * chain-of-thought, system prompt). Where AIPerf's default grader is one of its lighteval graders (aime24, aime25,
 * math_500) we grade with {@link AccuracyGrader#MATH}, the closest one we have; gpqa_diamond's (lighteval's letter
 * extraction) becomes {@link AccuracyGrader#MULTIPLE_CHOICE}. {@link #readable()} is false for the benchmarks whose
 * files we do not read; they are refused with one line naming the ones we do.
 */
public enum AccuracyBenchmark {
    MMLU("mmlu", AccuracyGrader.MULTIPLE_CHOICE, 5, false, null, true),
    AIME("aime", AccuracyGrader.MATH, 8, true,
            "Please reason step by step, and put your final answer within \\boxed{}.", true),
    HELLASWAG("hellaswag", AccuracyGrader.EXACT_MATCH, 10, false, null, true),
    BIGBENCH("bigbench", AccuracyGrader.EXACT_MATCH, 3, false, null, true),
    AIME24("aime24", AccuracyGrader.MATH, 0, false, null, true),
    AIME25("aime25", AccuracyGrader.MATH, 0, false, null, true),
    MATH_500("math_500", AccuracyGrader.MATH, 0, false, null, true),
    GPQA_DIAMOND("gpqa_diamond", AccuracyGrader.MULTIPLE_CHOICE, 0, false, null, true),
    LCB_CODEGENERATION("lcb_codegeneration", AccuracyGrader.CODE_EXECUTION, 0, false, null, false);

    /** AIPerf's bound on few-shot examples; aime's own bound is {@link #AIME_MAX_SHOTS}. */
    public static final int MAX_SHOTS = 32;
    /** AIPerf (after the trt-llm recipe) refuses more than 8 shots for aime. */
    public static final int AIME_MAX_SHOTS = 8;
    /** AIPerf (after DeepEval's BIG-Bench Hard) refuses more than 3 shots for bigbench. */
    public static final int BIGBENCH_MAX_SHOTS = 3;

    private final String cliName;
    private final AccuracyGrader defaultGrader;
    private final int defaultShots;
    private final boolean defaultCot;
    private final String defaultSystemPrompt;
    private final boolean readable;

    AccuracyBenchmark(String cliName, AccuracyGrader defaultGrader, int defaultShots, boolean defaultCot,
                      String defaultSystemPrompt, boolean readable) {
        this.cliName = cliName;
        this.defaultGrader = defaultGrader;
        this.defaultShots = defaultShots;
        this.defaultCot = defaultCot;
        this.defaultSystemPrompt = defaultSystemPrompt;
        this.readable = readable;
    }

    public String cliName() {
        return cliName;
    }

    public AccuracyGrader defaultGrader() {
        return defaultGrader;
    }

    public int defaultShots() {
        return defaultShots;
    }

    public boolean defaultCot() {
        return defaultCot;
    }

    /** The system prompt injected when {@code --accuracy-system-prompt} is not given, or null. */
    public String defaultSystemPrompt() {
        return defaultSystemPrompt;
    }

    /** Whether we read this benchmark's published files. */
    public boolean readable() {
        return readable;
    }

    /** The most few-shot examples a run may ask for. */
    public int maxShots() {
        return switch (this) {
            case AIME -> AIME_MAX_SHOTS;
            case BIGBENCH -> BIGBENCH_MAX_SHOTS;
            default -> MAX_SHOTS;
        };
    }

    /** The benchmarks we read, comma-separated, for messages. */
    public static String readableNames() {
        return Arrays.stream(values()).filter(AccuracyBenchmark::readable).map(AccuracyBenchmark::cliName)
                .collect(Collectors.joining(", "));
    }

    /** @throws IllegalArgumentException naming the accepted values */
    public static AccuracyBenchmark parse(String name) {
        String n = name == null ? "" : name.trim().toLowerCase(Locale.ROOT).replace('-', '_');
        for (AccuracyBenchmark b : values()) {
            if (b.cliName.equals(n)) {
                return b;
            }
        }
        throw new IllegalArgumentException("unknown benchmark '" + name + "': expected one of "
                + Arrays.stream(values()).map(AccuracyBenchmark::cliName).collect(Collectors.joining(", ")));
    }
}
