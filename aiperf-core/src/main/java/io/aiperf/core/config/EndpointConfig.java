package io.aiperf.core.config;

import java.util.List;
import java.util.Map;

/**
 * Where and how requests are sent.
 *
 * @param modelNames       {@code -m}; each turn gets one of them as {@code modelSelection} says
 * @param type             {@code --endpoint-type}
 * @param streaming        {@code --streaming}
 * @param urls             {@code -u}, normalised to {@code scheme://host:port[/path]} without a trailing slash
 * @param customEndpoint   {@code --custom-endpoint}, or null for the type's default path
 * @param requestTimeoutSeconds {@code --request-timeout-seconds}
 * @param apiKey           {@code --api-key} (else {@code OPENAI_API_KEY}), or null; never logged or exported
 * @param headers          {@code --header} pairs in the order given
 * @param extraInputs      {@code --extra-inputs}, values already coerced to Boolean/Long/Double/String or JSON trees
 * @param connectionReuse  {@code --connection-reuse-strategy}; null means {@link ConnectionReuse#POOLED}
 * @param secretHeaders    {@code --secret-header} names: headers redacted like {@code Authorization} (see
 *                         {@link Secrets}); null means none
 * @param tls              how {@code https://} servers are verified; null means {@link TlsConfig#DEFAULT}
 * @param modelSelection   {@code --model-selection-strategy}; null means {@link ModelSelectionStrategy#ROUND_ROBIN}
 * @param requestContentType {@code --request-content-type}; null means {@link RequestContentType#APPLICATION_JSON}
 * @param downloadVideoContent {@code --download-video-content}: a video job's latency includes downloading the video
 */
public record EndpointConfig(
        List<String> modelNames,
        EndpointType type,
        boolean streaming,
        List<String> urls,
        String customEndpoint,
        double requestTimeoutSeconds,
        String apiKey,
        boolean useLegacyMaxTokens,
        boolean useServerTokenCount,
        Map<String, String> headers,
        Map<String, Object> extraInputs,
        ConnectionReuse connectionReuse,
        List<String> secretHeaders,
        TlsConfig tls,
        ModelSelectionStrategy modelSelection,
        RequestContentType requestContentType,
        boolean downloadVideoContent) {

    /** JSON bodies, no video download. */
    public EndpointConfig(List<String> modelNames, EndpointType type, boolean streaming, List<String> urls,
                          String customEndpoint, double requestTimeoutSeconds, String apiKey,
                          boolean useLegacyMaxTokens, boolean useServerTokenCount, Map<String, String> headers,
                          Map<String, Object> extraInputs, ConnectionReuse connectionReuse,
                          List<String> secretHeaders, TlsConfig tls, ModelSelectionStrategy modelSelection) {
        this(modelNames, type, streaming, urls, customEndpoint, requestTimeoutSeconds, apiKey, useLegacyMaxTokens,
                useServerTokenCount, headers, extraInputs, connectionReuse, secretHeaders, tls, modelSelection, null,
                false);
    }

    /** No {@code --secret-header} and the default TLS verification. */
    public EndpointConfig(List<String> modelNames, EndpointType type, boolean streaming, List<String> urls,
                          String customEndpoint, double requestTimeoutSeconds, String apiKey,
                          boolean useLegacyMaxTokens, boolean useServerTokenCount, Map<String, String> headers,
                          Map<String, Object> extraInputs, ConnectionReuse connectionReuse) {
        this(modelNames, type, streaming, urls, customEndpoint, requestTimeoutSeconds, apiKey, useLegacyMaxTokens,
                useServerTokenCount, headers, extraInputs, connectionReuse, null, null, null);
    }

    /** Round-robin model selection. */
    public EndpointConfig(List<String> modelNames, EndpointType type, boolean streaming, List<String> urls,
                          String customEndpoint, double requestTimeoutSeconds, String apiKey,
                          boolean useLegacyMaxTokens, boolean useServerTokenCount, Map<String, String> headers,
                          Map<String, Object> extraInputs, ConnectionReuse connectionReuse,
                          List<String> secretHeaders, TlsConfig tls) {
        this(modelNames, type, streaming, urls, customEndpoint, requestTimeoutSeconds, apiKey, useLegacyMaxTokens,
                useServerTokenCount, headers, extraInputs, connectionReuse, secretHeaders, tls, null);
    }

    public EndpointConfig {
        secretHeaders = secretHeaders == null ? List.of() : List.copyOf(secretHeaders);
        tls = tls == null ? TlsConfig.DEFAULT : tls;
        modelSelection = modelSelection == null ? ModelSelectionStrategy.ROUND_ROBIN : modelSelection;
        requestContentType = requestContentType == null ? RequestContentType.APPLICATION_JSON : requestContentType;
        connectionReuse = connectionReuse == null ? ConnectionReuse.POOLED : connectionReuse;
        modelNames = List.copyOf(modelNames);
        urls = List.copyOf(urls);
        headers = headers == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(headers));
        extraInputs = extraInputs == null ? Map.of()
                : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(extraInputs));
        if (modelNames.isEmpty()) {
            throw new IllegalArgumentException("at least one model name is required");
        }
        if (urls.isEmpty()) {
            throw new IllegalArgumentException("at least one URL is required");
        }
    }

    public String primaryModel() {
        return modelNames.get(0);
    }

    /**
     * The path requests go to: the custom endpoint if set, else the endpoint type's default (its streaming path
     * when streaming and the type has one).
     */
    public String path() {
        return customEndpoint != null ? customEndpoint : type.path(streaming);
    }
}
