package io.aiperf.mock;

import java.util.Locale;

/**
 * How many reasoning tokens a chat or responses answer starts with. AIPerf's mock's trigger: a model name containing
 * {@code gpt-oss} or {@code qwen} (ignoring case) together with {@code reasoning_effort} {@code low}, {@code medium}
 * or {@code high} gives 100, 250 or 500 reasoning tokens. {@link MockConfig#reasoningTokens()} &gt; 0 overrides
 * both, for tests that want reasoning from any model.
 *
 * <p>Reasoning tokens come before the answer and on the same schedule, and are extra to it: the answer keeps the
 * length {@link OutputPlan} gives it, and {@code completion_tokens} counts both.
 */
final class Reasoning {

    static final int LOW = 100;
    static final int MEDIUM = 250;
    static final int HIGH = 500;

    private Reasoning() {
    }

    /**
     * @param model  the request's model, or null
     * @param effort the request's reasoning effort, or null
     */
    static int tokens(MockConfig config, String model, String effort) {
        if (config.reasoningTokens() > 0) {
            return config.reasoningTokens();
        }
        if (model == null || effort == null || !isReasoningModel(model)) {
            return 0;
        }
        return switch (effort.toLowerCase(Locale.ROOT)) {
            case "low" -> LOW;
            case "medium" -> MEDIUM;
            case "high" -> HIGH;
            default -> 0;
        };
    }

    private static boolean isReasoningModel(String model) {
        String name = model.toLowerCase(Locale.ROOT);
        return name.contains("gpt-oss") || name.contains("qwen");
    }
}
