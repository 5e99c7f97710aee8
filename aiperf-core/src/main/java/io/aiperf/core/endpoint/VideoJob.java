package io.aiperf.core.endpoint;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.Locale;

/**
 * One state of a video generation job as the OpenAI/SGLang videos API reports it, on submit
 * ({@code POST /v1/videos}) and on every poll ({@code GET /v1/videos/{id}}).
 *
 * @param id                the job id, or null
 * @param status            {@code queued}, {@code in_progress}, {@code completed} or {@code failed} (lower case),
 *                          or null
 * @param progress          percent done, or null
 * @param url               where the finished video can be downloaded, when the server says, else null
 * @param inferenceTimeSec  the server's generation time ({@code inference_time_s}), or null
 * @param peakMemoryMb      the server's peak memory ({@code peak_memory_mb}), or null
 * @param error             the failure message ({@code error.message}, or {@code error} as text), or null
 */
public record VideoJob(String id, String status, Double progress, String url, Double inferenceTimeSec,
                       Double peakMemoryMb, String error) {

    public static final String COMPLETED = "completed";
    public static final String FAILED = "failed";

    private static final ObjectMapper MAPPER = new ObjectMapper();

    public boolean completed() {
        return COMPLETED.equals(status);
    }

    public boolean failed() {
        return FAILED.equals(status);
    }

    /**
     * Reads a job object.
     *
     * @throws ResponseParseException when the body is not a JSON object
     */
    public static VideoJob parse(String json) throws ResponseParseException {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw JsonMessages.malformed(e);
        }
        if (root == null || !root.isObject()) {
            throw JsonMessages.rejected("not a video job object", json);
        }
        return of(root);
    }

    /** A job from its object. */
    static VideoJob of(JsonNode root) {
        String status = TreeResponseParser.text(root.get("status"));
        JsonNode error = root.get("error");
        String errorText = error == null || error.isNull() ? null
                : error.isObject() ? TreeResponseParser.text(error.get("message")) : error.asText();
        return new VideoJob(TreeResponseParser.text(root.get("id")),
                status == null ? null : status.toLowerCase(Locale.ROOT), number(root.get("progress")),
                TreeResponseParser.text(root.get("url")), number(root.get("inference_time_s")),
                number(root.get("peak_memory_mb")), errorText);
    }

    private static Double number(JsonNode node) {
        return node != null && node.isNumber() ? node.doubleValue() : null;
    }
}
