package io.aiperf.core.config;

/**
 * The API shape a benchmark speaks. Names are AIPerf's {@code --endpoint-type} values; the path is the
 * default appended to the base URL unless {@code --custom-endpoint} is given, and {@link #streamingPath()} replaces
 * it when streaming and the type has one (TGI's {@code /generate_stream}).
 *
 * <p>{@link #defaultPath()} is null for {@link #TEMPLATE}: requests go to the base URL itself unless
 * {@code --custom-endpoint} is given.
 *
 * <p>{@link #producesTokens()} is false for endpoints whose answer is not generated text (embeddings, rankings):
 * their records get latency metrics but no token metrics. {@link #tokenizesInput()} is false only for
 * {@link #IMAGE_RETRIEVAL}, whose input is images alone: no input sequence length.
 */
public enum EndpointType {
    CHAT("chat", "/v1/chat/completions", null, true, true, "LLM Metrics"),
    COMPLETIONS("completions", "/v1/completions", null, true, true, "LLM Metrics"),
    RESPONSES("responses", "/v1/responses", null, true, true, "LLM Metrics"),
    HUGGINGFACE_GENERATE("huggingface_generate", "/generate", "/generate_stream", true, true, "LLM Metrics"),
    SOLIDO_RAG("solido_rag", "/rag/api/prompt", null, true, true, "SOLIDO RAG Metrics"),
    EMBEDDINGS("embeddings", "/v1/embeddings", null, false, false, "Embeddings Metrics"),
    CHAT_EMBEDDINGS("chat_embeddings", "/v1/embeddings", null, false, false, "Embeddings Metrics"),
    NIM_EMBEDDINGS("nim_embeddings", "/v1/embeddings", null, false, false, "NIM Embeddings Metrics"),
    NIM_RANKINGS("nim_rankings", "/v1/ranking", null, false, false, "Rankings Metrics"),
    HF_TEI_RANKINGS("hf_tei_rankings", "/rerank", null, false, false, "Ranking Metrics"),
    COHERE_RANKINGS("cohere_rankings", "/v2/rerank", null, false, false, "Ranking Metrics"),
    /** A user-defined Jinja2 body (extra input {@code payload_template}); no default path: the URL as given. */
    TEMPLATE("template", null, null, true, true, "LLM Metrics"),
    /** OpenAI images: the answer is images (b64_json), streamed as partial images when asked. */
    IMAGE_GENERATION("image_generation", "/v1/images/generations", null, true, false, "Image Generation Metrics"),
    /** OpenAI/SGLang videos: an asynchronous job (submit, poll, optional download), one record per job. */
    VIDEO_GENERATION("video_generation", "/v1/videos", null, false, false, "Video Generation Metrics"),
    /** NIM image retrieval: images in, detections out; the only endpoint whose input is not tokenized. */
    IMAGE_RETRIEVAL("image_retrieval", "/v1/infer", null, false, false, "Image Retrieval Metrics");

    private final String cliName;
    private final String defaultPath;
    private final String streamingPath;
    private final boolean supportsStreaming;
    private final boolean producesTokens;
    private final String metricsTitle;

    EndpointType(String cliName, String defaultPath, String streamingPath, boolean supportsStreaming,
                 boolean producesTokens, String metricsTitle) {
        this.cliName = cliName;
        this.defaultPath = defaultPath;
        this.streamingPath = streamingPath;
        this.supportsStreaming = supportsStreaming;
        this.producesTokens = producesTokens;
        this.metricsTitle = metricsTitle;
    }

    public String cliName() {
        return cliName;
    }

    /** The path appended to the base URL, or null when requests go to the base URL itself. */
    public String defaultPath() {
        return defaultPath;
    }

    /** The path used instead of {@link #defaultPath()} when streaming, or null when the type has none. */
    public String streamingPath() {
        return streamingPath;
    }

    /** Whether the endpoint can stream its answer (server-sent events). */
    public boolean supportsStreaming() {
        return supportsStreaming;
    }

    /** Whether the endpoint answers with generated text, so that output token metrics mean something. */
    public boolean producesTokens() {
        return producesTokens;
    }

    public String metricsTitle() {
        return metricsTitle;
    }

    /** Whether the request's input is text whose tokens are counted (AIPerf's {@code tokenizes_input}). */
    public boolean tokenizesInput() {
        return this != IMAGE_RETRIEVAL;
    }

    /** Whether the answer is a video job (AIPerf's {@code produces_video}): the video metrics apply. */
    public boolean producesVideo() {
        return this == VIDEO_GENERATION;
    }

    /**
     * Whether requests may carry input images (AIPerf's {@code supports_images}): the per-image metrics apply.
     * The endpoints whose bodies send a turn's images.
     */
    public boolean supportsImages() {
        return switch (this) {
            case CHAT, RESPONSES, CHAT_EMBEDDINGS, NIM_EMBEDDINGS, TEMPLATE, IMAGE_RETRIEVAL -> true;
            default -> false;
        };
    }

    /** The default path for a run that streams or not. */
    public String path(boolean streaming) {
        return streaming && streamingPath != null ? streamingPath : defaultPath;
    }

    /** Case-insensitive, with '-' and '_' interchangeable, as AIPerf accepts enum values. */
    public static EndpointType fromCli(String value) {
        EndpointType type = OptionValues.find(EndpointType.class, EndpointType::cliName, value);
        if (type == null) {
            throw new IllegalArgumentException("unknown endpoint type '" + value + "' (expected one of: "
                    + OptionValues.list(EndpointType.class, EndpointType::cliName) + ")");
        }
        return type;
    }
}
