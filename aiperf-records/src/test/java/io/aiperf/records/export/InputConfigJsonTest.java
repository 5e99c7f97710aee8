package io.aiperf.records.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aiperf.core.config.AccuracyBenchmark;
import io.aiperf.core.config.AccuracyConfig;
import io.aiperf.core.config.AccuracyGrader;
import io.aiperf.core.config.ArrivalPattern;
import io.aiperf.core.config.BenchmarkConfig;
import io.aiperf.core.config.InputConfig;
import io.aiperf.core.config.LoadConfig;
import io.aiperf.core.config.MediaConfig;
import io.aiperf.core.config.SynthesisConfig;
import io.aiperf.core.config.PhaseLoad;
import io.aiperf.core.config.TelemetryConfig;
import io.aiperf.core.config.TimingMode;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The parts of {@code input_config} beyond endpoint and load: dataset, prompt shaping, media, turns, telemetry. */
class InputConfigJsonTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static BenchmarkConfig with(InputConfig in) {
        BenchmarkConfig base = Fixtures.config();
        return new BenchmarkConfig(base.benchmarkId(), base.cliCommand(), base.endpoint(), in, base.load(),
                base.tokenizer(), base.output(), base.service(), base.metrics(), base.telemetry());
    }

    private static InputConfig input(String file, String type, String sampling, InputConfig.Conversations turns,
                                     InputConfig.Prompts prompts, MediaConfig media) {
        return new InputConfig(550, 0, null, 0, 1L, 4, file, type, sampling, turns, prompts, null, null, media);
    }

    private static JsonNode json(BenchmarkConfig config) {
        return InputConfigJson.toJson(config, MAPPER);
    }

    @Test
    void theInputFileItsTypeAndSamplingAreThereWhenSet() {
        JsonNode in = json(with(input("/data/trace.jsonl", "mooncake_trace", "sequential", null,
                InputConfig.Prompts.DEFAULT, null))).get("input");
        assertThat(in.get("file").asText()).isEqualTo("/data/trace.jsonl");
        assertThat(in.get("custom_dataset_type").asText()).isEqualTo("mooncake_trace");
        assertThat(in.get("dataset_sampling_strategy").asText()).isEqualTo("sequential");

        JsonNode synthetic = json(Fixtures.config()).get("input");
        assertThat(synthetic.has("file")).isFalse();
        assertThat(synthetic.has("custom_dataset_type")).isFalse();
        assertThat(synthetic.has("dataset_sampling_strategy")).isFalse();
    }

    @Test
    void blockSizeSeqDistAndThePrefixPoolAreInThePromptGroup() {
        JsonNode prompt = json(with(input(null, null, null, null,
                new InputConfig.Prompts(64, "128,16:60;512,64:40", 10, 200), null))).at("/input/prompt");
        assertThat(prompt.at("/input_tokens/block_size").asInt()).isEqualTo(64);
        assertThat(prompt.get("sequence_distribution").asText()).isEqualTo("128,16:60;512,64:40");
        assertThat(prompt.get("prefix_prompt").toString()).isEqualTo("{\"pool_size\":10,\"length\":200}");

        JsonNode plain = json(Fixtures.config()).at("/input/prompt");
        assertThat(plain.at("/input_tokens").has("block_size")).isFalse();
        assertThat(plain.has("sequence_distribution")).isFalse();
        assertThat(plain.has("prefix_prompt")).isFalse();
    }

    @Test
    void synthesisSettingsAreThereUnderAiperfsNamesWhenSet() {
        InputConfig synthesized = new InputConfig(550, 0, null, 0, 1L, 4, "/data/trace.jsonl", null, null, null,
                InputConfig.Prompts.DEFAULT, null, null, null, new SynthesisConfig(2.0, 1.5, 3, 0.5, null, 128));
        assertThat(json(with(synthesized)).at("/input/synthesis").toString()).isEqualTo("{\"speedup_ratio\":2.0,"
                + "\"prefix_len_multiplier\":1.5,\"prefix_root_multiplier\":3,\"prompt_len_multiplier\":0.5,"
                + "\"max_osl\":128}");

        assertThat(json(Fixtures.config()).get("input").has("synthesis")).isFalse();
    }

    @Test
    void imagesAndAudioAreDescribedOnlyWhenMade() {
        MediaConfig media = new MediaConfig(
                new MediaConfig.Images(320, 10, 240, 5, 2, MediaConfig.ImageFormat.JPEG),
                new MediaConfig.Audio(2.5, 0.5, 1, MediaConfig.AudioFormat.MP3, List.of(16, 24), List.of(16.0, 44.1),
                        2));
        JsonNode in = json(with(input(null, null, null, null, InputConfig.Prompts.DEFAULT, media))).get("input");
        assertThat(in.get("image").toString()).isEqualTo("{\"batch_size\":2,\"width\":{\"mean\":320.0,\"stddev\":10.0},"
                + "\"height\":{\"mean\":240.0,\"stddev\":5.0},\"format\":\"jpeg\"}");
        assertThat(in.get("audio").toString()).isEqualTo("{\"batch_size\":1,\"length\":{\"mean\":2.5,\"stddev\":0.5},"
                + "\"format\":\"mp3\",\"depths\":[16,24],\"sample_rates\":[16.0,44.1],\"num_channels\":2}");

        JsonNode none = json(with(input(null, null, null, null, InputConfig.Prompts.DEFAULT, MediaConfig.NONE)))
                .get("input");
        assertThat(none.has("image")).isFalse();
        assertThat(none.has("audio")).isFalse();
        assertThat(none.has("video")).isFalse();
    }

    @Test
    void videoIsDescribedWithItsTrackInAiperfsUnits() {
        MediaConfig media = new MediaConfig(MediaConfig.Images.NONE, MediaConfig.Audio.NONE,
                new MediaConfig.Video(64, 48, 2, 1.5, 8, MediaConfig.VideoSynthType.GRID_CLOCK,
                        MediaConfig.VideoFormat.MP4, "libx264", 44100, 1, null, 24));
        JsonNode in = json(with(input(null, null, null, null, InputConfig.Prompts.DEFAULT, media))).get("input");
        assertThat(in.get("video").toString()).isEqualTo("{\"batch_size\":2,\"duration\":1.5,\"fps\":8,"
                + "\"width\":64,\"height\":48,\"format\":\"mp4\",\"codec\":\"libx264\","
                + "\"synth_type\":\"grid_clock\",\"audio\":{\"sample_rate\":44.1,\"channels\":1,"
                + "\"codec\":null,\"depth\":24}}");
    }

    @Test
    void theConversationGroupHasTheTurnShapeAndTheSessionCount() {
        BenchmarkConfig base = with(input(null, null, null, new InputConfig.Conversations(3, 1, 500, 100, 0.5),
                InputConfig.Prompts.DEFAULT, null));
        LoadConfig sessions = new LoadConfig(TimingMode.REQUEST_RATE, new PhaseLoad(ArrivalPattern.CONCURRENCY_BURST, null, 1.0, 4,
                null, null, 8L, null, 30.0, null, null, null),
                null, null, 0.0, null, null);
        BenchmarkConfig c = new BenchmarkConfig(base.benchmarkId(), base.cliCommand(), base.endpoint(), base.input(),
                sessions, base.tokenizer(), base.output(), base.service(), base.metrics(), base.telemetry());
        assertThat(json(c).at("/input/conversation").toString()).isEqualTo("{\"num\":8,\"turn\":{\"mean\":3,"
                + "\"stddev\":1.0,\"delay\":{\"mean\":500.0,\"stddev\":100.0,\"ratio\":0.5}}}");
        assertThat(json(Fixtures.config()).get("input").has("conversation")).isFalse();
    }

    @Test
    void accuracySettingsAreTopLevelUnderAiperfsNamesInAccuracyModeOnly() {
        AccuracyConfig mmlu = new AccuracyConfig(AccuracyBenchmark.MMLU, List.of("anatomy", "virology"), 2, true,
                AccuracyGrader.EXACT_MATCH, "Answer with a letter.", true, "/data/mmlu", 42L);
        JsonNode accuracy = json(Fixtures.config().withAccuracy(mmlu)).get("accuracy");
        assertThat(accuracy.toString()).isEqualTo("{\"benchmark\":\"mmlu\",\"tasks\":[\"anatomy\",\"virology\"],"
                + "\"n_shots\":2,\"enable_cot\":true,\"grader\":\"exact_match\","
                + "\"system_prompt\":\"Answer with a letter.\",\"verbose\":true,\"dataset_path\":\"/data/mmlu\"}");

        AccuracyConfig gpqa = new AccuracyConfig(AccuracyBenchmark.GPQA_DIAMOND, List.of(), 0, false,
                AccuracyGrader.MULTIPLE_CHOICE, null, false, "/data/gpqa_diamond.csv");
        JsonNode defaults = json(Fixtures.config().withAccuracy(gpqa)).get("accuracy");
        assertThat(defaults.get("benchmark").asText()).isEqualTo("gpqa_diamond");
        assertThat(defaults.get("tasks").isEmpty()).isTrue();
        assertThat(defaults.has("system_prompt")).isFalse();

        assertThat(json(Fixtures.config()).has("accuracy")).isFalse();
    }

    @Test
    void telemetrySettingsAreTopLevelAsInAiperf() {
        TelemetryConfig t = new TelemetryConfig(
                new TelemetryConfig.Gpu(true, true, true, List.of("http://gpu:9400/metrics"),
                        TelemetryConfig.DEFAULT_DCGM_URLS, List.of()),
                new TelemetryConfig.ServerMetrics(true, List.of("http://srv:8000/metrics"),
                        List.of("http://localhost:8000/metrics"), List.of("json", "jsonl")),
                List.of("vllm:num_requests_running"));
        JsonNode root = json(Fixtures.config().withTelemetry(t));
        assertThat(root.get("gpu_telemetry").toString()).isEqualTo("[\"dashboard\",\"http://gpu:9400/metrics\"]");
        assertThat(root.get("server_metrics").toString()).isEqualTo("[\"http://srv:8000/metrics\"]");
        assertThat(root.get("server_metrics_formats").toString()).isEqualTo("[\"json\",\"jsonl\"]");
        assertThat(root.get("prometheus_metrics").toString()).isEqualTo("[\"vllm:num_requests_running\"]");
        assertThat(root.has("no_gpu_telemetry")).isFalse();

        JsonNode quiet = json(Fixtures.config().withTelemetry(new TelemetryConfig(
                new TelemetryConfig.Gpu(true, false, false, List.of(), TelemetryConfig.DEFAULT_DCGM_URLS, List.of()),
                TelemetryConfig.ServerMetrics.OFF, List.of())));
        assertThat(quiet.has("gpu_telemetry")).isFalse();
        assertThat(quiet.get("no_server_metrics").asBoolean()).isTrue();
        assertThat(quiet.has("server_metrics")).isFalse();
    }
}
