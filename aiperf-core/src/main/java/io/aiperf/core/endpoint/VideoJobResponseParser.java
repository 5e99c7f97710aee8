package io.aiperf.core.endpoint;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * {@code video_generation} seen as one message: a job object ({@link VideoJob}) that completed is one non-text
 * content response, any other state is none. The worker's video job client reads the job states itself; this is
 * what a plain transport (and the raw-record re-reader) would make of a final job body.
 */
public final class VideoJobResponseParser extends TreeResponseParser {

    static final VideoJobResponseParser INSTANCE = new VideoJobResponseParser();

    private VideoJobResponseParser() {
    }

    @Override
    ParsedResponse read(JsonNode root, String json) throws ResponseParseException {
        if (!root.isObject()) {
            throw JsonMessages.rejected("not a video job object", json);
        }
        VideoJob job = VideoJob.of(root);
        return job.completed() ? ParsedResponse.nonText(usage(root.get("usage")))
                : new ParsedResponse(null, null, usage(root.get("usage")));
    }
}
