package io.aiperf.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aiperf.cli.options.AccuracyResolver;
import io.aiperf.cli.options.MultiRunOptions;
import io.aiperf.cli.options.ProfileConfigResolver;
import io.aiperf.cli.options.TelemetryResolver;
import io.aiperf.core.dataset.media.Ffmpeg;
import io.aiperf.core.config.AccuracyBenchmark;
import io.aiperf.core.config.AccuracyConfig;
import io.aiperf.core.config.AccuracyGrader;
import io.aiperf.core.config.AiperfEnvironment;
import io.aiperf.core.config.ArrivalPattern;
import io.aiperf.core.config.BenchmarkConfig;
import io.aiperf.core.config.ConnectionReuse;
import io.aiperf.core.config.EndpointType;
import io.aiperf.core.config.ExportLevel;
import io.aiperf.core.config.LoadConfig;
import io.aiperf.core.config.MediaConfig;
import io.aiperf.core.config.ModelSelectionStrategy;
import io.aiperf.core.config.RequestContentType;
import io.aiperf.core.config.PhaseLoad;
import io.aiperf.core.config.TimingMode;
import io.aiperf.core.error.UsageException;
import io.aiperf.core.message.MessageCodec;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The walk over every option of AIPerf's {@code aiperf profile} (its option groups, in help order): one row per option
 * with all its spellings, a valid value that is not the default and what the option needs beside it. Each spelling is
 * parsed exactly as the CLI parses it and resolved into the run's configuration; the row then says what the option
 * changes, against the same command line without it: the field AIPerf documents, or, for an option AIPerf has but
 * that changes nothing here, an unchanged configuration and why.
 *
 * <p>The table lives here, not in a reference file, so the test runs on a clean clone. {@link #OURS} lists the
 * options we add beyond AIPerf; {@link #everyOptionOfTheModelIsARowOrOurs} keeps table and picocli model in step.
 * How list options take their values (repeated flags, space-separated values, comma lists, JSON) is
 * {@code MultiValueOptionsTest}'s subject and is not repeated here.
 */
class AiperfOptionWalkTest {

    /** Options of ours beyond AIPerf's (each is documented as "Ours" in its description or README). */
    static final Set<String> OURS = Set.of("--secret-header", "--ssl-ca-file", "--ssl-insecure", "--mock-server",
            "--public-dataset-path", "--accuracy-dataset-path", "--fail-on-error-rate", "--rounds", "--auto-plot",
            "--prometheus-metrics", "--zmq-port", "--remote-workers", "--remote-workers-join-timeout",
            "--remote-workers-silence-timeout", "-h", "--help", "-V", "--version");

    @TempDir
    static Path files;
    static String singleTurn;
    static String timedSingleTurn;
    static String mooncake;
    static String gpuFieldsCsv;
    static String mmlu;

    @BeforeAll
    static void writeInputFiles() throws IOException {
        singleTurn = write("single.jsonl", "{\"text\": \"hello\"}\n{\"text\": \"world\"}\n");
        timedSingleTurn = write("timed.jsonl", "{\"timestamp\": 0, \"text\": \"a\"}\n"
                + "{\"timestamp\": 500, \"text\": \"b\"}\n{\"timestamp\": 2000, \"text\": \"c\"}\n");
        mooncake = write("mooncake.jsonl", "{\"timestamp\": 0, \"input_length\": 600, \"output_length\": 10, "
                + "\"hash_ids\": [0, 1]}\n{\"timestamp\": 100, \"input_length\": 700, \"output_length\": 12, "
                + "\"hash_ids\": [0, 2]}\n");
        Files.createDirectories(files.resolve("mmlu/test"));
        Files.createDirectories(files.resolve("mmlu/dev"));
        write("mmlu/test/abstract_algebra_test.csv", "How many elements does Z_4 have?,2,3,4,5,C\n");
        write("mmlu/dev/abstract_algebra_dev.csv", "What is 1+1 in Z_3?,0,1,2,3,C\n".repeat(5));
        mmlu = files.resolve("mmlu").toString();
        gpuFieldsCsv = write("fields.csv", "# extra DCGM fields\nDCGM_FI_PROF_DRAM_ACTIVE, gauge, Ratio of cycles the memory is busy\n");
    }

    private static String write(String name, String text) throws IOException {
        return Files.writeString(files.resolve(name), text).toString();
    }

    // ---------------------------------------------------------------------------------------------------------------
    // The table
    // ---------------------------------------------------------------------------------------------------------------

    private static List<Row> table() {
        List<Row> t = new ArrayList<>();
        // Endpoint
        t.add(opt("-m", "--model-names", "--model").value("other")
                .sets("the models, added to the -m m every row starts with", c -> c.config().endpoint().modelNames(),
                        List.of("m", "other")));
        t.add(opt("--model-selection-strategy").value("random")
                .sets("model per turn", c -> c.config().endpoint().modelSelection(), ModelSelectionStrategy.RANDOM));
        t.add(opt("--custom-endpoint", "--endpoint").value("/v1/custom")
                .sets("URL path", c -> c.config().endpoint().customEndpoint(), "/v1/custom"));
        t.add(opt("--endpoint-type").value("completions")
                .sets("API", c -> c.config().endpoint().type(), EndpointType.COMPLETIONS));
        t.add(opt("--streaming").sets("SSE requested", c -> c.config().endpoint().streaming(), true));
        t.add(opt("-u", "--url").value("gpu-box:9000")
                .sets("base URL, http:// added", c -> c.config().endpoint().urls(), List.of("http://gpu-box:9000")));
        t.add(opt("--url-strategy").value("round_robin")
                .noEffect("round_robin is AIPerf's only strategy and the default"));
        t.add(opt("--request-timeout-seconds").value("5")
                .sets("timeout per request", c -> c.config().endpoint().requestTimeoutSeconds(), 5.0));
        t.add(opt("--api-key").value("sk-walk")
                .sets("bearer key", c -> c.config().endpoint().apiKey(), "sk-walk"));
        t.add(opt("--transport", "--transport-type").value("http")
                .noEffect("http is AIPerf's only transport; the default already follows the URL's scheme"));
        t.add(opt("--use-legacy-max-tokens").sets("max_tokens", c -> c.config().endpoint().useLegacyMaxTokens(), true));
        t.add(opt("--use-server-token-count")
                .sets("usage counts", c -> c.config().endpoint().useServerTokenCount(), true));
        t.add(opt("--connection-reuse-strategy").value("never")
                .sets("connections", c -> c.config().endpoint().connectionReuse(), ConnectionReuse.NEVER));
        t.add(opt("--download-video-content").after("--endpoint-type", "video_generation")
                .sets("download in the latency", c -> c.config().endpoint().downloadVideoContent(), true));
        t.add(opt("--request-content-type").value("multipart/form-data").after("--endpoint-type", "video_generation")
                .sets("submit as a form", c -> c.config().endpoint().requestContentType(),
                        RequestContentType.MULTIPART_FORM_DATA));
        // Input
        t.add(opt("--extra-inputs").value("ignore_eos:true")
                .sets("body fields, typed", c -> c.config().endpoint().extraInputs(), Map.of("ignore_eos", true)));
        t.add(opt("-H", "--header").value("X-Walk:yes")
                .sets("headers", c -> c.config().endpoint().headers(), Map.of("X-Walk", "yes")));
        t.add(opt("--input-file").value(() -> singleTurn)
                .sets("dataset file", c -> c.config().input().inputFile(), (Object) null).expecting(() -> singleTurn));
        t.add(opt("--fixed-schedule").after("--input-file", "@single")
                .sets("timing mode", c -> c.config().load().mode(), TimingMode.FIXED_SCHEDULE));
        t.add(opt("--fixed-schedule-auto-offset").after("--input-file", "@timed", "--fixed-schedule")
                .sets("auto offset", c -> schedule(c).autoOffset(), true));
        t.add(opt("--fixed-schedule-start-offset").value("500").after("--input-file", "@timed", "--fixed-schedule")
                .sets("start offset", c -> schedule(c).startOffsetMs(), 500L));
        t.add(opt("--fixed-schedule-end-offset").value("1000").after("--input-file", "@timed", "--fixed-schedule")
                .sets("end offset", c -> schedule(c).endOffsetMs(), 1000L));
        t.add(opt("--public-dataset").value("sharegpt")
                .sets("public dataset", c -> c.config().input().publicDataset() == null ? null
                        : c.config().input().publicDataset().name(), "sharegpt"));
        t.add(opt("--hf-subset").value("main").after("--public-dataset", "aimo")
                .sets("HF subset", c -> c.config().input().publicDataset().hfSubset(), "main"));
        t.add(opt("--custom-dataset-type").value("random_pool").after("--input-file", "@single")
                .sets("dataset format", c -> c.config().input().customDatasetType(), "random_pool"));
        t.add(opt("--dataset-sampling-strategy").value("random")
                .sets("sampling", c -> c.config().input().samplingStrategy(), "random"));
        t.add(opt("--random-seed").value("7").sets("seed", c -> c.config().input().randomSeed(), 7L));
        t.add(opt("--goodput").value("request_latency:250")
                .sets("SLOs", c -> c.config().metrics().goodput(), Map.of("request_latency", 250.0)));
        // Audio / Image / Video Input
        t.add(opt("--audio-batch-size", "--batch-size-audio").value("2").after("--audio-length-mean", "1")
                .sets("clips per request", c -> audio(c).batchSize(), 2));
        t.add(opt("--audio-length-mean").value("1.5").sets("clip length", c -> audio(c).lengthMeanSec(), 1.5));
        t.add(opt("--audio-length-stddev").value("0.5").after("--audio-length-mean", "1")
                .sets("clip length stddev", c -> audio(c).lengthStddevSec(), 0.5));
        t.add(opt("--audio-format").value("mp3").after("--audio-length-mean", "1")
                .sets("clips encoded as MP3 (ffmpeg)", c -> audio(c).format(), MediaConfig.AudioFormat.MP3));
        t.add(opt("--audio-depths").value("8").after("--audio-length-mean", "1")
                .sets("bit depths", c -> audio(c).depths(), List.of(8)));
        t.add(opt("--audio-sample-rates").value("44.1").after("--audio-length-mean", "1")
                .sets("sample rates", c -> audio(c).sampleRatesKhz(), List.of(44.1)));
        t.add(opt("--audio-num-channels").value("2").after("--audio-length-mean", "1")
                .sets("channels", c -> audio(c).channels(), 2));
        t.add(opt("--image-width-mean").value("64").after("--image-height-mean", "32")
                .sets("width", c -> images(c).widthMean(), 64.0));
        t.add(opt("--image-width-stddev").value("4").after("--image-width-mean", "64", "--image-height-mean", "32")
                .sets("width stddev", c -> images(c).widthStddev(), 4.0));
        t.add(opt("--image-height-mean").value("32").after("--image-width-mean", "64")
                .sets("height", c -> images(c).heightMean(), 32.0));
        t.add(opt("--image-height-stddev").value("4").after("--image-width-mean", "64", "--image-height-mean", "32")
                .sets("height stddev", c -> images(c).heightStddev(), 4.0));
        t.add(opt("--image-batch-size", "--batch-size-image").value("2")
                .after("--image-width-mean", "64", "--image-height-mean", "32")
                .sets("images per request", c -> images(c).batchSize(), 2));
        t.add(opt("--image-format").value("jpeg").after("--image-width-mean", "64", "--image-height-mean", "32")
                .sets("image format", c -> images(c).format(), MediaConfig.ImageFormat.JPEG));
        String[] video = {"--video-width", "64", "--video-height", "48"};
        t.add(opt("--video-batch-size", "--batch-size-video").value("2").after(video)
                .sets("videos per request", c -> video(c).batchSize(), 2));
        t.add(opt("--video-duration").value("2.0").after(video).sets("seconds", c -> video(c).durationSec(), 2.0));
        t.add(opt("--video-fps").value("8").after(video).sets("frames per second", c -> video(c).fps(), 8));
        t.add(opt("--video-width").value("64").after("--video-height", "48").against()
                .sets("width (videos only with both)", c -> video(c).width(), 64));
        t.add(opt("--video-height").value("48").after("--video-width", "64").against()
                .sets("height (videos only with both)", c -> video(c).height(), 48));
        t.add(opt("--video-synth-type").value("noise").after(video)
                .sets("frames drawn", c -> video(c).synthType(), MediaConfig.VideoSynthType.NOISE));
        t.add(opt("--video-format").value("mp4").after(video)
                .sets("container", c -> video(c).format(), MediaConfig.VideoFormat.MP4));
        t.add(opt("--video-codec").value("libx264").after(video).sets("codec", c -> video(c).codec(), "libx264"));
        t.add(opt("--video-audio-sample-rate").value("22050").after(video)
                .sets("audio track rate (Hz)", c -> video(c).audioSampleRateHz(), 22050));
        t.add(opt("--video-audio-num-channels").value("1").after(video)
                .sets("audio track (0: none)", c -> video(c).audioChannels(), 1));
        t.add(opt("--video-audio-codec").value("aac").after(video).after("--video-audio-num-channels", "1")
                .sets("audio codec", c -> video(c).audioCodec(), MediaConfig.VideoAudioCodec.AAC));
        t.add(opt("--video-audio-depth").value("24").after(video)
                .sets("audio bit depth", c -> video(c).audioDepth(), 24));
        // Prompt, ISL, OSL, Prefix Prompt
        t.add(opt("-b", "--prompt-batch-size", "--batch-size-text", "--batch-size").value("3")
                .after("--endpoint-type", "embeddings")
                .sets("texts per request", c -> c.config().input().prompts().batchSize(), 3));
        t.add(opt("--prompt-input-tokens-mean", "--synthetic-input-tokens-mean", "--isl").value("77")
                .sets("ISL mean", c -> c.config().input().islMean(), 77));
        t.add(opt("--prompt-input-tokens-stddev", "--synthetic-input-tokens-stddev", "--isl-stddev").value("5")
                .sets("ISL stddev", c -> c.config().input().islStddev(), 5.0));
        t.add(opt("--prompt-input-tokens-block-size", "--synthetic-input-tokens-block-size", "--isl-block-size")
                .value("64").after("--input-file", "@mooncake")
                .sets("tokens per hash_id", c -> c.config().input().prompts().blockSize(), 64));
        t.add(opt("--seq-dist", "--sequence-distribution").value("256,128:40;1024,512:60")
                .sets("ISL/OSL pairs", c -> c.config().input().prompts().seqDist(), "256,128:40;1024,512:60"));
        t.add(opt("--prompt-output-tokens-mean", "--output-tokens-mean", "--osl").value("33")
                .sets("OSL mean", c -> c.config().input().oslMean(), 33));
        t.add(opt("--prompt-output-tokens-stddev", "--output-tokens-stddev", "--osl-stddev").value("4")
                .after("--osl", "33").sets("OSL stddev", c -> c.config().input().oslStddev(), 4.0));
        t.add(opt("--prompt-prefix-pool-size", "--prefix-prompt-pool-size", "--num-prefix-prompts").value("3")
                .after("--prompt-prefix-length", "10").against() // one without the other is refused
                .sets("prefix prompts", c -> c.config().input().prompts().prefixPoolSize(), 3));
        t.add(opt("--prompt-prefix-length", "--prefix-prompt-length").value("10").after("--num-prefix-prompts", "3").against()
                .sets("prefix length", c -> c.config().input().prompts().prefixLength(), 10));
        t.add(opt("--shared-system-prompt-length").value("20")
                .sets("shared system prompt", c -> c.config().input().prompts().sharedSystemLength(), 20));
        t.add(opt("--user-context-prompt-length").value("20").after("--num-dataset-entries", "5")
                .sets("user context prompt", c -> c.config().input().prompts().userContextLength(), 20));
        // Rankings
        String[] rankings = {"--endpoint-type", "nim_rankings"};
        t.add(opt("--rankings-passages-mean").value("4").after(rankings)
                .sets("passages", c -> c.config().input().rankings().passagesMean(), 4));
        t.add(opt("--rankings-passages-stddev").value("1").after(rankings)
                .sets("passages stddev", c -> c.config().input().rankings().passagesStddev(), 1));
        t.add(opt("--rankings-passages-prompt-token-mean").value("40").after(rankings)
                .sets("passage tokens", c -> c.config().input().rankings().passageTokensMean(), 40));
        t.add(opt("--rankings-passages-prompt-token-stddev").value("3").after(rankings)
                .sets("passage tokens stddev", c -> c.config().input().rankings().passageTokensStddev(), 3));
        t.add(opt("--rankings-query-prompt-token-mean").value("30").after(rankings)
                .sets("query tokens", c -> c.config().input().rankings().queryTokensMean(), 30));
        t.add(opt("--rankings-query-prompt-token-stddev").value("2").after(rankings)
                .sets("query tokens stddev", c -> c.config().input().rankings().queryTokensStddev(), 2));
        // Synthesis (trace datasets only)
        String[] trace = {"--input-file", "@mooncake"};
        t.add(opt("--synthesis-speedup-ratio").value("2.0").after(trace)
                .sets("timestamps divided by", c -> c.config().input().synthesis().speedupRatio(), 2.0));
        t.add(opt("--synthesis-prefix-len-multiplier").value("1.5").after(trace)
                .sets("shared prefix scaled by", c -> c.config().input().synthesis().prefixLenMultiplier(), 1.5));
        t.add(opt("--synthesis-prefix-root-multiplier").value("2").after(trace)
                .sets("prefix tree copies", c -> c.config().input().synthesis().prefixRootMultiplier(), 2));
        t.add(opt("--synthesis-prompt-len-multiplier").value("1.5").after(trace)
                .sets("unique part scaled by", c -> c.config().input().synthesis().promptLenMultiplier(), 1.5));
        t.add(opt("--synthesis-max-isl").value("650").after(trace)
                .sets("rows above dropped", c -> c.config().input().synthesis().maxIsl(), 650));
        t.add(opt("--synthesis-max-osl").value("11").after(trace)
                .sets("output lengths capped", c -> c.config().input().synthesis().maxOsl(), 11));
        // Conversation Input
        t.add(opt("--conversation-num", "--num-conversations", "--num-sessions").value("4")
                .sets("sessions to start", c -> c.config().load().profiling().numSessions(), 4L));
        t.add(opt("--num-dataset-entries", "--num-prompts").value("7")
                .sets("distinct prompts", c -> c.config().input().numDatasetEntries(), 7));
        t.add(opt("--conversation-turn-mean", "--session-turns-mean").value("3")
                .sets("turns", c -> c.config().input().conversations().turnMean(), 3));
        t.add(opt("--conversation-turn-stddev", "--session-turns-stddev").value("1").after("--session-turns-mean", "3")
                .sets("turns stddev", c -> c.config().input().conversations().turnStddev(), 1.0));
        t.add(opt("--conversation-turn-delay-mean", "--session-turn-delay-mean").value("50")
                .after("--session-turns-mean", "2")
                .sets("think time", c -> c.config().input().conversations().delayMeanMs(), 50.0));
        t.add(opt("--conversation-turn-delay-stddev", "--session-turn-delay-stddev").value("5")
                .after("--session-turns-mean", "2", "--session-turn-delay-mean", "50")
                .sets("think time stddev", c -> c.config().input().conversations().delayStddevMs(), 5.0));
        t.add(opt("--conversation-turn-delay-ratio", "--session-delay-ratio").value("0.5")
                .after("--session-turns-mean", "2", "--session-turn-delay-mean", "50")
                .sets("think time ratio", c -> c.config().input().conversations().delayRatio(), 0.5));
        // Output
        t.add(opt("--output-artifact-dir", "--artifact-dir").value(() -> files.resolve("walk-out").toString())
                .sets("artifact dir, exactly as given", c -> c.config().output().artifactDir(), (Object) null)
                .expecting(() -> files.resolve("walk-out").toAbsolutePath().toString()));
        t.add(opt("--profile-export-prefix", "--profile-export-file").value("walk.json")
                .sets("export base name, suffix dropped", c -> c.config().output().exportPrefix(), "walk"));
        t.add(opt("--export-level", "--profile-export-level").value("raw")
                .sets("export level", c -> c.config().output().exportLevel(), ExportLevel.RAW));
        t.add(opt("--slice-duration").value("2")
                .sets("time slices", c -> c.config().output().sliceDurationSeconds(), 2.0));
        t.add(opt("--export-http-trace").sets("trace export", c -> c.config().output().exportHttpTrace(), true));
        t.add(opt("--show-trace-timing").sets("trace table", c -> c.config().output().showTraceTiming(), true));
        // Tokenizer
        t.add(opt("--tokenizer").value("builtin").sets("tokenizer", c -> c.config().tokenizer().name(), "builtin"));
        t.add(opt("--tokenizer-revision").value("v2").sets("revision", c -> c.config().tokenizer().revision(), "v2"));
        t.add(opt("--tokenizer-trust-remote-code")
                .sets("recorded in input_config only: our tokenizers (tokenizer.json, builtin) never run repository "
                        + "code", c -> c.config().tokenizer().trustRemoteCode(), true)
                .andOtherwiseUnchanged("tokenizer", "trustRemoteCode"));
        // Load Generator
        t.add(opt("--benchmark-duration").value("5")
                .sets("duration", c -> c.config().load().profiling().durationS(), 5.0));
        t.add(opt("--benchmark-grace-period").value("3").after("--benchmark-duration", "5")
                .sets("grace", c -> c.config().load().profiling().gracePeriodS(), 3.0));
        t.add(opt("--concurrency").value("3").sets("sessions in flight", c -> c.config().load().concurrency(), 3));
        t.add(opt("--prefill-concurrency").value("2").after("--streaming")
                .sets("prefill limit", c -> c.config().load().profiling().prefillConcurrency(), 2));
        t.add(opt("--request-rate").value("5")
                .sets("rate", c -> c.config().load().profiling().requestRate(), 5.0));
        t.add(opt("--arrival-pattern", "--request-rate-mode").value("constant").after("--request-rate", "5")
                .sets("arrivals", c -> c.config().load().profiling().pattern(), ArrivalPattern.CONSTANT));
        t.add(opt("--arrival-smoothness", "--vllm-burstiness").value("2").after("--request-rate", "5")
                .sets("gamma shape", c -> c.config().load().profiling().smoothness(), 2.0));
        t.add(opt("--request-count", "--num-requests").value("7")
                .sets("requests", c -> c.config().load().requestCount(), 7L));
        t.add(opt("--warmup-request-count", "--num-warmup-requests").value("3")
                .sets("warmup requests", c -> c.config().load().warmupRequestCount(), 3L));
        t.add(opt("--warmup-duration").value("2").sets("warmup duration", c -> warmup(c, w -> w.durationS()), 2.0));
        t.add(opt("--num-warmup-sessions").value("2")
                .sets("warmup sessions", c -> warmup(c, w -> w.numSessions()), 2L));
        String[] warm = {"--warmup-request-count", "3"};
        t.add(opt("--warmup-concurrency").value("2").after(warm).after("--concurrency", "4")
                .sets("warmup concurrency", c -> warmup(c, w -> w.concurrency()), 2));
        t.add(opt("--warmup-prefill-concurrency").value("1").after(warm).after("--streaming")
                .sets("warmup prefill", c -> warmup(c, w -> w.prefillConcurrency()), 1));
        t.add(opt("--warmup-request-rate").value("4").after(warm)
                .sets("warmup rate", c -> warmup(c, w -> w.requestRate()), 4.0));
        t.add(opt("--warmup-arrival-pattern").value("constant").after(warm).after("--warmup-request-rate", "4")
                .sets("warmup arrivals", c -> warmup(c, w -> w.pattern()), ArrivalPattern.CONSTANT));
        t.add(opt("--warmup-grace-period").value("1").after("--warmup-duration", "2")
                .sets("warmup grace", c -> warmup(c, w -> w.gracePeriodS()), 1.0));
        t.add(opt("--request-cancellation-rate").value("30")
                .sets("cancelled share", c -> c.config().load().cancellationRatePct(), 30.0));
        t.add(opt("--request-cancellation-delay").value("0.5").after("--request-cancellation-rate", "30")
                .sets("cancel delay", c -> c.config().load().cancellationDelayS(), 0.5));
        // User-centric mode has no default request count, and --num-users alone is refused.
        String[] users = {"--session-turns-mean", "2", "--request-count", "10"};
        t.add(opt("--user-centric-rate").value("2").after("--num-users", "2").after(users).against(users)
                .sets("timing mode", c -> c.config().load().mode(), TimingMode.USER_CENTRIC_RATE));
        t.add(opt("--num-users").value("3").after("--user-centric-rate", "2").after(users).against(users)
                .sets("users", c -> c.config().load().userCentric() == null ? null
                        : c.config().load().userCentric().numUsers(), 3));
        t.add(opt("--concurrency-ramp-duration").value("2").after("--concurrency", "4")
                .sets("concurrency ramp", c -> c.config().load().profiling().concurrencyRampS(), 2.0));
        t.add(opt("--prefill-concurrency-ramp-duration").value("2").after("--streaming", "--prefill-concurrency", "2")
                .sets("prefill ramp", c -> c.config().load().profiling().prefillRampS(), 2.0));
        t.add(opt("--request-rate-ramp-duration").value("2").after("--request-rate", "5")
                .sets("rate ramp", c -> c.config().load().profiling().rateRampS(), 2.0));
        t.add(opt("--warmup-concurrency-ramp-duration").value("1").after(warm).after("--concurrency", "4")
                .sets("warmup concurrency ramp", c -> warmup(c, w -> w.concurrencyRampS()), 1.0));
        t.add(opt("--warmup-prefill-concurrency-ramp-duration").value("1").after(warm)
                .after("--streaming", "--prefill-concurrency", "2")
                .sets("warmup prefill ramp", c -> warmup(c, w -> w.prefillRampS()), 1.0));
        t.add(opt("--warmup-request-rate-ramp-duration").value("1").after(warm).after("--request-rate", "5")
                .sets("warmup rate ramp", c -> warmup(c, w -> w.rateRampS()), 1.0));
        // Multi-Run: the CLI consumes these itself (ProfilePlan), so the row reads the parsed MultiRunOptions.
        t.add(opt("--num-profile-runs").value("3").sets("runs", c -> c.multiRun().numProfileRuns, 3));
        t.add(opt("--profile-run-cooldown-seconds").value("1.5")
                .sets("cooldown", c -> c.multiRun().cooldownSeconds, 1.5));
        t.add(opt("--confidence-level").value("0.9").sets("confidence", c -> c.multiRun().confidenceLevel, 0.9));
        t.add(opt("--profile-run-disable-warmup-after-first")
                .noEffect("true, the default; its --no- form below turns it off",
                        c -> c.multiRun().disableWarmupAfterFirst));
        t.add(opt("--no-profile-run-disable-warmup-after-first")
                .sets("warmup every run", c -> c.multiRun().disableWarmupAfterFirst, false));
        t.add(opt("--set-consistent-seed").noEffect("true, the default; its --no- form below turns it off",
                c -> c.multiRun().setConsistentSeed));
        t.add(opt("--no-set-consistent-seed").sets("per-run seeds", c -> c.multiRun().setConsistentSeed, false));
        t.add(opt("--convergence-metric").value("time_to_first_token").after("--num-profile-runs", "5")
                .sets("stop early on", c -> c.multiRun().convergenceMetric, "time_to_first_token"));
        t.add(opt("--convergence-stat").value("p99").after("--num-profile-runs", "5")
                .sets("of the statistic", c -> c.multiRun().convergenceStat, "p99"));
        t.add(opt("--convergence-threshold").value("0.05").after("--num-profile-runs", "5")
                .sets("below", c -> c.multiRun().convergenceThreshold, 0.05));
        t.add(opt("--convergence-mode").value("cv").after("--num-profile-runs", "5")
                .sets("criterion", c -> c.multiRun().convergenceMode, "cv"));
        // Accuracy
        String[] mmluFiles = {"--accuracy-dataset-path", "@mmlu"};
        String[] mmluRun = {"--accuracy-dataset-path", "@mmlu", "--accuracy-benchmark", "mmlu"};
        t.add(opt("--accuracy-benchmark").value("mmlu").after(mmluFiles).against()
                .sets("benchmark graded", c -> accuracy(c, a -> a.benchmark()), AccuracyBenchmark.MMLU));
        t.add(opt("--accuracy-tasks").value("abstract_algebra").after(mmluRun)
                .sets("tasks", c -> accuracy(c, a -> a.tasks()), List.of("abstract_algebra")));
        t.add(opt("--accuracy-n-shots").value("2").after(mmluRun)
                .sets("examples per prompt (MMLU's default 5)", c -> accuracy(c, a -> a.shots()), 2));
        t.add(opt("--accuracy-enable-cot").after(mmluRun)
                .sets("chain of thought (MMLU's default off)", c -> accuracy(c, a -> a.cot()), true));
        t.add(opt("--no-accuracy-enable-cot").after(mmluRun)
                .noEffect("MMLU's default is already without chain of thought"));
        t.add(opt("--accuracy-grader").value("exact_match").after(mmluRun)
                .sets("grader (MMLU's default multiple_choice)", c -> accuracy(c, a -> a.grader()),
                        AccuracyGrader.EXACT_MATCH));
        t.add(opt("--accuracy-system-prompt").value("Answer.").after(mmluRun)
                .sets("system prompt", c -> accuracy(c, a -> a.systemPrompt()), "Answer."));
        t.add(opt("--accuracy-verbose").after(mmluRun)
                .sets("one line per graded response", c -> accuracy(c, a -> a.verbose()), true));
        // Telemetry
        t.add(opt("--gpu-telemetry").sets("GPU tables on the console", c -> c.config().telemetry().gpu().console(), true));
        t.add(opt("--gpu-telemetry").value("gpu-box:9500")
                .sets("exporter URL named", c -> c.config().telemetry().gpu().urls(),
                        List.of("http://gpu-box:9500/metrics")));
        t.add(opt("--gpu-telemetry").value(() -> gpuFieldsCsv)
                .sets("custom DCGM fields", c -> c.config().telemetry().gpu().customFields().stream()
                        .map(f -> f.prometheusName()).toList(), List.of("DCGM_FI_PROF_DRAM_ACTIVE")));
        t.add(opt("--no-gpu-telemetry").sets("no DCGM scrape", c -> c.config().telemetry().gpu().enabled(), false));
        // Server Metrics
        t.add(opt("--server-metrics").value("gpu-box:9600")
                .sets("more endpoints", c -> c.config().telemetry().serverMetrics().urls(),
                        List.of("http://gpu-box:9600/metrics")));
        t.add(opt("--no-server-metrics")
                .sets("no scrape", c -> c.config().telemetry().serverMetrics().enabled(), false));
        t.add(opt("--server-metrics-formats").value("jsonl")
                .sets("export files", c -> c.config().telemetry().serverMetrics().formats(), List.of("jsonl")));
        // ZMQ
        t.add(opt("--zmq-host").value("0.0.0.0").sets("bus interface", c -> c.config().service().zmqHost(), "0.0.0.0"));
        t.add(opt("--zmq-ipc-path").value("/tmp/aiperf-ipc")
                .noEffect("our bus (JeroMQ) speaks TCP only, never IPC"));
        // Workers: an explicit count is still capped by --concurrency, hence the prerequisite.
        t.add(opt("--workers-max", "--max-workers").value("3").after("--concurrency", "8")
                .sets("workers", c -> c.config().service().workers(), 3));
        // Service
        t.add(opt("--log-level").value("DEBUG").sets("log level", c -> c.config().service().logLevel(), "DEBUG"));
        t.add(opt("-v", "--verbose").sets("debug logging", c -> c.config().service().logLevel(), "DEBUG"));
        t.add(opt("-vv", "--extra-verbose").sets("trace logging", c -> c.config().service().logLevel(), "TRACE"));
        t.add(opt("--record-processors", "--record-processor-service-count").value("3")
                .sets("record processors", c -> c.config().service().recordProcessors(), 3));
        t.add(opt("--ui-type", "--ui").value("simple").sets("UI", c -> c.config().service().uiType(), "simple"));
        t.add(opt("--api-port").value("9090")
                .sets("live JSON API port", c -> c.command().outputOptions().apiPort, 9090));
        t.add(opt("--api-host").value("0.0.0.0").after("--api-port", "9090")
                .sets("and address", c -> c.command().outputOptions().apiListenHost(), "0.0.0.0"));
        // Value forms the CLI consumes itself: a list of levels is a sweep, one run per level (ProfilePlan).
        t.add(opt("--concurrency").value("1,2,4")
                .sets("sweep levels", c -> c.command().loadOptions().concurrencyLevels, List.of(1, 2, 4)));
        t.add(opt("--request-rate").value("10,20")
                .sets("sweep rates", c -> c.command().loadOptions().requestRateLevels, List.of(10.0, 20.0)));
        // Ours (OURS): walked as well where a value needs no file of its own.
        t.add(opt("--zmq-port").value("17000").sets("fixed bus ports", c -> c.config().service().zmqPort(), 17000));
        t.add(opt("--remote-workers").value("3")
                .sets("workers that join", c -> c.config().service().remote().count(), 3));
        t.add(opt("--remote-workers-join-timeout").value("30").after("--remote-workers", "1")
                .sets("join wait", c -> c.config().service().remote().joinTimeoutSeconds(), 30.0));
        t.add(opt("--remote-workers-silence-timeout").value("4").after("--remote-workers", "1")
                .sets("silence allowed", c -> c.config().service().remote().silenceTimeoutSeconds(), 4.0));
        t.add(opt("--secret-header").value("X-Tenant").after("-H", "X-Tenant:acme")
                .sets("redacted header", c -> c.config().endpoint().secretHeaders(), List.of("X-Tenant")));
        t.add(opt("--ssl-insecure").sets("no certificate check", c -> c.config().endpoint().tls().insecure(), true));
        t.add(opt("--mock-server").sets("in-process mock", c -> c.command().endpointOptions().mockServer, true));
        t.add(opt("--public-dataset-path").value(() -> singleTurn).after("--public-dataset", "sharegpt")
                .sets("local copy", c -> c.config().input().publicDataset().localPath(), (Object) null)
                .expecting(() -> singleTurn));
        t.add(opt("--fail-on-error-rate").value("5").sets("exit 1 above", c -> c.command().exit.failOnErrorRatePct(), 5.0));
        t.add(opt("--rounds").value("2").sets("dual-round cache test", c -> c.multiRun().rounds, 2));
        t.add(opt("--auto-plot").after("--num-profile-runs", "2").sets("plots", c -> c.multiRun().autoPlot, true));
        t.add(opt("--prometheus-metrics").value("vllm:prefix_cache_hits_total")
                .sets("server metrics shown", c -> c.config().telemetry().prometheusMetrics(),
                        List.of("vllm:prefix_cache_hits_total")));
        return t;
    }

    /** AIPerf's endpoint types, each with what it needs beside it. */
    private static final Map<String, List<String>> ENDPOINT_TYPES = Map.ofEntries(
            Map.entry("chat", List.of()), Map.entry("completions", List.of()), Map.entry("responses", List.of()),
            Map.entry("chat_embeddings", List.of()), Map.entry("embeddings", List.of()),
            Map.entry("nim_embeddings", List.of()), Map.entry("huggingface_generate", List.of()),
            Map.entry("solido_rag", List.of()), Map.entry("nim_rankings", List.of()),
            Map.entry("hf_tei_rankings", List.of()), Map.entry("cohere_rankings", List.of()),
            Map.entry("template", List.of("--extra-inputs", "payload_template:nv-embedqa")),
            Map.entry("image_generation", List.of()), Map.entry("video_generation", List.of()),
            Map.entry("image_retrieval", List.of("--image-width-mean", "16", "--image-height-mean", "16")));

    /** GenAI-Perf options AIPerf dropped; AIPerf refuses them, and so do we: an unknown option, exit 2. */
    private static final List<List<String>> GENAI_PERF_ONLY = List.of(
            List.of("--measurement-interval", "5000"), List.of("--stability-percentage", "10"),
            List.of("--session-concurrency", "4"));

    // ---------------------------------------------------------------------------------------------------------------
    // The tests
    // ---------------------------------------------------------------------------------------------------------------

    @TestFactory
    Stream<DynamicTest> everyOptionOfAiperfChangesTheRunAsDocumented() {
        return table().stream().flatMap(row -> row.names().stream().map(name -> DynamicTest.dynamicTest(
                name + " " + String.join(" ", row.valueArgs()), () -> walk(row, name))));
    }

    private static void walk(Row row, String name) {
        List<String> with = new ArrayList<>(List.of("-m", "m"));
        with.addAll(row.prerequisiteArgs());
        with.add(name);
        with.addAll(row.valueArgs());
        List<String> without = new ArrayList<>(List.of("-m", "m"));
        without.addAll(row.baselineArgs());
        Parsed option = Parsed.of(with);
        Parsed baseline = Parsed.of(without);
        String as = String.join(" ", with);
        if (needsFfmpeg(with) && Ffmpeg.onPath().isEmpty()) {
            // Without ffmpeg, video and MP3 are refused before anything runs, naming the install command.
            assertThatThrownBy(option::config).as(as + " without ffmpeg").isInstanceOf(UsageException.class)
                    .hasMessageContaining(Ffmpeg.INSTALL_HINT);
            return;
        }
        if (row.effect() instanceof Sets s) {
            Object expected = s.expected().get();
            assertThat(s.field().apply(option)).as(as + ": " + s.what()).isEqualTo(expected);
            assertThat(s.field().apply(baseline)).as("without " + name + ": not already " + expected)
                    .isNotEqualTo(expected);
            if (s.onlyField() != null) {
                assertThat(option.json(s.onlyField())).as(as + ": nothing else changes")
                        .isEqualTo(baseline.json(s.onlyField()));
            }
        } else {
            NoEffect n = (NoEffect) row.effect();
            assertThat(option.json(null)).as(as + " has no effect: " + n.reason()).isEqualTo(baseline.json(null));
            if (n.parsed() != null) {
                assertThat(n.parsed().apply(option)).as(as + " has no effect: " + n.reason())
                        .isEqualTo(n.parsed().apply(baseline));
            }
        }
    }

    @Test
    void everyOptionOfTheModelIsARowOrOurs() {
        Set<String> walked = table().stream().flatMap(r -> r.names().stream()).collect(Collectors.toSet());
        Set<String> unaccounted = new TreeSet<>();
        for (OptionSpec o : profileModel().options()) {
            for (String n : o.names()) {
                if (!walked.contains(n) && !OURS.contains(n)) {
                    unaccounted.add(n);
                }
            }
            if (o.negatable()) {
                String negated = o.longestName().replaceFirst("^--", "--no-");
                if (!walked.contains(negated)) {
                    unaccounted.add(negated);
                }
            }
        }
        assertThat(unaccounted).as("options of `aiperf profile` neither walked nor listed in OURS").isEmpty();
        assertThat(OURS).as("OURS names only options of the model").isSubsetOf(modelNames());
    }

    @Test
    void everyEndpointTypeOfAiperfIsAccepted() {
        for (Map.Entry<String, List<String>> e : ENDPOINT_TYPES.entrySet()) {
            List<String> args = new ArrayList<>(List.of("-m", "m", "--endpoint-type", e.getKey()));
            args.addAll(e.getValue());
            assertThat(Parsed.of(args).config().endpoint().type().cliName()).isEqualTo(e.getKey());
        }
        assertThat(ENDPOINT_TYPES).as("every endpoint type this build has is walked")
                .hasSize(EndpointType.values().length);
    }

    @Test
    void genAiPerfOnlyOptionsAreUnknownOptionsAsInAiperf() {
        for (List<String> option : GENAI_PERF_ONLY) {
            List<String> argv = new ArrayList<>(List.of("profile", "-m", "m"));
            argv.addAll(option);
            StringWriter err = new StringWriter();
            int code = AiperfMain.execute(argv.toArray(String[]::new), new PrintWriter(new StringWriter()),
                    new PrintWriter(err));
            assertThat(code).as(String.join(" ", option)).isEqualTo(ExitCodes.USAGE);
            assertThat(err.toString().strip()).startsWith("aiperf: error: Unknown option: '" + option.get(0) + "'")
                    .doesNotContain("\n");
        }
    }

    @Test
    void rejectedValues() {
        // Neither of AIPerf's audio formats: a usage error, not a clip sent under a wrong name.
        assertThatThrownBy(() -> Parsed.of(List.of("-m", "m", "--audio-length-mean", "1", "--audio-format", "ogg"))
                .config()).isInstanceOf(UsageException.class);
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Parsing as the CLI does
    // ---------------------------------------------------------------------------------------------------------------

    /** A command line parsed into a {@link ProfileCommand}, and the configuration it resolves to (2 CPUs, no TTY). */
    record Parsed(ProfileCommand command, List<String> argv) {

        private static final ObjectMapper JSON = new ObjectMapper();

        static Parsed of(List<String> argv) {
            List<String> resolved = argv.stream().map(Parsed::file).toList();
            ProfileCommand command = new ProfileCommand();
            new CommandLine(command).parseArgs(resolved.toArray(String[]::new));
            return new Parsed(command, resolved);
        }

        private static String file(String arg) {
            return switch (arg) {
                case "@single" -> singleTurn;
                case "@timed" -> timedSingleTurn;
                case "@mooncake" -> mooncake;
                case "@mmlu" -> mmlu;
                default -> arg;
            };
        }

        BenchmarkConfig config() {
            // An empty environment: no OPENAI_API_KEY or AIPERF_* of the machine running the test leaks in.
            BenchmarkConfig c = ProfileConfigResolver.resolve(command.endpointOptions(), command.inputOptions(),
                    command.loadOptions(), command.outputOptions(), argv, false, 2, null, Map.of(),
                    AiperfEnvironment.of(Map.of()));
            return c.withTelemetry(TelemetryResolver.resolve(command.telemetry, c.endpoint().urls(), warning -> { },
                    AiperfEnvironment.of(Map.of())))
                    .withAccuracy(AccuracyResolver.resolve(command.accuracyOptions(), command.inputOptions(),
                            c.endpoint().type()));
        }

        MultiRunOptions multiRun() {
            return command.multiRunOptions();
        }

        /**
         * The configuration as JSON without what differs between any two runs: the run's UUID ({@code benchmarkId})
         * and the command line as typed ({@code cliCommand}); and {@code only}, when given: the one field (object,
         * field) a row expects to change.
         */
        JsonNode json(List<String> only) {
            ObjectNode tree;
            try {
                tree = (ObjectNode) JSON.readTree(MessageCodec.encodeConfig(config()));
            } catch (IOException e) {
                throw new AssertionError(e);
            }
            tree.remove(List.of("benchmarkId", "cliCommand"));
            if (only != null) {
                ((ObjectNode) tree.get(only.get(0))).remove(only.get(1));
            }
            return tree;
        }
    }

    private static LoadConfig.FixedSchedule schedule(Parsed p) {
        return p.config().load().fixedSchedule();
    }

    private static MediaConfig.Video video(Parsed p) {
        return p.config().input().media().video();
    }

    private static MediaConfig.Audio audio(Parsed p) {
        return p.config().input().media().audio();
    }

    private static MediaConfig.Images images(Parsed p) {
        return p.config().input().media().images();
    }

    private static Object warmup(Parsed p, Function<PhaseLoad, Object> field) {
        PhaseLoad warmup = p.config().load().warmup();
        return warmup == null ? null : field.apply(warmup);
    }

    private static CommandLine.Model.CommandSpec profileModel() {
        return new CommandLine(new ProfileCommand()).getCommandSpec();
    }

    private static Set<String> modelNames() {
        Set<String> names = new TreeSet<>();
        for (OptionSpec o : profileModel().options()) {
            names.addAll(Arrays.asList(o.names()));
        }
        return names;
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Rows
    // ---------------------------------------------------------------------------------------------------------------

    sealed interface Effect permits Sets, NoEffect {
    }

    /** The documented field, {@code expected} with the option and something else without it. */
    record Sets(String what, Function<Parsed, Object> field, Supplier<Object> expected,
                List<String> onlyField) implements Effect {
    }

    /**
     * Accepted for AIPerf's scripts; the configuration is the baseline's, and so is {@code parsed} (null: none) for an
     * option the CLI consumes itself.
     */
    record NoEffect(String reason, Function<Parsed, Object> parsed) implements Effect {
    }

    /**
     * @param baseline what the option is compared against; null: the prerequisites alone
     * @param value    the option's value(s); a supplier because some name files written at class start
     */
    record Row(List<String> names, Supplier<List<String>> value, List<String> prerequisites,
               List<String> baseline, Effect effect) {

        List<String> valueArgs() {
            return value.get();
        }

        List<String> prerequisiteArgs() {
            return prerequisites;
        }

        List<String> baselineArgs() {
            return baseline == null ? prerequisites : baseline;
        }

        Row value(String... v) {
            List<String> values = List.of(v);
            return new Row(names, () -> values, prerequisites, baseline, effect);
        }

        Row value(Supplier<String> v) {
            return new Row(names, () -> List.of(v.get()), prerequisites, baseline, effect);
        }

        Row after(String... args) {
            List<String> all = new ArrayList<>(prerequisites);
            all.addAll(List.of(args));
            return new Row(names, value, List.copyOf(all), baseline, effect);
        }

        Row against(String... args) {
            return new Row(names, value, prerequisites, List.of(args), effect);
        }

        Row sets(String what, Function<Parsed, Object> field, Object expected) {
            return new Row(names, value, prerequisites, baseline, new Sets(what, field, () -> expected, null));
        }

        /** The expected value of a {@link Sets} row, computed when the row runs (a path under the temp dir). */
        Row expecting(Supplier<Object> expected) {
            Sets s = (Sets) effect;
            return new Row(names, value, prerequisites, baseline, new Sets(s.what(), s.field(), expected, s.onlyField()));
        }

        /** The {@link Sets} field is the only change: {@code object.field} of the configuration's JSON. */
        Row andOtherwiseUnchanged(String object, String field) {
            Sets s = (Sets) effect;
            return new Row(names, value, prerequisites, baseline,
                    new Sets(s.what(), s.field(), s.expected(), List.of(object, field)));
        }

        Row noEffect(String reason) {
            return noEffect(reason, null);
        }

        Row noEffect(String reason, Function<Parsed, Object> parsed) {
            return new Row(names, value, prerequisites, baseline, new NoEffect(reason, parsed));
        }
    }

    /** Synthetic video and MP3 clips are encoded by the system ffmpeg. */
    private static boolean needsFfmpeg(List<String> argv) {
        return argv.contains("--video-width") || argv.contains("mp3");
    }

    /** A field of the run's accuracy configuration, or null when accuracy mode is off. */
    private static Object accuracy(Parsed c, Function<AccuracyConfig, Object> field) {
        AccuracyConfig a = c.config().input().accuracy();
        return a == null ? null : field.apply(a);
    }

    private static Row opt(String... names) {
        return new Row(List.of(names), List::of, List.of(), null, null);
    }
}
