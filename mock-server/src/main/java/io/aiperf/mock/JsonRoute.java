package io.aiperf.mock;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.netty.buffer.ByteBufInputStream;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.io.IOException;

/**
 * The common start of every inference route: read the JSON body, log the arrival with its media count (before
 * validating: the log is what arrived, including requests the mock then refuses), answer 400 to invalid JSON or
 * malformed media ({@link MediaParts}), maybe inject an error, then let the route {@link #answer} it.
 */
abstract class JsonRoute implements Route {

    private final RequestLog requestLog;
    private final ErrorInjector errors;

    JsonRoute(RequestLog requestLog, ErrorInjector errors) {
        this.requestLog = requestLog;
        this.errors = errors;
    }

    @Override
    public final void handle(Exchange exchange, FullHttpRequest request) {
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
        MediaParts media = MediaParts.of(body);
        logArrival(exchange, body, media);
        if (jsonError != null) {
            exchange.respondError(HttpResponseStatus.BAD_REQUEST, "invalid JSON: " + jsonError,
                    "invalid_request_error");
            return;
        }
        if (!body.isObject()) {
            exchange.respondError(HttpResponseStatus.BAD_REQUEST, "request body must be a JSON object",
                    "invalid_request_error");
            return;
        }
        if (media.problem() != null) {
            exchange.respondError(HttpResponseStatus.BAD_REQUEST, media.problem(), "invalid_request_error");
            return;
        }
        if (errors.shouldFail()) {
            exchange.respondJson(HttpResponseStatus.INTERNAL_SERVER_ERROR,
                    Json.error(exchange.ctx().alloc(), "mock injected error", "server_error", 500));
            return;
        }
        try {
            answer(exchange, body);
        } catch (InferenceRequest.InvalidRequestException e) {
            exchange.respondError(HttpResponseStatus.BAD_REQUEST, e.getMessage(), "invalid_request_error");
        }
    }

    /**
     * Answers a request whose body is a JSON object.
     *
     * @throws InferenceRequest.InvalidRequestException to answer 400 with its message
     */
    abstract void answer(Exchange exchange, JsonNode body) throws InferenceRequest.InvalidRequestException;

    private void logArrival(Exchange exchange, JsonNode body, MediaParts media) {
        String model = body != null && body.path("model").isTextual() ? body.get("model").asText() : null;
        boolean stream = body != null && body.path("stream").asBoolean(false);
        requestLog.arrived(new RequestRecord(exchange.arrivalNs(), exchange.arrivalEpochNs(), exchange.path(),
                model, stream, exchange.requestHeaders().get("X-Request-ID"),
                exchange.requestHeaders().get("X-Correlation-ID"), media.images(), media.audios(), media.videos(),
                body == null || body.isMissingNode() ? null : body));
        exchange.onFinish(requestLog::departed);
    }
}
