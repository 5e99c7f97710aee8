package io.aiperf.core.config;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Everything a run needs, resolved and validated by the CLI. The controller receives it over the bus and
 * hands it to every worker; nothing below the CLI sees command-line parsing.
 *
 * @param benchmarkId one UUID shared by every export of the run
 * @param cliCommand  the command line as the user typed it, secrets already redacted
 * @param metrics     goodput SLOs ({@link MetricsConfig#NONE} when none)
 */
public record BenchmarkConfig(
        String benchmarkId,
        String cliCommand,
        EndpointConfig endpoint,
        InputConfig input,
        LoadConfig load,
        TokenizerConfig tokenizer,
        OutputConfig output,
        ServiceConfig service,
        MetricsConfig metrics) {

    public static final String REDACTED = "<redacted>";

    public BenchmarkConfig {
        metrics = metrics == null ? MetricsConfig.NONE : metrics;
    }

    /** A copy safe to write into exports and logs: the API key and secret-looking headers are masked. */
    public BenchmarkConfig redacted() {
        Map<String, String> headers = new LinkedHashMap<>();
        endpoint.headers().forEach((k, v) -> headers.put(k, SecretHeaders.isSecret(k) ? REDACTED : v));
        EndpointConfig e = new EndpointConfig(endpoint.modelNames(), endpoint.type(), endpoint.streaming(),
                endpoint.urls(), endpoint.customEndpoint(), endpoint.requestTimeoutSeconds(),
                endpoint.apiKey() == null ? null : REDACTED, endpoint.useLegacyMaxTokens(),
                endpoint.useServerTokenCount(), headers, endpoint.extraInputs(), endpoint.connectionReuse());
        return new BenchmarkConfig(benchmarkId, cliCommand, e, input, load, tokenizer, output, service, metrics);
    }
}
