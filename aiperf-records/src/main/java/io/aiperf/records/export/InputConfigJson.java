package io.aiperf.records.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aiperf.core.config.BenchmarkConfig;
import io.aiperf.core.config.EndpointConfig;
import io.aiperf.core.config.InputConfig;
import io.aiperf.core.config.LoadConfig;
import io.aiperf.core.config.OutputConfig;
import io.aiperf.core.config.TokenizerConfig;

import java.util.List;
import java.util.Map;

/**
 * The {@code input_config} object of {@code profile_export_aiperf.json}: the run's configuration, always
 * {@linkplain BenchmarkConfig#redacted() redacted}, with snake_case keys grouped the way AIPerf's UserConfig dumps
 * them. Null values are omitted. Mapping:
 * <pre>
 * endpoint:  model_names, type, streaming, urls, url (first URL), custom_endpoint, timeout_seconds, api_key,
 *            use_legacy_max_tokens, use_server_token_count
 * input:     headers (secret ones masked), extra (--extra-inputs), random_seed, num_dataset_entries,
 *            prompt: {input_tokens: {mean, stddev}, output_tokens: {mean, stddev}}
 * loadgen:   concurrency, request_count, warmup_request_count
 * tokenizer: name, revision
 * output:    artifact_directory
 * cli_command
 * </pre>
 * As in AIPerf, {@code --header} and {@code --extra-inputs} belong to the input group; service settings (workers,
 * UI, log level) are not part of the user configuration and are left out.
 */
final class InputConfigJson {

    private InputConfigJson() {
    }

    static ObjectNode toJson(BenchmarkConfig config, ObjectMapper mapper) {
        BenchmarkConfig safe = config.redacted();
        ObjectNode root = mapper.createObjectNode();
        EndpointConfig e = safe.endpoint();
        if (e != null) {
            ObjectNode endpoint = root.putObject("endpoint");
            strings(endpoint.putArray("model_names"), e.modelNames());
            putIfNotNull(endpoint, "type", e.type() == null ? null : e.type().cliName());
            endpoint.put("streaming", e.streaming());
            strings(endpoint.putArray("urls"), e.urls());
            putIfNotNull(endpoint, "url", e.urls().get(0));
            putIfNotNull(endpoint, "custom_endpoint", e.customEndpoint());
            endpoint.put("timeout_seconds", e.requestTimeoutSeconds());
            putIfNotNull(endpoint, "api_key", e.apiKey());
            endpoint.put("use_legacy_max_tokens", e.useLegacyMaxTokens());
            endpoint.put("use_server_token_count", e.useServerTokenCount());
        }
        ObjectNode input = root.putObject("input");
        if (e != null) {
            ObjectNode headers = input.putObject("headers");
            e.headers().forEach(headers::put);
            ObjectNode extra = input.putObject("extra");
            for (Map.Entry<String, Object> entry : e.extraInputs().entrySet()) {
                JsonNode value = entry.getValue() instanceof JsonNode node ? node : mapper.valueToTree(entry.getValue());
                extra.set(entry.getKey(), value);
            }
        }
        InputConfig in = safe.input();
        if (in != null) {
            if (in.randomSeed() != null) {
                input.put("random_seed", in.randomSeed());
            }
            input.put("num_dataset_entries", in.numDatasetEntries());
            ObjectNode prompt = input.putObject("prompt");
            ObjectNode inputTokens = prompt.putObject("input_tokens");
            inputTokens.put("mean", in.islMean());
            inputTokens.put("stddev", in.islStddev());
            ObjectNode outputTokens = prompt.putObject("output_tokens");
            if (in.oslMean() != null) {
                outputTokens.put("mean", in.oslMean());
            }
            outputTokens.put("stddev", in.oslStddev());
        }
        LoadConfig load = safe.load();
        if (load != null) {
            ObjectNode loadgen = root.putObject("loadgen");
            loadgen.put("concurrency", load.concurrency());
            loadgen.put("request_count", load.requestCount());
            loadgen.put("warmup_request_count", load.warmupRequestCount());
        }
        TokenizerConfig tokenizer = safe.tokenizer();
        if (tokenizer != null) {
            ObjectNode node = root.putObject("tokenizer");
            putIfNotNull(node, "name", tokenizer.name());
            putIfNotNull(node, "revision", tokenizer.revision());
        }
        OutputConfig output = safe.output();
        if (output != null) {
            ObjectNode node = root.putObject("output");
            putIfNotNull(node, "artifact_directory", output.artifactDir());
        }
        putIfNotNull(root, "cli_command", safe.cliCommand());
        return root;
    }

    private static void strings(ArrayNode array, List<String> values) {
        values.forEach(array::add);
    }

    private static void putIfNotNull(ObjectNode node, String field, String value) {
        if (value != null) {
            node.put(field, value);
        }
    }
}
