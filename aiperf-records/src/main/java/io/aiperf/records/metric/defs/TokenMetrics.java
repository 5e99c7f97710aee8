package io.aiperf.records.metric.defs;

import io.aiperf.core.model.Usage;
import io.aiperf.records.metric.MetricCatalog;
import io.aiperf.records.metric.RecordInputs;
import io.aiperf.records.metric.RecordMetricDefinition;

/**
 * Token counts (reference §2.4): counted on the client with the run's tokenizer, or, with
 * {@code --use-server-token-count}, taken from the server's last {@code usage}.
 */
public final class TokenMetrics {

    private TokenMetrics() {
    }

    /**
     * The dataset's count (or the client-side count of the text the worker rendered); with server counts,
     * {@code usage.prompt_tokens}.
     */
    public static final class InputSequenceLength extends RecordMetricDefinition {
        public InputSequenceLength() {
            super(MetricCatalog.INPUT_SEQUENCE_LENGTH);
        }

        @Override
        public Object compute(RecordInputs in) {
            if (in.useServerTokenCount()) {
                return in.usage() == null ? null : in.usage().promptTokens();
            }
            return in.clientIsl();
        }
    }

    /**
     * Tokens of all text pieces joined with ""; with server counts, {@code completion_tokens − reasoning_tokens}
     * clamped at 0.
     */
    public static final class OutputTokenCount extends RecordMetricDefinition {
        public OutputTokenCount() {
            super(MetricCatalog.OUTPUT_TOKEN_COUNT);
        }

        @Override
        public Object compute(RecordInputs in) {
            if (in.useServerTokenCount()) {
                Usage usage = in.usage();
                if (usage == null || usage.completionTokens() == null) {
                    return null;
                }
                long reasoning = usage.reasoningTokens() == null ? 0 : usage.reasoningTokens();
                return Math.max(0, usage.completionTokens() - reasoning);
            }
            return in.clientOutputTokens();
        }
    }

    /** Tokens of all reasoning pieces joined with "" (only when there is reasoning); with server counts, usage's. */
    public static final class ReasoningTokenCount extends RecordMetricDefinition {
        public ReasoningTokenCount() {
            super(MetricCatalog.REASONING_TOKEN_COUNT);
        }

        @Override
        public Object compute(RecordInputs in) {
            if (in.useServerTokenCount()) {
                return in.usage() == null ? null : in.usage().reasoningTokens();
            }
            return in.clientReasoningTokens();
        }
    }

    /** Output + reasoning tokens. */
    public static final class OutputSequenceLength extends RecordMetricDefinition {
        public OutputSequenceLength() {
            super(MetricCatalog.OUTPUT_SEQUENCE_LENGTH, MetricCatalog.OUTPUT_TOKEN_COUNT.tag(),
                    MetricCatalog.REASONING_TOKEN_COUNT.tag());
        }

        @Override
        public Object compute(RecordInputs in) {
            Long output = in.count(MetricCatalog.OUTPUT_TOKEN_COUNT.tag());
            Long reasoning = in.count(MetricCatalog.REASONING_TOKEN_COUNT.tag());
            return output == null ? null : output + (reasoning == null ? 0 : reasoning);
        }
    }

    /**
     * A failed request's prompt length: the client-side ISL in both token-count modes (the server never counted
     * the prompt of a failed request).
     */
    public static final class ErrorIsl extends RecordMetricDefinition {
        public ErrorIsl() {
            super(MetricCatalog.ERROR_ISL);
        }

        @Override
        public Object compute(RecordInputs in) {
            return in.clientIsl();
        }
    }
}
