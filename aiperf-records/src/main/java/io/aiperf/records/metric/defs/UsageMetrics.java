package io.aiperf.records.metric.defs;

import io.aiperf.core.model.Usage;
import io.aiperf.records.metric.AggregateMetricDefinition;
import io.aiperf.records.metric.MetricCatalog;
import io.aiperf.records.metric.MetricRecord;
import io.aiperf.records.metric.MetricSpec;
import io.aiperf.records.metric.RecordInputs;
import io.aiperf.records.metric.RecordMetricDefinition;

import java.util.function.Function;

/**
 * The server's own token counts ({@code usage}) as reported, and how far they are from the client's counts.
 * The diffs exist only in client-count mode ({@code USAGE_DIFF_ONLY}): with {@code --use-server-token-count} both
 * sides would be the server's.
 */
public final class UsageMetrics {

    /** A request whose usage differs from the client's count by more than this many percent is a discrepancy. */
    public static final double DISCREPANCY_THRESHOLD_PCT = 10.0;

    private UsageMetrics() {
    }

    /** One field of the server's last {@code usage}, absent when the server did not send it. */
    public static class UsageField extends RecordMetricDefinition {
        private final Function<Usage, Long> field;

        UsageField(MetricSpec spec, Function<Usage, Long> field) {
            super(spec);
            this.field = field;
        }

        @Override
        public Object compute(RecordInputs in) {
            return in.usage() == null ? null : field.apply(in.usage());
        }
    }

    public static final class UsagePromptTokens extends UsageField {
        public UsagePromptTokens() {
            super(MetricCatalog.USAGE_PROMPT_TOKENS, Usage::promptTokens);
        }
    }

    public static final class UsageCompletionTokens extends UsageField {
        public UsageCompletionTokens() {
            super(MetricCatalog.USAGE_COMPLETION_TOKENS, Usage::completionTokens);
        }
    }

    public static final class UsageTotalTokens extends UsageField {
        public UsageTotalTokens() {
            super(MetricCatalog.USAGE_TOTAL_TOKENS, Usage::totalTokens);
        }
    }

    public static final class UsageReasoningTokens extends UsageField {
        public UsageReasoningTokens() {
            super(MetricCatalog.USAGE_REASONING_TOKENS, Usage::reasoningTokens);
        }
    }

    /** |server − client| / client · 100; absent when either side is missing or the client counted 0. */
    public static class UsageDiff extends RecordMetricDefinition {
        private final String serverTag;
        private final String clientTag;

        UsageDiff(MetricSpec spec, MetricSpec server, MetricSpec client) {
            super(spec, server.tag(), client.tag());
            this.serverTag = server.tag();
            this.clientTag = client.tag();
        }

        @Override
        public Object compute(RecordInputs in) {
            Long server = in.count(serverTag);
            Long client = in.count(clientTag);
            if (server == null || client == null || client == 0) {
                return null;
            }
            return Math.abs(server - client) * 100.0 / client;
        }
    }

    /** Server prompt tokens vs ISL. */
    public static final class UsagePromptTokensDiff extends UsageDiff {
        public UsagePromptTokensDiff() {
            super(MetricCatalog.USAGE_PROMPT_TOKENS_DIFF_PCT, MetricCatalog.USAGE_PROMPT_TOKENS,
                    MetricCatalog.INPUT_SEQUENCE_LENGTH);
        }
    }

    /** Server completion tokens (reasoning included) vs OSL (reasoning included). */
    public static final class UsageCompletionTokensDiff extends UsageDiff {
        public UsageCompletionTokensDiff() {
            super(MetricCatalog.USAGE_COMPLETION_TOKENS_DIFF_PCT, MetricCatalog.USAGE_COMPLETION_TOKENS,
                    MetricCatalog.OUTPUT_SEQUENCE_LENGTH);
        }
    }

    /** Server reasoning tokens vs the client's reasoning count. */
    public static final class UsageReasoningTokensDiff extends UsageDiff {
        public UsageReasoningTokensDiff() {
            super(MetricCatalog.USAGE_REASONING_TOKENS_DIFF_PCT, MetricCatalog.USAGE_REASONING_TOKENS,
                    MetricCatalog.REASONING_TOKEN_COUNT);
        }
    }

    /**
     * Requests with a prompt, completion or reasoning diff above {@link #DISCREPANCY_THRESHOLD_PCT} (strictly). As
     * in AIPerf a request takes part only when it has both the prompt and the completion diff (a prompt diff over
     * the threshold already counts); the reasoning diff counts when present.
     */
    public static final class UsageDiscrepancyCount extends AggregateMetricDefinition {
        private final double thresholdPct;

        /** AIPerf's 10 %. */
        public UsageDiscrepancyCount() {
            this(DISCREPANCY_THRESHOLD_PCT);
        }

        public UsageDiscrepancyCount(double thresholdPct) {
            // The reasoning diff is read when present, not required: many models have no reasoning.
            super(MetricCatalog.USAGE_DISCREPANCY_COUNT, MetricCatalog.USAGE_PROMPT_TOKENS_DIFF_PCT.tag(),
                    MetricCatalog.USAGE_COMPLETION_TOKENS_DIFF_PCT.tag());
            this.thresholdPct = thresholdPct;
        }

        public double thresholdPct() {
            return thresholdPct;
        }

        @Override
        public Long contribution(MetricRecord record) {
            if (!record.valid()) {
                return null;
            }
            Double prompt = record.number(MetricCatalog.USAGE_PROMPT_TOKENS_DIFF_PCT);
            if (prompt == null) {
                return null;
            }
            if (prompt > thresholdPct) {
                return 1L;
            }
            Double completion = record.number(MetricCatalog.USAGE_COMPLETION_TOKENS_DIFF_PCT);
            if (completion == null) {
                return null;
            }
            if (completion > thresholdPct) {
                return 1L;
            }
            Double reasoning = record.number(MetricCatalog.USAGE_REASONING_TOKENS_DIFF_PCT);
            return reasoning != null && reasoning > thresholdPct ? 1L : 0L;
        }
    }
}
