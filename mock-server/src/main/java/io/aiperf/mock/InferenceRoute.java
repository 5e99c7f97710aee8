package io.aiperf.mock;

import com.fasterxml.jackson.databind.JsonNode;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.util.concurrent.ThreadLocalRandom;

/**
 * {@code POST /v1/chat/completions} and {@code POST /v1/completions}: log the arrival, maybe inject an error,
 * then answer with deterministic text on the configured timing (streamed by {@link SseResponder}, or whole).
 */
final class InferenceRoute extends JsonRoute {

    private final Endpoint endpoint;
    private final MockConfig config;

    InferenceRoute(Endpoint endpoint, MockConfig config, RequestLog requestLog, FaultInjector faults,
                   ServedTraffic traffic) {
        super(requestLog, faults, traffic);
        this.endpoint = endpoint;
        this.config = config;
    }

    @Override
    void answer(Exchange exchange, JsonNode body) throws InferenceRequest.InvalidRequestException {
        answer(exchange, InferenceRequest.parse(endpoint, body));
    }

    @Override
    void answer(Exchange exchange, JsonNode body, Fault fault) throws InferenceRequest.InvalidRequestException {
        InferenceRequest request = InferenceRequest.parse(endpoint, body);
        if (fault == null || fault.needsStream() && !request.stream()) {
            answer(exchange, request);
        } else {
            traffic().failed();
            new FaultyAnswer(exchange, config, endpoint, request, newId()).answer(fault);
        }
    }

    private void answer(Exchange exchange, InferenceRequest request) {
        // Completions answers have no reasoning field, so only chat reasons.
        int reasoningTokens = endpoint == Endpoint.CHAT
                ? Reasoning.tokens(config, request.model(), request.reasoningEffort()) : 0;
        OutputPlan plan = OutputPlan.of(request).withReasoning(reasoningTokens);
        TokenText text = new TokenText(plan.promptHash());
        String model = request.model() != null ? request.model() : ModelsRoute.MODEL_ID;
        CompletionJson json = new CompletionJson(endpoint, newId(), System.currentTimeMillis() / 1000, model);
        long firstTokenAtNs = exchange.arrivalNs() + config.ttftNs();
        traffic().answering(exchange, plan, request.promptText(), model, config.ttftNs(), config.itlNs(),
                request.stream());
        if (request.stream()) {
            new SseResponder(exchange, json, plan, text, request.includeUsage(), config.usageTokenOffset(),
                    firstTokenAtNs, config.itlNs()).countingTo(traffic()).start();
        } else {
            // A whole response is ready when its last token would have been generated. We charge itl for every
            // token (ttft + itl * n), as AIPerf's mock does, rather than ttft + itl * (n - 1).
            long readyAtNs = firstTokenAtNs + config.itlNs() * plan.generatedTokens();
            String reasoning = plan.reasoningTokens() > 0
                    ? TokenText.reasoning(plan.promptHash()).join(plan.reasoningTokens()) : null;
            exchange.runAt(readyAtNs, () -> exchange.respondJson(HttpResponseStatus.OK,
                    json.fullResponse(exchange.ctx().alloc(), text.join(plan.outputTokens()), reasoning,
                            plan.finishReason(), plan.usage(config.usageTokenOffset()))));
        }
    }

    String newId() {
        // Unique enough to tell responses apart in a client's logs; nothing relies on it being unguessable.
        return endpoint.idPrefix + Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 1);
    }
}
