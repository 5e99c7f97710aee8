package io.aiperf.core.endpoint;

import io.aiperf.core.config.EndpointConfig;
import io.aiperf.core.config.EndpointType;

/**
 * Turns one JSON message from the server (an SSE {@code data:} payload, or a whole non-streaming body) into text,
 * reasoning and usage. Implementations are stateless singletons, safe to share between event loops.
 *
 * <p>A message the endpoint does not recognise (malformed JSON, not an object, an unexpected {@code object} value)
 * is a {@link ResponseParseException}, which the transport turns into an error record; nothing else escapes. The
 * template endpoint's parser is the exception: a message that is not JSON is taken as plain text.
 */
public sealed interface ResponseParser permits ChatResponseParser, CompletionsResponseParser, TreeResponseParser,
        TemplateResponseParser {

    /**
     * The parser for an endpoint: {@link #forType}, except that a template endpoint's parser reads its
     * {@code response_field} extra input.
     *
     * @throws IllegalArgumentException when a template endpoint's {@code response_field} is not valid JMESPath
     */
    static ResponseParser of(EndpointConfig cfg) {
        return cfg.type() == EndpointType.TEMPLATE ? TemplateResponseParser.of(cfg) : forType(cfg.type());
    }

    /** The parser of an endpoint type; a template endpoint's is the auto-detecting one (no {@code response_field}). */
    static ResponseParser forType(EndpointType type) {
        return switch (type) {
            case CHAT -> ChatResponseParser.INSTANCE;
            case COMPLETIONS -> CompletionsResponseParser.INSTANCE;
            case RESPONSES -> ResponsesResponseParser.INSTANCE;
            case HUGGINGFACE_GENERATE -> HuggingFaceGenerateResponseParser.INSTANCE;
            case SOLIDO_RAG -> SolidoRagResponseParser.INSTANCE;
            case EMBEDDINGS, CHAT_EMBEDDINGS, NIM_EMBEDDINGS -> EmbeddingsResponseParser.INSTANCE;
            case NIM_RANKINGS -> RankingsResponseParser.NIM;
            case HF_TEI_RANKINGS -> RankingsResponseParser.TEI;
            case COHERE_RANKINGS -> RankingsResponseParser.COHERE;
            case TEMPLATE -> TemplateResponseParser.AUTO;
            case IMAGE_GENERATION -> ImageGenerationResponseParser.INSTANCE;
            case IMAGE_RETRIEVAL -> ImageRetrievalResponseParser.INSTANCE;
            case VIDEO_GENERATION -> VideoJobResponseParser.INSTANCE;
        };
    }

    /**
     * @param json one complete JSON document
     * @return what the message carried; {@link ParsedResponse#hasContent()} tells whether it is a content response
     * @throws ResponseParseException when the message is not one this endpoint produces
     */
    ParsedResponse parse(String json) throws ResponseParseException;
}
