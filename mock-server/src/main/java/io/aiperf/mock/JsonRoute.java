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
 * malformed media ({@link MediaParts}), maybe inject a {@link Fault}, then let the route {@link #answer} it.
 *
 * <p>The faults every route shares are handled here: HTTP 500, a stall and a reset. The others are passed to
 * {@link #answer(Exchange, JsonNode, Fault)}, which routes that shape OpenAI answers override.
 */
abstract class JsonRoute implements Route {

    private final RequestLog requestLog;
    private final FaultInjector faults;

    JsonRoute(RequestLog requestLog, FaultInjector faults) {
        this.requestLog = requestLog;
        this.faults = faults;
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
        boolean valid = jsonError == null && body.isObject() && media.problem() == null;
        // Drawn only for requests the mock would answer, so refusals do not shift the seeded sequence of faults.
        Fault fault = valid ? faults.next() : null;
        logArrival(exchange, body, media, fault);
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
        if (fault == Fault.HTTP_500) {
            exchange.respondJson(HttpResponseStatus.INTERNAL_SERVER_ERROR,
                    Json.error(exchange.ctx().alloc(), Fault.MESSAGE, "server_error", 500));
            return;
        }
        if (fault == Fault.STALL) {
            return; // the exchange stays open until the client gives up and closes the connection
        }
        try {
            if (fault == Fault.RESET && !body.path("stream").asBoolean(false)) {
                exchange.reset();
            } else {
                answer(exchange, body, fault);
            }
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

    /**
     * Answers with {@code fault} (null for none) applied. By default only a streaming {@link Fault#RESET} is
     * honoured, by resetting before the answer starts; other faults answer normally.
     */
    void answer(Exchange exchange, JsonNode body, Fault fault) throws InferenceRequest.InvalidRequestException {
        if (fault == Fault.RESET) {
            exchange.reset();
        } else {
            answer(exchange, body);
        }
    }

    private void logArrival(Exchange exchange, JsonNode body, MediaParts media, Fault fault) {
        String model = body != null && body.path("model").isTextual() ? body.get("model").asText() : null;
        boolean stream = body != null && body.path("stream").asBoolean(false);
        ResponseWrites writes = new ResponseWrites();
        requestLog.arrived(new RequestRecord(exchange.arrivalNs(), exchange.arrivalEpochNs(), exchange.path(),
                model, stream, exchange.requestHeaders().get("X-Request-ID"),
                exchange.requestHeaders().get("X-Correlation-ID"), media.images(), media.audios(), media.videos(),
                body == null || body.isMissingNode() ? null : body, fault, exchange.connection(), writes, null),
                exchange.requestHeaders());
        exchange.recordWrites(writes);
        exchange.onFinish(requestLog::departed);
    }
}
