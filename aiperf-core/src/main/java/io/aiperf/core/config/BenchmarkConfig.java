package io.aiperf.core.config;

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
        MetricsConfig metrics,
        TelemetryConfig telemetry) {

    /** What a secret is replaced with ({@link Secrets#REDACTED}). */
    public static final String REDACTED = Secrets.REDACTED;

    public BenchmarkConfig {
        metrics = metrics == null ? MetricsConfig.NONE : metrics;
        telemetry = telemetry == null ? TelemetryConfig.NONE : telemetry;
    }

    /** A run that scrapes nothing besides the benchmark (tests, and tools that replay a run). */
    public BenchmarkConfig(String benchmarkId, String cliCommand, EndpointConfig endpoint, InputConfig input,
                           LoadConfig load, TokenizerConfig tokenizer, OutputConfig output, ServiceConfig service,
                           MetricsConfig metrics) {
        this(benchmarkId, cliCommand, endpoint, input, load, tokenizer, output, service, metrics, null);
    }

    /** This configuration with its exports in {@code dir}. */
    public BenchmarkConfig withArtifactDir(String dir) {
        return new BenchmarkConfig(benchmarkId, cliCommand, endpoint, input, load, tokenizer,
                output.withArtifactDir(dir), service, metrics, telemetry);
    }

    /** This configuration as a run of its own: a repeated run gets a new id, so no two exports share one. */
    public BenchmarkConfig withBenchmarkId(String id) {
        return new BenchmarkConfig(id, cliCommand, endpoint, input, load, tokenizer, output, service, metrics,
                telemetry);
    }

    /** This configuration without a warmup phase (the later runs of a repeated benchmark start on a warm server). */
    public BenchmarkConfig withoutWarmup() {
        return new BenchmarkConfig(benchmarkId, cliCommand, endpoint, input, load.withoutWarmup(), tokenizer, output,
                service, metrics, telemetry);
    }

    /** This configuration in accuracy mode (the CLI resolves it apart from the benchmark's options). */
    public BenchmarkConfig withAccuracy(AccuracyConfig accuracy) {
        return new BenchmarkConfig(benchmarkId, cliCommand, endpoint, input.withAccuracy(accuracy), load, tokenizer,
                output, service, metrics, telemetry);
    }

    /** This configuration with {@code telemetry} (the CLI resolves it apart from the benchmark's options). */
    public BenchmarkConfig withTelemetry(TelemetryConfig telemetry) {
        return new BenchmarkConfig(benchmarkId, cliCommand, endpoint, input, load, tokenizer, output, service, metrics,
                telemetry);
    }

    /**
     * A copy safe to write into exports and logs and to hand to a service that sends no request: the API key and
     * every secret header's value ({@link Secrets}) are masked.
     */
    public BenchmarkConfig redacted() {
        Map<String, String> headers = Secrets.of(endpoint).redactHeaders(endpoint.headers());
        EndpointConfig e = new EndpointConfig(endpoint.modelNames(), endpoint.type(), endpoint.streaming(),
                endpoint.urls(), endpoint.customEndpoint(), endpoint.requestTimeoutSeconds(),
                endpoint.apiKey() == null ? null : REDACTED, endpoint.useLegacyMaxTokens(),
                endpoint.useServerTokenCount(), headers, endpoint.extraInputs(), endpoint.connectionReuse(),
                endpoint.secretHeaders(), endpoint.tls(), endpoint.modelSelection(), endpoint.requestContentType(),
                endpoint.downloadVideoContent());
        return new BenchmarkConfig(benchmarkId, cliCommand, e, input, load, tokenizer, output, service, metrics,
                telemetry);
    }
}
