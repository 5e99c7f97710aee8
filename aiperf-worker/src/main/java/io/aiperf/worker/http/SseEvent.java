package io.aiperf.worker.http;

/**
 * One server-sent event: the fields of one blank-line-terminated block.
 *
 * @param type    the {@code event:} value, {@value #DEFAULT_TYPE} when absent or empty
 * @param data    the {@code data:} lines joined by {@code "\n"}, or null when the block had no {@code data:} line
 * @param comment the {@code :} comment lines joined by {@code "\n"}, or null when there were none
 */
public record SseEvent(String type, String data, String comment) {

    public static final String DEFAULT_TYPE = "message";
    public static final String ERROR_TYPE = "error";
    public static final String DONE = "[DONE]";

    /** An {@code event: error} block (AIPerf turns it into a 502 error record). */
    public boolean isError() {
        return ERROR_TYPE.equals(type);
    }

    /** The OpenAI end-of-stream sentinel {@code data: [DONE]}. */
    public boolean isDone() {
        return data != null && DONE.equals(data.strip());
    }
}
