package io.aiperf.mock;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.netty.buffer.ByteBufInputStream;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.io.IOException;
import java.util.concurrent.ThreadLocalRandom;

/**
 * {@code POST /v1/chat/completions} and {@code POST /v1/completions}: log the arrival, maybe inject an error,
 * then answer with deterministic text on the configured timing (streamed by {@link SseResponder}, or whole).
 */
final class InferenceRoute implements Route {

    private final Endpoint endpoint;
    private final MockConfig config;
    private final RequestLog requestLog;
    private final ErrorInjector errors;

    InferenceRoute(Endpoint endpoint, MockConfig config, RequestLog requestLog, ErrorInjector errors) {
        this.endpoint = endpoint;
        this.config = config;
        this.requestLog = requestLog;
        this.errors = errors;
    }

    @Override
    public void handle(Exchange exchange, FullHttpRequest request) {
        JsonNode body = null;
        String jsonError = null;
        try {
            body = Json.MAPPER.readTree(new ByteBufInputStream(request.content()));
            if (body == null || body.isMissingNode()) {
                jsonError = "empty body";
            }
        } catch (JsonProcessingException e) {
            jsonError = e.getOriginalMessage();
        } catch (IOException e) {
            jsonError = e.getMessage();
        }
        // Log before validating: the log is what arrived, including requests the mock then refuses.
        logArrival(exchange, body);
        if (jsonError != null) {
            exchange.respondError(HttpResponseStatus.BAD_REQUEST, "invalid JSON: " + jsonError,
                    "invalid_request_error");
            return;
        }
        InferenceRequest parsed;
        try {
            parsed = InferenceRequest.parse(endpoint, body);
        } catch (InferenceRequest.InvalidRequestException e) {
            exchange.respondError(HttpResponseStatus.BAD_REQUEST, e.getMessage(), "invalid_request_error");
            return;
        }
        if (errors.shouldFail()) {
            exchange.respondJson(HttpResponseStatus.INTERNAL_SERVER_ERROR,
                    Json.error(exchange.ctx().alloc(), "mock injected error", "server_error", 500));
            return;
        }
        answer(exchange, parsed);
    }

    private void logArrival(Exchange exchange, JsonNode body) {
        String model = body != null && body.path("model").isTextual() ? body.get("model").asText() : null;
        boolean stream = body != null && body.path("stream").asBoolean(false);
        requestLog.arrived(new RequestRecord(exchange.arrivalNs(), exchange.arrivalEpochNs(), exchange.path(),
                model, stream, exchange.requestHeaders().get("X-Request-ID"),
                exchange.requestHeaders().get("X-Correlation-ID")));
        exchange.onFinish(requestLog::departed);
    }

    private void answer(Exchange exchange, InferenceRequest request) {
        OutputPlan plan = OutputPlan.of(request);
        TokenText text = new TokenText(plan.promptHash());
        String model = request.model() != null ? request.model() : ModelsRoute.MODEL_ID;
        CompletionJson json = new CompletionJson(endpoint, newId(), System.currentTimeMillis() / 1000, model);
        long firstTokenAtNs = exchange.arrivalNs() + config.ttftNs();
        if (request.stream()) {
            new SseResponder(exchange, json, plan, text, request.includeUsage(), firstTokenAtNs, config.itlNs())
                    .start();
        } else {
            // A whole response is ready when its last token would have been generated. We charge itl for every
            // token (ttft + itl * n), as AIPerf's mock does, rather than ttft + itl * (n - 1).
            long readyAtNs = firstTokenAtNs + config.itlNs() * plan.outputTokens();
            exchange.runAt(readyAtNs, () -> exchange.respondJson(HttpResponseStatus.OK,
                    json.fullResponse(exchange.ctx().alloc(), text.join(plan.outputTokens()), plan.finishReason(),
                            plan.promptTokens(), plan.outputTokens())));
        }
    }

    private String newId() {
        // Unique enough to tell responses apart in a client's logs; nothing relies on it being unguessable.
        return endpoint.idPrefix + Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 1);
    }
}
