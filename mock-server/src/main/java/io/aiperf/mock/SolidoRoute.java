package io.aiperf.mock;

import com.fasterxml.jackson.databind.JsonNode;
import io.netty.handler.codec.http.HttpResponseStatus;

/**
 * Solido RAG, {@code POST /rag/api/prompt}: {@code {"query": [texts], "filters", "inference_model"}} answered after
 * ttft + itl·n with {@code {"content": text, "sources": [...]}} (n drawn from the query text as for an uncapped
 * chat request).
 */
final class SolidoRoute extends JsonRoute {

    static final String PATH = "/rag/api/prompt";

    private final MockConfig config;

    SolidoRoute(MockConfig config, RequestLog requestLog, FaultInjector faults, ServedTraffic traffic) {
        super(requestLog, faults, traffic);
        this.config = config;
    }

    @Override
    void answer(Exchange exchange, JsonNode body) throws InferenceRequest.InvalidRequestException {
        JsonNode query = body.get("query");
        if (query == null || !query.isArray() || query.isEmpty()) {
            throw new InferenceRequest.InvalidRequestException("'query' must be a non-empty list of strings");
        }
        StringBuilder prompt = new StringBuilder();
        for (JsonNode q : query) {
            if (prompt.length() > 0) {
                prompt.append(' ');
            }
            prompt.append(q.asText(""));
        }
        OutputPlan plan = OutputPlan.of(new InferenceRequest(null, false, false, null, null, false,
                prompt.toString(), null));
        TokenText text = new TokenText(plan.promptHash());
        traffic().answering(exchange, plan, prompt.toString(), null, config.ttftNs(), config.itlNs(), false);
        exchange.runAt(exchange.arrivalNs() + config.ttftNs() + config.itlNs() * plan.outputTokens(), () ->
                exchange.respondJson(HttpResponseStatus.OK, Json.encode(exchange.ctx().alloc(), json -> {
                    json.writeStartObject();
                    json.writeStringField("content", text.join(plan.outputTokens()));
                    json.writeArrayFieldStart("sources");
                    json.writeString("solido-sde-user-guide.pdf");
                    json.writeEndArray();
                    json.writeEndObject();
                })));
    }
}
