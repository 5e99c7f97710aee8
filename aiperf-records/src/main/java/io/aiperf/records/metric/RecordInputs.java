package io.aiperf.records.metric;

import io.aiperf.core.message.RequestRecord;
import io.aiperf.core.model.ResponseChunk;
import io.aiperf.core.model.Usage;
import io.aiperf.core.tokenizer.TextTokenizer;

import java.util.List;
import java.util.Map;

/**
 * What a {@link RecordMetricDefinition} computes from: the worker's record, its content responses, what the
 * dataset knows about the turn, the run's token-count mode and the values computed so far for this request. One
 * instance per request, used by one thread.
 */
public final class RecordInputs {

    private final RequestRecord record;
    private final List<ResponseChunk> content;
    private final Long callerIsl;
    private final Long requestedOsl;
    private final TextTokenizer tokenizer;
    private final boolean useServerTokenCount;
    private final Map<String, Object> values;

    private boolean clientCounted;
    private long clientOutputTokens;
    private Long clientReasoningTokens;

    RecordInputs(RequestRecord record, List<ResponseChunk> content, Long callerIsl, Long requestedOsl,
                 TextTokenizer tokenizer, boolean useServerTokenCount, Map<String, Object> values) {
        this.record = record;
        this.content = content;
        this.callerIsl = callerIsl;
        this.requestedOsl = requestedOsl;
        this.tokenizer = tokenizer;
        this.useServerTokenCount = useServerTokenCount;
        this.values = values;
    }

    public RequestRecord record() {
        return record;
    }

    /** Content responses (non-empty text or reasoning; every response for a non-token endpoint), arrival order. */
    public List<ResponseChunk> content() {
        return content;
    }

    /** The server's last {@code usage}, or null. */
    public Usage usage() {
        return record.usage();
    }

    public boolean useServerTokenCount() {
        return useServerTokenCount;
    }

    /** The turn's requested {@code max_tokens}, or null when none was sent or it is unknown. */
    public Long requestedOsl() {
        return requestedOsl;
    }

    /** A value computed earlier for this request (declare it in {@code requires}), or null. */
    public Object value(String tag) {
        return values.get(tag);
    }

    public Long count(String tag) {
        Object v = values.get(tag);
        return v instanceof Number n ? n.longValue() : null;
    }

    public Double number(String tag) {
        Object v = values.get(tag);
        return v instanceof Number n ? n.doubleValue() : null;
    }

    /**
     * The caller's ISL, else the client-side token count of the text the worker rendered, else null (also when
     * there is no tokenizer, as in server-count mode without one).
     */
    public Long clientIsl() {
        if (callerIsl != null) {
            return callerIsl;
        }
        if (record.inputText() != null && tokenizer != null) {
            return (long) tokenizer.countTokens(record.inputText());
        }
        return null;
    }

    /** Client-side tokens of all text pieces joined with "" (tokenized once per request, on first use). */
    public long clientOutputTokens() {
        countClientTokens();
        return clientOutputTokens;
    }

    /** Client-side tokens of all reasoning pieces joined with "", or null when there was no reasoning. */
    public Long clientReasoningTokens() {
        countClientTokens();
        return clientReasoningTokens;
    }

    private void countClientTokens() {
        if (clientCounted) {
            return;
        }
        clientCounted = true;
        StringBuilder text = new StringBuilder();
        StringBuilder reasoning = new StringBuilder();
        boolean anyReasoning = false;
        for (ResponseChunk chunk : content) {
            if (chunk.hasText()) {
                text.append(chunk.text());
            }
            if (chunk.hasReasoning()) {
                reasoning.append(chunk.reasoning());
                anyReasoning = true;
            }
        }
        clientOutputTokens = tokenizer.countTokens(text.toString());
        clientReasoningTokens = anyReasoning ? (long) tokenizer.countTokens(reasoning.toString()) : null;
    }
}
