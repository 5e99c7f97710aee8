package io.aiperf.mock;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.netty.buffer.ByteBufInputStream;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The common start of every inference route: read the JSON body, log the arrival with its media count (before
 * validating: the log is what arrived, including requests the mock then refuses), answer 400 to invalid JSON or
 * malformed media ({@link MediaParts}), maybe inject a {@link Fault}, then let the route {@link #answer} it.
 *
 * <p>The faults every route shares are handled here: HTTP 500, 429 and 503, a stall, a reset and an endless body.
 * The others are passed to {@link #answer(Exchange, JsonNode, Fault)}, which routes that shape OpenAI answers
 * override.
 */
abstract class JsonRoute implements Route {

    private final RequestLog requestLog;
    private final FaultInjector faults;
    private final ServedTraffic traffic;

    JsonRoute(RequestLog requestLog, FaultInjector faults, ServedTraffic traffic) {
        this.requestLog = requestLog;
        this.faults = faults;
        this.traffic = traffic;
    }

    /** Where routes that generate tokens count what they serve. */
    ServedTraffic traffic() {
        return traffic;
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
        if (!valid) {
            traffic.failed();
        }
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
        if (fault == Fault.HTTP_500 || fault == Fault.HTTP_429 || fault == Fault.HTTP_503 || fault == Fault.STALL
                || fault == Fault.OVERSIZE || fault == Fault.RESET && !body.path("stream").asBoolean(false)) {
            traffic.failed();
        }
        if (fault == Fault.HTTP_500) {
            exchange.respondJson(HttpResponseStatus.INTERNAL_SERVER_ERROR,
                    Json.error(exchange.ctx().alloc(), Fault.MESSAGE, "server_error", 500));
            return;
        }
        if (fault == Fault.HTTP_429 || fault == Fault.HTTP_503) {
            boolean limited = fault == Fault.HTTP_429;
            FullHttpResponse response = exchange.jsonResponse(
                    limited ? HttpResponseStatus.TOO_MANY_REQUESTS : HttpResponseStatus.SERVICE_UNAVAILABLE,
                    Json.error(exchange.ctx().alloc(), Fault.MESSAGE, limited ? "rate_limit_exceeded" : "overloaded",
                            limited ? 429 : 503));
            response.headers().setInt(HttpHeaderNames.RETRY_AFTER, Fault.RETRY_AFTER_SECONDS);
            exchange.send(response);
            return;
        }
        if (fault == Fault.STALL) {
            return; // the exchange stays open until the client gives up and closes the connection
        }
        if (fault == Fault.OVERSIZE) {
            oversize(exchange, body.path("stream").asBoolean(false));
            return;
        }
        try {
            if (fault == Fault.RESET && !body.path("stream").asBoolean(false)) {
                exchange.reset();
            } else {
                answer(exchange, body, fault);
            }
        } catch (InferenceRequest.InvalidRequestException e) {
            traffic.failed();
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
            traffic.failed();
            exchange.reset();
        } else {
            answer(exchange, body);
        }
    }

    /**
     * A 200 that never ends: a JSON body whose first choice's text keeps growing, or one {@code data:} line that never
     * ends; a client without a per-response cap would read it until its request timeout.
     */
    private static void oversize(Exchange exchange, boolean stream) {
        String head = (stream ? "data: " : "") + "{\"id\":\"oversize\",\"object\":\""
                + (stream ? "chat.completion.chunk" : "chat.completion") + "\",\"choices\":[{\"index\":0,\""
                + (stream ? "delta" : "message") + "\":{\"content\":\"";
        exchange.startChunkedBody(HttpResponseStatus.OK,
                stream ? HttpHeaderValues.TEXT_EVENT_STREAM : HttpHeaderValues.APPLICATION_JSON);
        EndlessBody.start(exchange, Unpooled.copiedBuffer(head, StandardCharsets.US_ASCII),
                Unpooled.copiedBuffer(" the", StandardCharsets.US_ASCII));
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
