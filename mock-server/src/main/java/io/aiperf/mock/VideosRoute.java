package io.aiperf.mock;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netty.buffer.ByteBufInputStream;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.multipart.Attribute;
import io.netty.handler.codec.http.multipart.DefaultHttpDataFactory;
import io.netty.handler.codec.http.multipart.HttpPostRequestDecoder;
import io.netty.handler.codec.http.multipart.InterfaceHttpData;

import java.io.IOException;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The OpenAI/SGLang videos API as an asynchronous job, for the {@code video_generation} endpoint:
 * <ul>
 *   <li>{@code POST /v1/videos}: a JSON body or a {@code multipart/form-data} form with {@code prompt} (and
 *       optionally {@code model}, {@code size}, {@code seconds}); answers at once with the new job,
 *       {@code status: queued};</li>
 *   <li>{@code GET /v1/videos/{id}}: the job as it is now: {@code queued} for the first tenth of its time,
 *       {@code in_progress} with {@code progress} 0–99 until its time (the mock's {@code --video-job-time}) has
 *       passed since the submit, then {@code completed} with {@code inference_time_s} and {@code peak_memory_mb};</li>
 *   <li>{@code GET /v1/videos/{id}/content}: the finished video's bytes ({@code video/mp4}, {@value #VIDEO_BYTES}
 *       filler bytes); 404 for an unknown job, 409 before it completed.</li>
 * </ul>
 * Every request is in the request log under its own path, so a test can count submits, polls and downloads.
 * Jobs live in a concurrent map shared by all connections; no faults are injected here.
 */
final class VideosRoute implements Route {

    static final String PATH = "/v1/videos";
    static final String PREFIX = PATH + "/";
    static final String CONTENT = "/content";
    static final int VIDEO_BYTES = 256 * 1024;
    static final double PEAK_MEMORY_MB = 8192.0;
    private static final byte[] VIDEO = filler();

    private record Job(String id, long createdNs, long createdEpochSec, String prompt, String model, String size,
                       String seconds) {
    }

    private final MockConfig config;
    private final RequestLog requestLog;
    private final Map<String, Job> jobs = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();

    VideosRoute(MockConfig config, RequestLog requestLog) {
        this.config = config;
        this.requestLog = requestLog;
    }

    /** Whether {@code path} is a job's status or content path. */
    static boolean isJobPath(String path) {
        return path.startsWith(PREFIX) && path.length() > PREFIX.length();
    }

    @Override
    public void handle(Exchange exchange, FullHttpRequest request) {
        String path = exchange.path();
        if (path.equals(PATH)) {
            if (request.method() != HttpMethod.POST) {
                exchange.respondError(HttpResponseStatus.METHOD_NOT_ALLOWED, "use POST on " + PATH,
                        "method_not_allowed");
                return;
            }
            submit(exchange, request);
            return;
        }
        log(exchange, null);
        if (request.method() != HttpMethod.GET) {
            exchange.respondError(HttpResponseStatus.METHOD_NOT_ALLOWED, "use GET on " + path, "method_not_allowed");
            return;
        }
        boolean content = path.endsWith(CONTENT);
        String id = path.substring(PREFIX.length(), content ? path.length() - CONTENT.length() : path.length());
        Job job = jobs.get(id);
        if (job == null) {
            exchange.respondError(HttpResponseStatus.NOT_FOUND, "no video job '" + id + "'", "not_found");
            return;
        }
        long elapsedNs = System.nanoTime() - job.createdNs();
        if (!content) {
            exchange.respondJson(HttpResponseStatus.OK, jobJson(exchange, job, elapsedNs));
        } else if (elapsedNs < config.videoJobNs()) {
            exchange.respondError(HttpResponseStatus.CONFLICT, "video job '" + id + "' is not completed",
                    "invalid_request_error");
        } else {
            FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK,
                    Unpooled.wrappedBuffer(VIDEO));
            response.headers().set(HttpHeaderNames.CONTENT_TYPE, "video/mp4")
                    .setInt(HttpHeaderNames.CONTENT_LENGTH, VIDEO.length);
            exchange.send(response);
        }
    }

    private void submit(Exchange exchange, FullHttpRequest request) {
        ObjectNode form;
        try {
            form = read(request);
        } catch (IOException | RuntimeException e) {
            log(exchange, null);
            exchange.respondError(HttpResponseStatus.BAD_REQUEST, "unreadable body: " + e.getMessage(),
                    "invalid_request_error");
            return;
        }
        log(exchange, form);
        if (!form.path("prompt").isTextual() || form.get("prompt").asText().isEmpty()) {
            exchange.respondError(HttpResponseStatus.BAD_REQUEST, "'prompt' must be a non-empty string",
                    "invalid_request_error");
            return;
        }
        String id = "video_" + Long.toHexString(0x1000 + ids.incrementAndGet());
        Job job = new Job(id, exchange.arrivalNs(), System.currentTimeMillis() / 1000, form.get("prompt").asText(),
                form.path("model").isTextual() ? form.get("model").asText() : ModelsRoute.MODEL_ID,
                form.path("size").isTextual() ? form.get("size").asText() : "1280x720",
                form.hasNonNull("seconds") ? form.get("seconds").asText() : "4");
        jobs.put(id, job);
        exchange.respondJson(HttpResponseStatus.OK, jobJson(exchange, job, 0));
    }

    /** A JSON body, or the fields of a multipart (or urlencoded) form as strings. */
    private static ObjectNode read(FullHttpRequest request) throws IOException {
        String type = request.headers().get(HttpHeaderNames.CONTENT_TYPE, "").toLowerCase(Locale.ROOT);
        if (type.startsWith(HttpHeaderValues.MULTIPART_FORM_DATA.toString())
                || type.startsWith(HttpHeaderValues.APPLICATION_X_WWW_FORM_URLENCODED.toString())) {
            ObjectNode form = Json.MAPPER.createObjectNode();
            HttpPostRequestDecoder decoder = new HttpPostRequestDecoder(new DefaultHttpDataFactory(false), request);
            try {
                for (InterfaceHttpData data : decoder.getBodyHttpDatas()) {
                    if (data instanceof Attribute attribute) {
                        form.put(attribute.getName(), attribute.getValue());
                    }
                }
            } finally {
                decoder.destroy();
            }
            return form;
        }
        try {
            JsonNode body = Json.MAPPER.readTree(new ByteBufInputStream(request.content()));
            if (body == null || !body.isObject()) {
                throw new IOException("the body must be a JSON object or a form");
            }
            return (ObjectNode) body;
        } catch (JsonProcessingException e) {
            throw new IOException("invalid JSON: " + e.getOriginalMessage());
        }
    }

    private io.netty.buffer.ByteBuf jobJson(Exchange exchange, Job job, long elapsedNs) {
        long totalNs = config.videoJobNs();
        boolean done = elapsedNs >= totalNs;
        boolean queued = !done && elapsedNs < totalNs / 10;
        int progress = done ? 100 : queued ? 0 : (int) Math.min(99, elapsedNs * 100 / Math.max(1, totalNs));
        return Json.encode(exchange.ctx().alloc(), json -> {
            json.writeStartObject();
            json.writeStringField("id", job.id());
            json.writeStringField("object", "video");
            json.writeStringField("model", job.model());
            json.writeStringField("status", done ? "completed" : queued ? "queued" : "in_progress");
            json.writeNumberField("progress", progress);
            json.writeNumberField("created_at", job.createdEpochSec());
            json.writeStringField("size", job.size());
            json.writeStringField("seconds", job.seconds());
            if (done) {
                json.writeNumberField("completed_at", job.createdEpochSec() + totalNs / 1_000_000_000L);
                json.writeNumberField("inference_time_s", totalNs / 1e9);
                json.writeNumberField("peak_memory_mb", PEAK_MEMORY_MB);
            }
            json.writeEndObject();
        });
    }

    private void log(Exchange exchange, JsonNode body) {
        ResponseWrites writes = new ResponseWrites();
        requestLog.arrived(new RequestRecord(exchange.arrivalNs(), exchange.arrivalEpochNs(), exchange.path(),
                body != null && body.path("model").isTextual() ? body.get("model").asText() : null, false,
                exchange.requestHeaders().get("X-Request-ID"), exchange.requestHeaders().get("X-Correlation-ID"),
                0, 0, 0, body, null, exchange.connection(), writes, null), exchange.requestHeaders());
        exchange.recordWrites(writes);
        exchange.onFinish(requestLog::departed);
    }

    private static byte[] filler() {
        byte[] bytes = new byte[VIDEO_BYTES];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) (i * 31 + 7);
        }
        return bytes;
    }
}
