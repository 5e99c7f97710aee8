package io.aiperf.core.endpoint;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aiperf.core.model.Usage;

/**
 * Base of the parsers for the less common endpoints (embeddings, rankings, TGI, Responses, Solido RAG): they read a
 * Jackson tree rather than streaming tokens. A design choice, not a measured one: simpler to get right, at the cost
 * of one tree per message (most of these endpoints send one message per request; TGI and Responses one small event
 * per token, where the streaming parsers of chat and completions would allocate less — unmeasured).
 */
abstract sealed class TreeResponseParser implements ResponseParser
        permits EmbeddingsResponseParser, RankingsResponseParser, HuggingFaceGenerateResponseParser,
        ResponsesResponseParser, SolidoRagResponseParser, ImageGenerationResponseParser, ImageRetrievalResponseParser,
        VideoJobResponseParser {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Override
    public final ParsedResponse parse(String json) throws ResponseParseException {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw JsonMessages.malformed(e);
        }
        if (root == null || root.isMissingNode()) {
            throw JsonMessages.rejected("empty message", json);
        }
        return read(root, json);
    }

    /** @param root the parsed message (any JSON value) */
    abstract ParsedResponse read(JsonNode root, String json) throws ResponseParseException;

    /** The text of a string node, else null. */
    static String text(JsonNode node) {
        return node != null && node.isTextual() ? node.textValue() : null;
    }

    /**
     * A usage object in either naming: OpenAI's {@code prompt_tokens}/{@code completion_tokens} or the Responses
     * API's {@code input_tokens}/{@code output_tokens}; null when {@code node} is not an object.
     */
    static Usage usage(JsonNode node) {
        if (node == null || !node.isObject()) {
            return null;
        }
        Long prompt = number(node.has("prompt_tokens") ? node.get("prompt_tokens") : node.get("input_tokens"));
        Long completion = number(node.has("completion_tokens") ? node.get("completion_tokens")
                : node.get("output_tokens"));
        Long total = number(node.get("total_tokens"));
        JsonNode details = node.has("completion_tokens_details") ? node.get("completion_tokens_details")
                : node.get("output_tokens_details");
        Long reasoning = details != null && details.isObject() ? number(details.get("reasoning_tokens")) : null;
        return new Usage(prompt, completion, total, reasoning);
    }

    private static Long number(JsonNode node) {
        return node != null && node.isNumber() ? node.longValue() : null;
    }
}
