package io.aiperf.cli.options;

import picocli.CommandLine.Option;

import java.util.ArrayList;
import java.util.List;

/** AIPerf's "Endpoint" option group. Mutable and annotated; {@link ProfileConfigResolver} maps it to records. */
public final class EndpointOptions {

    @Option(names = {"-m", "--model-names", "--model"}, split = ",", arity = "1..*",
            parameterConsumer = ValuesUntilNextOption.class, paramLabel = "MODEL",
            description = "Model name(s) to benchmark (required): -m a b, -m a,b or -m a -m b.")
    public List<String> modelNames = new ArrayList<>();

    @Option(names = "--model-selection-strategy", paramLabel = "STRATEGY", defaultValue = "round_robin",
            description = "With several models, which one each turn's body names, chosen once per turn in dataset "
                    + "order: round_robin (the n-th turn gets model n mod count) or random (uniform, repeatable "
                    + "with --random-seed) (default: ${DEFAULT-VALUE}).")
    public String modelSelectionStrategy;

    @Option(names = "--endpoint-type", paramLabel = "TYPE", defaultValue = "chat",
            description = "API to call: chat, completions, responses, embeddings, chat_embeddings, nim_embeddings, "
                    + "huggingface_generate, solido_rag, nim_rankings, hf_tei_rankings, cohere_rankings "
                    + "(default: ${DEFAULT-VALUE}).")
    public String endpointType;

    @Option(names = "--streaming", description = "Request streamed (SSE) responses; enables TTFT, ITL and ICL.")
    public boolean streaming;

    @Option(names = {"-u", "--url"}, arity = "1..*",
            parameterConsumer = ValuesUntilNextOption.class, paramLabel = "URL",
            description = "Base URL(s) of the server, with or without scheme and /v1; several: -u h1 h2 or -u h1 "
                    + "-u h2 (default: localhost:8000).")
    public List<String> urls = new ArrayList<>();

    @Option(names = "--url-strategy", paramLabel = "STRATEGY", defaultValue = "round_robin",
            description = "With several -u URLs, which one a conversation goes to (all its turns stick to it): "
                    + "round_robin, AIPerf's only strategy (default: ${DEFAULT-VALUE}).")
    public String urlStrategy;

    @Option(names = {"--transport", "--transport-type"}, paramLabel = "TRANSPORT",
            description = "http, AIPerf's only transport (HTTP/1.1; https:// URLs use TLS over it); the default "
                    + "follows the URL's scheme.")
    public String transport;

    @Option(names = {"--custom-endpoint", "--endpoint"}, paramLabel = "PATH",
            description = "Path to call instead of the endpoint type's default (e.g. /v1/custom).")
    public String customEndpoint;

    @Option(names = "--request-timeout-seconds", paramLabel = "S", defaultValue = "21600",
            description = "Total time allowed per request (default: ${DEFAULT-VALUE}).")
    public double requestTimeoutSeconds;

    @Option(names = "--api-key", paramLabel = "KEY",
            description = "Sent as 'Authorization: Bearer KEY' (default: $OPENAI_API_KEY when set); never logged "
                    + "or exported.")
    public String apiKey;

    @Option(names = "--secret-header", paramLabel = "NAME",
            description = "Ours: redact this -H header's value in logs and exports, like Authorization, Cookie "
                    + "and X-Api-Key are; repeatable.")
    public List<String> secretHeaders = new ArrayList<>();

    @Option(names = "--ssl-ca-file", paramLabel = "PATH",
            description = "Ours: PEM file of CA certificates trusted for https:// URLs, besides the JDK's.")
    public String sslCaFile;

    @Option(names = "--ssl-insecure",
            description = "Ours, for testing: accept any server certificate for any host name (warns).")
    public boolean sslInsecure;

    @Option(names = "--use-legacy-max-tokens", description = "chat: send max_tokens instead of max_completion_tokens.")
    public boolean useLegacyMaxTokens;

    @Option(names = "--use-server-token-count",
            description = "Count tokens from the server's usage field (asks for it when streaming).")
    public boolean useServerTokenCount;

    @Option(names = "--connection-reuse-strategy", paramLabel = "STRATEGY", defaultValue = "pooled",
            description = "pooled (keep-alive connections shared by all requests), never (a new connection for "
                    + "every request, closed after it) or sticky-user-sessions (one connection per conversation, "
                    + "used by each of its turns and closed after the last) (default: ${DEFAULT-VALUE}).")
    public String connectionReuseStrategy;

    @Option(names = "--request-content-type", paramLabel = "TYPE", defaultValue = "application/json",
            description = "application/json or multipart/form-data (video_generation only: the submit is sent as a "
                    + "form) (default: ${DEFAULT-VALUE}).")
    public String requestContentType;

    @Option(names = "--download-video-content",
            description = "video_generation: download each finished video; its latency then includes the download.")
    public boolean downloadVideoContent;

    @Option(names = "--mock-server",
            description = "Start the built-in mock server in-process and benchmark it (ignores --url).")
    public boolean mockServer;
}
