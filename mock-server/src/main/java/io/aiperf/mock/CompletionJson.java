package io.aiperf.mock;

import com.fasterxml.jackson.core.JsonGenerator;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.io.IOException;

/**
 * The OpenAI response shapes for one request: streamed chunks, the usage chunk, and the whole non-streamed
 * body. Holds the fields every piece of one response repeats (id, object, created, model).
 */
final class CompletionJson {

    private final Endpoint endpoint;
    private final String id;
    private final long createdEpochS;
    private final String model;

    CompletionJson(Endpoint endpoint, String id, long createdEpochS, String model) {
        this.endpoint = endpoint;
        this.id = id;
        this.createdEpochS = createdEpochS;
        this.model = model;
    }

    /** One streamed token; {@code finishReason} is null on all but the last. */
    ByteBuf tokenChunk(ByteBufAllocator alloc, String text, boolean first, String finishReason) {
        return Json.encodeSse(alloc, json -> {
            header(json, endpoint.chunkObject);
            json.writeArrayFieldStart("choices");
            json.writeStartObject();
            json.writeNumberField("index", 0);
            if (endpoint == Endpoint.CHAT) {
                json.writeObjectFieldStart("delta");
                if (first) {
                    json.writeStringField("role", "assistant");
                }
                json.writeStringField("content", text);
                json.writeEndObject();
            } else {
                json.writeStringField("text", text);
            }
            json.writeStringField("finish_reason", finishReason);
            json.writeEndObject();
            json.writeEndArray();
            json.writeEndObject();
        });
    }

    /** One streamed reasoning token (chat only): {@code delta.reasoning_content}, as vLLM and SGLang send it. */
    ByteBuf reasoningChunk(ByteBufAllocator alloc, String text, boolean first) {
        return Json.encodeSse(alloc, json -> {
            header(json, endpoint.chunkObject);
            json.writeArrayFieldStart("choices");
            json.writeStartObject();
            json.writeNumberField("index", 0);
            json.writeObjectFieldStart("delta");
            if (first) {
                json.writeStringField("role", "assistant");
            }
            json.writeStringField("reasoning_content", text);
            json.writeEndObject();
            json.writeNullField("finish_reason");
            json.writeEndObject();
            json.writeEndArray();
            json.writeEndObject();
        });
    }

    /** The trailing chunk sent when the client asked for {@code stream_options.include_usage}. */
    ByteBuf usageChunk(ByteBufAllocator alloc, OutputPlan.Usage usage) {
        return Json.encodeSse(alloc, json -> {
            header(json, endpoint.chunkObject);
            json.writeArrayFieldStart("choices");
            json.writeEndArray();
            usage(json, usage);
            json.writeEndObject();
        });
    }

    /**
     * The whole answer of a non-streaming request.
     *
     * @param reasoning the reasoning that preceded the answer ({@code message.reasoning_content}, chat only), or null
     */
    ByteBuf fullResponse(ByteBufAllocator alloc, String text, String reasoning, String finishReason,
                         OutputPlan.Usage usage) {
        return Json.encode(alloc, json -> {
            header(json, endpoint.object);
            json.writeArrayFieldStart("choices");
            json.writeStartObject();
            json.writeNumberField("index", 0);
            if (endpoint == Endpoint.CHAT) {
                json.writeObjectFieldStart("message");
                json.writeStringField("role", "assistant");
                json.writeStringField("content", text);
                if (reasoning != null) {
                    json.writeStringField("reasoning_content", reasoning);
                }
                json.writeEndObject();
            } else {
                json.writeStringField("text", text);
            }
            json.writeStringField("finish_reason", finishReason);
            json.writeEndObject();
            json.writeEndArray();
            usage(json, usage);
            json.writeEndObject();
        });
    }

    /** A non-streaming answer whose {@code choices} list is empty (an injected {@link Fault#EMPTY_CHOICES}). */
    ByteBuf noChoicesResponse(ByteBufAllocator alloc, OutputPlan.Usage usage) {
        return Json.encode(alloc, json -> {
            header(json, endpoint.object);
            json.writeArrayFieldStart("choices");
            json.writeEndArray();
            usage(json, usage);
            json.writeEndObject();
        });
    }

    /** A streamed chunk cut off inside its first choice: not JSON (an injected {@link Fault#MALFORMED_JSON}). */
    ByteBuf truncatedChunk(ByteBufAllocator alloc) {
        ByteBuf cut = cutInsideFirstChoice(alloc, tokenChunk(alloc, "", false, null));
        return cut.writeByte('\n').writeByte('\n');
    }

    /** A whole answer cut off inside its first choice: not JSON (an injected {@link Fault#MALFORMED_JSON}). */
    ByteBuf truncatedResponse(ByteBufAllocator alloc) {
        return cutInsideFirstChoice(alloc, fullResponse(alloc, "", null, "stop", new OutputPlan.Usage(0, 0, 0)));
    }

    /**
     * The bytes of {@code whole} up to and including the opening brace of its first choice: always the same syntax
     * error, whatever the id and numbers before it, so a client sees one kind of malformed JSON. Releases
     * {@code whole}.
     */
    private static ByteBuf cutInsideFirstChoice(ByteBufAllocator alloc, ByteBuf whole) {
        try {
            String text = whole.toString(java.nio.charset.StandardCharsets.UTF_8);
            int end = text.indexOf(CHOICES_OPEN) + CHOICES_OPEN.length();
            // The prefix is ASCII (ids, numbers, field names), so characters and bytes coincide.
            ByteBuf cut = alloc.buffer(end + 2);
            cut.writeBytes(whole, whole.readerIndex(), end);
            return cut;
        } finally {
            whole.release();
        }
    }

    private static final String CHOICES_OPEN = "\"choices\":[{";

    private void header(JsonGenerator json, String object) throws IOException {
        json.writeStartObject();
        json.writeStringField("id", id);
        json.writeStringField("object", object);
        json.writeNumberField("created", createdEpochS);
        json.writeStringField("model", model);
    }

    /** OpenAI's usage object; {@code completion_tokens_details.reasoning_tokens} only when there was reasoning. */
    private static void usage(JsonGenerator json, OutputPlan.Usage usage) throws IOException {
        json.writeObjectFieldStart("usage");
        json.writeNumberField("prompt_tokens", usage.prompt());
        json.writeNumberField("completion_tokens", usage.completion());
        json.writeNumberField("total_tokens", usage.prompt() + usage.completion());
        if (usage.reasoning() > 0) {
            json.writeObjectFieldStart("completion_tokens_details");
            json.writeNumberField("reasoning_tokens", usage.reasoning());
            json.writeEndObject();
        }
        json.writeEndObject();
    }
}
