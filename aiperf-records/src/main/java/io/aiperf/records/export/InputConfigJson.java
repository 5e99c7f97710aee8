package io.aiperf.records.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aiperf.core.config.AccuracyConfig;
import io.aiperf.core.config.BenchmarkConfig;
import io.aiperf.core.config.ConnectionReuse;
import io.aiperf.core.config.EndpointConfig;
import io.aiperf.core.config.ExportLevel;
import io.aiperf.core.config.InputConfig;
import io.aiperf.core.config.LoadConfig;
import io.aiperf.core.config.MediaConfig;
import io.aiperf.core.config.ModelSelectionStrategy;
import io.aiperf.core.config.PhaseLoad;
import io.aiperf.core.config.SynthesisConfig;
import io.aiperf.core.config.OutputConfig;
import io.aiperf.core.config.TelemetryConfig;
import io.aiperf.core.config.TokenizerConfig;

import java.util.List;
import java.util.Map;

/**
 * The {@code input_config} object of {@code profile_export_aiperf.json}: the run's configuration, always
 * {@linkplain BenchmarkConfig#redacted() redacted}, with snake_case keys grouped the way AIPerf's UserConfig dumps
 * them. Null values are omitted. Mapping:
 * <pre>
 * endpoint:  model_names, model_selection_strategy (when not round_robin), type, streaming, urls, url (first URL),
 *            custom_endpoint, timeout_seconds, api_key, use_legacy_max_tokens, use_server_token_count,
 *            connection_reuse_strategy (when not pooled),
 *            secret_headers, ssl_ca_file, ssl_insecure (ours, each when set)
 * input:     headers (secret ones masked), extra (--extra-inputs), random_seed, num_dataset_entries,
 *            file, custom_dataset_type, dataset_sampling_strategy, public_dataset, hf_subset (each when set),
 *            goodput: {tag: display-unit value} (when set),
 *            prompt: {batch_size, input_tokens: {mean, stddev, block_size (when set)}, output_tokens: {mean, stddev},
 *            prefix_prompt: {pool_size, length, shared_system_prompt_length, user_context_prompt_length} (each when
 *            set), sequence_distribution (when set)},
 *            image: {batch_size, width: {mean, stddev}, height: {mean, stddev}, format} (when images are made),
 *            audio: {batch_size, length: {mean, stddev}, format, depths, sample_rates, num_channels} (when clips are),
 *            video: {batch_size, duration, fps, width, height, format, codec, synth_type,
 *            audio: {sample_rate (kHz), channels, codec, depth}} (when videos are),
 *            conversation: {num (--num-sessions, when set), turn: {mean, stddev, delay: {mean, stddev, ratio}}},
 *            rankings: {passages: {mean, stddev, prompt_token_mean, prompt_token_stddev},
 *            query: {prompt_token_mean, prompt_token_stddev}} (rankings endpoints only),
 *            synthesis: {speedup_ratio, prefix_len_multiplier, prefix_root_multiplier, prompt_len_multiplier,
 *            max_isl, max_osl (each when set)} (when a --synthesis-* option is set)
 * loadgen:   timing_mode, concurrency, prefill_concurrency, request_rate, arrival_pattern, request_count,
 *            num_sessions, benchmark_duration, grace, ramps, warmup_*, request_cancellation_*, user-centric and
 *            fixed-schedule settings; unset values are omitted (never a sentinel such as -1)
 * tokenizer: name, revision, trust_remote_code (when set)
 * accuracy:  benchmark, tasks, n_shots, enable_cot, grader, system_prompt (when one is sent), verbose, and ours,
 *            dataset_path (only in accuracy mode; the values resolved, the benchmark's defaults filled in)
 * gpu_telemetry, no_gpu_telemetry, server_metrics, no_server_metrics, server_metrics_formats,
 *            prometheus_metrics (ours): each when set
 * output:    artifact_directory, export_level (when not records), profile_export_prefix, slice_duration (when set),
 *            export_http_trace, show_trace_timing (when set)
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
            if (e.modelSelection() != ModelSelectionStrategy.ROUND_ROBIN) {
                endpoint.put("model_selection_strategy", e.modelSelection().cliName());
            }
            putIfNotNull(endpoint, "type", e.type() == null ? null : e.type().cliName());
            endpoint.put("streaming", e.streaming());
            strings(endpoint.putArray("urls"), e.urls());
            putIfNotNull(endpoint, "url", e.urls().get(0));
            putIfNotNull(endpoint, "custom_endpoint", e.customEndpoint());
            endpoint.put("timeout_seconds", e.requestTimeoutSeconds());
            putIfNotNull(endpoint, "api_key", e.apiKey());
            endpoint.put("use_legacy_max_tokens", e.useLegacyMaxTokens());
            endpoint.put("use_server_token_count", e.useServerTokenCount());
            if (e.connectionReuse() != ConnectionReuse.POOLED) {
                endpoint.put("connection_reuse_strategy", e.connectionReuse().cliName());
            }
            if (!e.secretHeaders().isEmpty()) {
                strings(endpoint.putArray("secret_headers"), e.secretHeaders());
            }
            putIfNotNull(endpoint, "ssl_ca_file", e.tls().caFile());
            if (e.tls().insecure()) {
                endpoint.put("ssl_insecure", true);
            }
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
            putIfNotNull(input, "file", in.inputFile());
            putIfNotNull(input, "custom_dataset_type", in.customDatasetType());
            putIfNotNull(input, "dataset_sampling_strategy", in.samplingStrategy());
            if (in.publicDataset() != null) {
                input.put("public_dataset", in.publicDataset().name());
                if (in.publicDataset().hfSubset() != null) {
                    input.put("hf_subset", in.publicDataset().hfSubset());
                }
            }
            if (!safe.metrics().goodput().isEmpty()) {
                ObjectNode goodput = input.putObject("goodput");
                safe.metrics().goodput().forEach(goodput::put);
            }
            ObjectNode prompt = input.putObject("prompt");
            prompt.put("batch_size", in.prompts().batchSize());
            ObjectNode inputTokens = prompt.putObject("input_tokens");
            inputTokens.put("mean", in.islMean());
            inputTokens.put("stddev", in.islStddev());
            putIfSet(inputTokens, "block_size", in.prompts().blockSize());
            ObjectNode outputTokens = prompt.putObject("output_tokens");
            if (in.oslMean() != null) {
                outputTokens.put("mean", in.oslMean());
            }
            outputTokens.put("stddev", in.oslStddev());
            if (in.prompts().contextPrompts() || in.prompts().prefixPool()) {
                ObjectNode prefix = prompt.putObject("prefix_prompt");
                if (in.prompts().prefixPool()) {
                    prefix.put("pool_size", in.prompts().prefixPoolSize());
                    prefix.put("length", in.prompts().prefixLength());
                }
                putIfSet(prefix, "shared_system_prompt_length", in.prompts().sharedSystemLength());
                putIfSet(prefix, "user_context_prompt_length", in.prompts().userContextLength());
            }
            putIfNotNull(prompt, "sequence_distribution", in.prompts().seqDist());
            media(input, in.media());
            synthesis(input, in.synthesis());
            conversation(input, in.conversations(), safe.load());
            InputConfig.Rankings r = in.rankings();
            if (r != null) {
                ObjectNode rankings = input.putObject("rankings");
                ObjectNode passages = rankings.putObject("passages");
                passages.put("mean", r.passagesMean());
                passages.put("stddev", r.passagesStddev());
                passages.put("prompt_token_mean", r.passageTokensMean());
                passages.put("prompt_token_stddev", r.passageTokensStddev());
                ObjectNode query = rankings.putObject("query");
                query.put("prompt_token_mean", r.queryTokensMean());
                query.put("prompt_token_stddev", r.queryTokensStddev());
            }
        }
        LoadConfig load = safe.load();
        if (load != null) {
            ObjectNode loadgen = root.putObject("loadgen");
            PhaseLoad p = load.profiling();
            loadgen.put("timing_mode", load.mode().name().toLowerCase(java.util.Locale.ROOT));
            putIfSet(loadgen, "concurrency", p.concurrency());
            putIfSet(loadgen, "prefill_concurrency", p.prefillConcurrency());
            putIfSet(loadgen, "request_rate", p.requestRate());
            loadgen.put("arrival_pattern", p.pattern().cliName());
            if (p.pattern() == io.aiperf.core.config.ArrivalPattern.GAMMA) {
                loadgen.put("arrival_smoothness", p.smoothness());
            }
            putIfSet(loadgen, "request_count", p.requestCount());
            putIfSet(loadgen, "num_sessions", p.numSessions());
            putIfSet(loadgen, "benchmark_duration", p.durationS());
            if (p.durationS() != null) {
                loadgen.put("benchmark_grace_period", Double.isInfinite(p.gracePeriodS()) ? "inf"
                        : Double.toString(p.gracePeriodS()));
            }
            putIfSet(loadgen, "request_rate_ramp_duration", p.rateRampS());
            putIfSet(loadgen, "concurrency_ramp_duration", p.concurrencyRampS());
            putIfSet(loadgen, "prefill_concurrency_ramp_duration", p.prefillRampS());
            if (load.warmup() != null) {
                putIfSet(loadgen, "warmup_request_count", load.warmup().requestCount());
                putIfSet(loadgen, "warmup_duration", load.warmup().durationS());
                putIfSet(loadgen, "num_warmup_sessions", load.warmup().numSessions());
            }
            putIfSet(loadgen, "request_cancellation_rate", load.cancellationRatePct());
            if (load.cancellationRatePct() != null) {
                loadgen.put("request_cancellation_delay", load.cancellationDelayS());
            }
            if (load.userCentric() != null) {
                loadgen.put("user_centric_rate", load.userCentric().qps());
                loadgen.put("num_users", load.userCentric().numUsers());
            }
            if (load.fixedSchedule() != null) {
                loadgen.put("fixed_schedule", true);
                loadgen.put("fixed_schedule_auto_offset", load.fixedSchedule().autoOffset());
                putIfSet(loadgen, "fixed_schedule_start_offset", load.fixedSchedule().startOffsetMs());
                putIfSet(loadgen, "fixed_schedule_end_offset", load.fixedSchedule().endOffsetMs());
            }
        }
        TokenizerConfig tokenizer = safe.tokenizer();
        if (tokenizer != null) {
            ObjectNode node = root.putObject("tokenizer");
            putIfNotNull(node, "name", tokenizer.name());
            putIfNotNull(node, "revision", tokenizer.revision());
            if (tokenizer.trustRemoteCode()) {
                node.put("trust_remote_code", true);
            }
        }
        accuracy(root, in == null ? null : in.accuracy());
        OutputConfig output = safe.output();
        if (output != null) {
            ObjectNode node = root.putObject("output");
            putIfNotNull(node, "artifact_directory", output.artifactDir());
            if (output.exportLevel() != ExportLevel.RECORDS) {
                node.put("export_level", output.exportLevel().cliName());
            }
            putIfNotNull(node, "profile_export_prefix", output.exportPrefix());
            putIfSet(node, "slice_duration", output.sliceDurationSeconds());
            if (output.exportHttpTrace()) {
                node.put("export_http_trace", true);
            }
            if (output.showTraceTiming()) {
                node.put("show_trace_timing", true);
            }
        }
        telemetry(root, safe.telemetry());
        putIfNotNull(root, "cli_command", safe.cliCommand());
        return root;
    }

    /**
     * AIPerf's {@code accuracy} group, under its AccuracyConfig field names, when accuracy mode is on; ours,
     * {@code dataset_path}, says which local copy was graded.
     */
    private static void accuracy(ObjectNode root, AccuracyConfig a) {
        if (a == null) {
            return;
        }
        ObjectNode accuracy = root.putObject("accuracy");
        accuracy.put("benchmark", a.benchmark().cliName());
        strings(accuracy.putArray("tasks"), a.tasks());
        accuracy.put("n_shots", a.shots());
        accuracy.put("enable_cot", a.cot());
        accuracy.put("grader", a.grader().cliName());
        putIfNotNull(accuracy, "system_prompt", a.systemPrompt());
        accuracy.put("verbose", a.verbose());
        accuracy.put("dataset_path", a.datasetPath());
    }

    /** {@code synthesis}, only when a trace is reshaped. */
    private static void synthesis(ObjectNode input, SynthesisConfig s) {
        if (!s.anySet()) {
            return;
        }
        ObjectNode synthesis = input.putObject("synthesis");
        synthesis.put("speedup_ratio", s.speedupRatio());
        synthesis.put("prefix_len_multiplier", s.prefixLenMultiplier());
        synthesis.put("prefix_root_multiplier", s.prefixRootMultiplier());
        synthesis.put("prompt_len_multiplier", s.promptLenMultiplier());
        putIfSet(synthesis, "max_isl", s.maxIsl());
        putIfSet(synthesis, "max_osl", s.maxOsl());
    }

    /** {@code image}, {@code audio} and {@code video}, each only when that medium is generated. */
    private static void media(ObjectNode input, MediaConfig media) {
        if (media == null) {
            return;
        }
        MediaConfig.Images images = media.images();
        if (images.enabled()) {
            ObjectNode image = input.putObject("image");
            image.put("batch_size", images.batchSize());
            meanStddev(image.putObject("width"), images.widthMean(), images.widthStddev());
            meanStddev(image.putObject("height"), images.heightMean(), images.heightStddev());
            image.put("format", images.format().cliName());
        }
        MediaConfig.Audio clips = media.audio();
        if (clips.enabled()) {
            ObjectNode audio = input.putObject("audio");
            audio.put("batch_size", clips.batchSize());
            meanStddev(audio.putObject("length"), clips.lengthMeanSec(), clips.lengthStddevSec());
            audio.put("format", clips.format().cliName());
            clips.depths().forEach(audio.putArray("depths")::add);
            clips.sampleRatesKhz().forEach(audio.putArray("sample_rates")::add);
            audio.put("num_channels", clips.channels());
        }
        MediaConfig.Video videos = media.video();
        if (videos.enabled()) {
            ObjectNode video = input.putObject("video");
            video.put("batch_size", videos.batchSize());
            video.put("duration", videos.durationSec());
            video.put("fps", videos.fps());
            video.put("width", videos.width());
            video.put("height", videos.height());
            video.put("format", videos.format().cliName());
            video.put("codec", videos.codec());
            video.put("synth_type", videos.synthType().cliName());
            ObjectNode track = video.putObject("audio");
            // AIPerf keeps this rate in kHz.
            track.put("sample_rate", videos.audioSampleRateHz() / 1000.0);
            track.put("channels", videos.audioChannels());
            if (videos.audioCodec() != null) {
                track.put("codec", videos.audioCodec().cliName());
            } else {
                track.putNull("codec");
            }
            track.put("depth", videos.audioDepth());
        }
    }

    /**
     * {@code conversation}: {@code num} ({@code --num-sessions}, when set) and the synthetic turns' shape,
     * {@code turn: {mean, stddev, delay: {mean, stddev, ratio}}} (delays in ms, as the options take them), when
     * conversations are not AIPerf's default single turn.
     */
    private static void conversation(ObjectNode input, InputConfig.Conversations shape, LoadConfig load) {
        Long sessions = load == null ? null : load.profiling().numSessions();
        // Single turns without delays are what nothing set gives: left out, as AIPerf leaves out what is unset.
        if (InputConfig.Conversations.SINGLE_TURN.equals(shape)) {
            shape = null;
        }
        if (shape == null && sessions == null) {
            return;
        }
        ObjectNode conversation = input.putObject("conversation");
        putIfSet(conversation, "num", sessions);
        if (shape != null) {
            ObjectNode turn = conversation.putObject("turn");
            turn.put("mean", shape.turnMean());
            turn.put("stddev", shape.turnStddev());
            ObjectNode delay = turn.putObject("delay");
            delay.put("mean", shape.delayMeanMs());
            delay.put("stddev", shape.delayStddevMs());
            delay.put("ratio", shape.delayRatio());
        }
    }

    /**
     * AIPerf's top-level telemetry settings: {@code gpu_telemetry} (what {@code --gpu-telemetry} named: exporter
     * URLs and {@code dashboard}), {@code no_gpu_telemetry}, {@code server_metrics} (the URLs named),
     * {@code no_server_metrics}, {@code server_metrics_formats}; and ours, {@code prometheus_metrics}. Each only when
     * set.
     */
    private static void telemetry(ObjectNode root, TelemetryConfig t) {
        if (t == null) {
            return;
        }
        TelemetryConfig.Gpu gpu = t.gpu();
        if (!gpu.enabled()) {
            root.put("no_gpu_telemetry", true);
        } else if (gpu.console()) {
            ArrayNode named = root.putArray("gpu_telemetry");
            if (gpu.dashboard()) {
                named.add("dashboard");
            }
            gpu.urls().forEach(named::add);
        }
        TelemetryConfig.ServerMetrics server = t.serverMetrics();
        if (!server.enabled()) {
            root.put("no_server_metrics", true);
        } else {
            if (!server.urls().isEmpty()) {
                strings(root.putArray("server_metrics"), server.urls());
            }
            strings(root.putArray("server_metrics_formats"), server.formats());
        }
        if (!t.prometheusMetrics().isEmpty()) {
            strings(root.putArray("prometheus_metrics"), t.prometheusMetrics());
        }
    }

    private static void meanStddev(ObjectNode node, double mean, double stddev) {
        node.put("mean", mean);
        node.put("stddev", stddev);
    }

    private static void strings(ArrayNode array, List<String> values) {
        values.forEach(array::add);
    }

    private static void putIfNotNull(ObjectNode node, String field, String value) {
        if (value != null) {
            node.put(field, value);
        }
    }

    private static void putIfSet(ObjectNode node, String field, Number value) {
        if (value == null) {
            return;
        }
        if (value instanceof Double || value instanceof Float) {
            node.put(field, value.doubleValue());
        } else {
            node.put(field, value.longValue());
        }
    }
}
