package io.aiperf.mock;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The fields of a chat or completions request body that shape the mock's answer. Everything else in the
 * body (temperature, tools, …) is accepted and ignored.
 *
 * @param maxTokens  the output cap, or null if the request sets none
 * @param minTokens  the output floor, or null if the request sets none
 * @param promptText all prompt text concatenated; its length drives prompt_tokens and its hash the output
 * @param reasoningEffort {@code reasoning_effort} (chat) or {@code reasoning.effort} (responses), or null
 */
record InferenceRequest(
        String model,
        boolean stream,
        boolean includeUsage,
        Integer maxTokens,
        Integer minTokens,
        boolean ignoreEos,
        String promptText,
        String reasoningEffort) {

    /** A body the mock refuses with 400; the message goes to the client verbatim. */
    static final class InvalidRequestException extends Exception {
        InvalidRequestException(String message) {
            super(message, null, false, false);
        }
    }

    static InferenceRequest parse(Endpoint endpoint, JsonNode body) throws InvalidRequestException {
        if (body == null || !body.isObject()) {
            throw new InvalidRequestException("request body must be a JSON object");
        }
        String model = body.path("model").isTextual() ? body.get("model").asText() : null;
        boolean stream = body.path("stream").asBoolean(false);
        boolean includeUsage = body.path("stream_options").path("include_usage").asBoolean(false);
        boolean ignoreEos = body.path("ignore_eos").asBoolean(false);
        Integer minTokens = count(body, "min_tokens");
        Integer maxTokens;
        String prompt;
        if (endpoint == Endpoint.CHAT) {
            // Newer OpenAI clients send max_completion_tokens; older ones and most servers use max_tokens.
            maxTokens = count(body, "max_completion_tokens");
            if (maxTokens == null) {
                maxTokens = count(body, "max_tokens");
            }
            prompt = chatPrompt(body.path("messages"));
        } else {
            maxTokens = count(body, "max_tokens");
            prompt = completionPrompt(body.path("prompt"));
        }
        return new InferenceRequest(model, stream, includeUsage, maxTokens, minTokens, ignoreEos, prompt,
                reasoningEffort(body));
    }

    /** Chat's {@code reasoning_effort}, else the Responses API's {@code reasoning.effort}; null when neither. */
    static String reasoningEffort(JsonNode body) {
        JsonNode effort = body.path("reasoning_effort");
        if (!effort.isTextual()) {
            effort = body.path("reasoning").path("effort");
        }
        return effort.isTextual() ? effort.asText() : null;
    }

    private static Integer count(JsonNode body, String field) throws InvalidRequestException {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.canConvertToInt() || !value.isIntegralNumber() || value.intValue() < 0) {
            throw new InvalidRequestException(field + " must be a non-negative integer");
        }
        return value.intValue();
    }

    private static String chatPrompt(JsonNode messages) {
        StringBuilder text = new StringBuilder();
        for (JsonNode message : messages) {
            JsonNode content = message.path("content");
            if (content.isTextual()) {
                text.append(content.asText());
            } else if (content.isArray()) {
                // Multimodal content: only the text parts count as prompt text.
                for (JsonNode part : content) {
                    if ("text".equals(part.path("type").asText()) && part.path("text").isTextual()) {
                        text.append(part.get("text").asText());
                    }
                }
            }
        }
        return text.toString();
    }

    private static String completionPrompt(JsonNode prompt) {
        if (prompt.isTextual()) {
            return prompt.asText();
        }
        StringBuilder text = new StringBuilder();
        for (JsonNode item : prompt) {
            if (item.isTextual()) {
                text.append(item.asText());
            }
        }
        return text.toString();
    }
}
