package io.aiperf.mock;

import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

import java.util.function.Supplier;

/**
 * The {@code aiperf-mock-server} command line, turned into a {@link MockConfig}.
 *
 * <p>Options are setter methods rather than fields: picocli calls each one in command-line order, and each applies
 * its value to the config at once. So {@link MockConfig} stays the one place that knows the defaults and the rules,
 * a later option overrides an earlier one, and a broken rule is reported against the option that broke it (e.g.
 * the {@code --fault} that takes the fault rates past 100 percent). No option has a picocli {@code defaultValue}:
 * the defaults are {@link MockConfig#defaults()}'s, which the descriptions quote.
 */
@Command(name = MockServerMain.NAME, abbreviateSynopsis = true, sortOptions = false, usageHelpWidth = 110,
        descriptionHeading = "%n", description = "An OpenAI-compatible mock inference server for benchmarking AIPerf.",
        optionListHeading = "%nOptions:%n",
        footerHeading = "%n", footer = {
            "Routes: POST /v1/chat/completions, POST /v1/completions, POST /v1/responses,",
            "        POST /v1/embeddings, POST /v1/ranking, /rerank, /v2/rerank,",
            "        POST /generate, /generate_stream, POST /rag/api/prompt, POST /v1/custom-multimodal,",
            "        POST /v1/images/generations, POST /v1/infer, /v1/image/infer (image retrieval),",
            "        POST /v1/videos, GET /v1/videos/{id}, GET /v1/videos/{id}/content,",
            "        GET /v1/models, GET /health, GET|DELETE /mock/requests,",
            "        GET /metrics, /vllm/metrics (vLLM-like), GET /dcgm{N}/metrics (N = 1..64, DCGM faker),",
            "        POST /mock/metrics/reset"})
final class MockServerOptions {

    @Spec
    private CommandSpec spec;

    private MockConfig config = MockConfig.defaults();

    @Option(names = {"-h", "--help"}, usageHelp = true, order = 99, description = "print this help and exit")
    private boolean help;

    /** The config the options so far describe: {@link MockConfig#defaults()} with each option applied in turn. */
    MockConfig config() {
        return config;
    }

    @Option(names = {"-p", "--port"}, paramLabel = "N", order = 1,
            description = "TCP port to listen on; 0 picks a free port (default: " + MockConfig.DEFAULT_PORT + ")")
    void port(int port) {
        apply("--port", () -> config.withPort(port));
    }

    @Option(names = "--host", paramLabel = "HOST", order = 2,
            description = "interface to bind (default: " + MockConfig.DEFAULT_HOST + ")")
    void host(String host) {
        apply("--host", () -> config.withHost(host));
    }

    @Option(names = {"-t", "--ttft"}, paramLabel = "MS", order = 3,
            description = "time to first token in milliseconds (default: " + MockConfig.DEFAULT_TTFT_MS + ")")
    void ttft(double ms) {
        apply("--ttft", () -> config.withTiming(ms, config.itlMs()));
    }

    @Option(names = "--itl", paramLabel = "MS", order = 4,
            description = "inter-token latency in milliseconds (default: " + MockConfig.DEFAULT_ITL_MS + ")")
    void itl(double ms) {
        apply("--itl", () -> config.withTiming(config.ttftMs(), ms));
    }

    // arity 0: `--fast=false` is refused rather than read as "not fast".
    @Option(names = {"-f", "--fast"}, arity = "0", order = 5,
            description = "no delays at all: ttft, itl and the embeddings and rankings latencies become 0")
    void fast(boolean fast) {
        apply("--fast", () -> config.withFast(fast));
    }

    @Option(names = "--embedding-base-latency", paramLabel = "MS", order = 6,
            description = "embeddings: fixed part (default: " + MockConfig.EMBEDDING_BASE_LATENCY_MS + ")")
    void embeddingBaseLatency(double ms) {
        MockConfig.ItemLatencies l = config.latencies();
        apply("--embedding-base-latency", () -> config.withLatencies(new MockConfig.ItemLatencies(
                ms, l.embeddingPerInputMs(), l.rankingBaseMs(), l.rankingPerPassageMs(), l.imageRetrievalBaseMs(),
                l.imageRetrievalPerImageMs(), l.videoJobMs())));
    }

    @Option(names = "--embedding-per-input-latency", paramLabel = "MS", order = 7,
            description = "embeddings: per input (default: " + MockConfig.EMBEDDING_PER_INPUT_LATENCY_MS + ")")
    void embeddingPerInputLatency(double ms) {
        MockConfig.ItemLatencies l = config.latencies();
        apply("--embedding-per-input-latency", () -> config.withLatencies(new MockConfig.ItemLatencies(
                l.embeddingBaseMs(), ms, l.rankingBaseMs(), l.rankingPerPassageMs(), l.imageRetrievalBaseMs(),
                l.imageRetrievalPerImageMs(), l.videoJobMs())));
    }

    @Option(names = "--ranking-base-latency", paramLabel = "MS", order = 8,
            description = "rankings: fixed part (default: " + MockConfig.RANKING_BASE_LATENCY_MS + ")")
    void rankingBaseLatency(double ms) {
        MockConfig.ItemLatencies l = config.latencies();
        apply("--ranking-base-latency", () -> config.withLatencies(new MockConfig.ItemLatencies(
                l.embeddingBaseMs(), l.embeddingPerInputMs(), ms, l.rankingPerPassageMs(), l.imageRetrievalBaseMs(),
                l.imageRetrievalPerImageMs(), l.videoJobMs())));
    }

    @Option(names = "--ranking-per-passage-latency", paramLabel = "MS", order = 9,
            description = "rankings: per passage (default: " + MockConfig.RANKING_PER_PASSAGE_LATENCY_MS + ")")
    void rankingPerPassageLatency(double ms) {
        MockConfig.ItemLatencies l = config.latencies();
        apply("--ranking-per-passage-latency", () -> config.withLatencies(new MockConfig.ItemLatencies(
                l.embeddingBaseMs(), l.embeddingPerInputMs(), l.rankingBaseMs(), ms, l.imageRetrievalBaseMs(),
                l.imageRetrievalPerImageMs(), l.videoJobMs())));
    }

    @Option(names = "--image-retrieval-base-latency", paramLabel = "MS", order = 9,
            description = "image retrieval: fixed part (default: " + MockConfig.IMAGE_RETRIEVAL_BASE_LATENCY_MS + ")")
    void imageRetrievalBaseLatency(double ms) {
        MockConfig.ItemLatencies l = config.latencies();
        apply("--image-retrieval-base-latency", () -> config.withLatencies(new MockConfig.ItemLatencies(
                l.embeddingBaseMs(), l.embeddingPerInputMs(), l.rankingBaseMs(), l.rankingPerPassageMs(), ms,
                l.imageRetrievalPerImageMs(), l.videoJobMs())));
    }

    @Option(names = "--image-retrieval-per-image-latency", paramLabel = "MS", order = 9,
            description = "image retrieval: per image (default: "
                    + MockConfig.IMAGE_RETRIEVAL_PER_IMAGE_LATENCY_MS + ")")
    void imageRetrievalPerImageLatency(double ms) {
        MockConfig.ItemLatencies l = config.latencies();
        apply("--image-retrieval-per-image-latency", () -> config.withLatencies(new MockConfig.ItemLatencies(
                l.embeddingBaseMs(), l.embeddingPerInputMs(), l.rankingBaseMs(), l.rankingPerPassageMs(),
                l.imageRetrievalBaseMs(), ms, l.videoJobMs())));
    }

    @Option(names = "--video-job-time", paramLabel = "MS", order = 9,
            description = "video jobs: submit to completed (default: " + MockConfig.VIDEO_JOB_MS + "; at most "
                    + MockConfig.FAST_VIDEO_JOB_MS + " with --fast, so polling still happens)")
    void videoJobTime(double ms) {
        MockConfig.ItemLatencies l = config.latencies();
        apply("--video-job-time", () -> config.withLatencies(new MockConfig.ItemLatencies(
                l.embeddingBaseMs(), l.embeddingPerInputMs(), l.rankingBaseMs(), l.rankingPerPassageMs(),
                l.imageRetrievalBaseMs(), l.imageRetrievalPerImageMs(), ms)));
    }

    @Option(names = "--error-rate", paramLabel = "PCT", order = 10,
            description = "answer this percentage of inference requests with HTTP 500 (default: 0)")
    void errorRate(double pct) {
        apply("--error-rate", () -> config.withErrorRate(pct, config.randomSeed()));
    }

    // Repeatable because the parser allows overwritten options; each occurrence adds (or replaces) one fault.
    @Option(names = "--fault", paramLabel = "NAME:PCT", order = 11, converter = FaultShare.Converter.class,
            description = "give this percentage of inference requests an injected fault; repeatable. NAME: http-500"
                    + " (= --error-rate), sse-error (stream: half the tokens, then an `event: error` block),"
                    + " malformed-json (truncated body or data line), empty-choices (`choices: []`), empty-content"
                    + " (one choice, empty text), reset (TCP reset: at once, or after half a stream), stall (never"
                    + " answer), http-429 / http-503 (with Retry-After), oversize (a 200 body or data line that never"
                    + " ends), endless-stream (token events with no end), malformed-sse (JSON lines without `data:`)."
                    + " The rates, with --error-rate, add up to at most 100 (default: none)")
    void fault(FaultShare share) {
        apply("--fault", () -> config.withFault(share.fault(), share.pct()));
    }

    @Option(names = "--random-seed", paramLabel = "N", order = 12,
            description = "seed for --error-rate and --fault, for reproducible failures (default: random)")
    void randomSeed(long seed) {
        apply("--random-seed", () -> config.withErrorRate(config.errorRatePct(), seed));
    }

    @Option(names = "--reasoning-tokens", paramLabel = "N", order = 13,
            description = "chat and responses answers start with N reasoning tokens, whatever the model (default: 0:"
                    + " only models named *qwen* or *gpt-oss* reason, with reasoning_effort low/medium/high ="
                    + " 100/250/500 tokens)")
    void reasoningTokens(int tokens) {
        apply("--reasoning-tokens", () -> config.withReasoningTokens(tokens));
    }

    @Option(names = "--usage-token-offset", paramLabel = "N", order = 14,
            description = "usage reports N more prompt and completion tokens than were sent, like a server whose"
                    + " tokenizer disagrees with the client's (default: 0)")
    void usageTokenOffset(int tokens) {
        apply("--usage-token-offset", () -> config.withUsageTokenOffset(tokens));
    }

    @Option(names = "--dcgm-gpu-name", paramLabel = "NAME", order = 15,
            description = "DCGM faker: the GPU every node has, one of rtx6000, a100, h100, h100-sxm, h200, b200,"
                    + " gb200 (default: h200)")
    void dcgmGpuName(String name) {
        GpuProfile gpu = GpuProfile.byCliName(name);
        if (gpu == null) {
            throw new ParameterException(spec.commandLine(), "Invalid value for option '--dcgm-gpu-name': unknown GPU '"
                    + name + "' (one of " + GpuProfile.cliNames() + ")");
        }
        apply("--dcgm-gpu-name", () -> config.withDcgm(config.dcgm().withGpu(gpu)));
    }

    @Option(names = "--dcgm-num-gpus", paramLabel = "N", order = 16,
            description = "DCGM faker: GPUs on each /dcgm{N}/metrics node (default: " + DcgmConfig.DEFAULT_GPUS + ")")
    void dcgmNumGpus(int gpus) {
        apply("--dcgm-num-gpus", () -> config.withDcgm(config.dcgm().withGpusPerNode(gpus)));
    }

    @Option(names = "--dcgm-min-throughput", paramLabel = "TOK_S", order = 17,
            description = "DCGM faker: tokens/s that count as full load until more is seen (default: 100)")
    void dcgmMinThroughput(double tokensPerSec) {
        apply("--dcgm-min-throughput", () -> config.withDcgm(config.dcgm().withMinThroughput(tokensPerSec)));
    }

    @Option(names = "--dcgm-window-sec", paramLabel = "S", order = 18,
            description = "DCGM faker: throughput is measured over windows this long (default: 1.0)")
    void dcgmWindowSec(double sec) {
        apply("--dcgm-window-sec", () -> config.withDcgm(config.dcgm().withWindowSec(sec)));
    }

    @Option(names = "--dcgm-hostname", paramLabel = "HOST", order = 19,
            description = "DCGM faker: the Hostname label of node 1; node N > 1 is HOST-N (default: "
                    + DcgmConfig.DEFAULT_HOSTNAME + ")")
    void dcgmHostname(String hostname) {
        apply("--dcgm-hostname", () -> config.withDcgm(config.dcgm().withHostname(hostname)));
    }

    @Option(names = "--dcgm-seed", paramLabel = "N", order = 20,
            description = "DCGM faker: seed for UUIDs, bus ids and noise, for reproducible values (default: random)")
    void dcgmSeed(long seed) {
        apply("--dcgm-seed", () -> config.withDcgm(config.dcgm().withSeed(seed)));
    }

    @Option(names = "--dcgm-auto-load", negatable = true, order = 21,
            description = "DCGM faker: load follows the served token throughput; --no-dcgm-auto-load: a fixed, almost"
                    + " idle load (default: on)")
    void dcgmAutoLoad(boolean on) {
        apply("--dcgm-auto-load", () -> config.withDcgm(config.dcgm().withAutoLoad(on)));
    }

    /** Applies one option; a rule {@link MockConfig} refuses becomes a usage error naming {@code option}. */
    private void apply(String option, Supplier<MockConfig> change) {
        try {
            config = change.get();
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(),
                    "Invalid value for option '" + option + "': " + e.getMessage());
        }
    }

    /** {@code --fault NAME:PCT}: one fault and the percentage of inference requests that get it. */
    record FaultShare(Fault fault, double pct) {

        static final class Converter implements ITypeConverter<FaultShare> {
            @Override
            public FaultShare convert(String value) {
                int colon = value.lastIndexOf(':');
                if (colon < 0) {
                    throw new TypeConversionException("'" + value + "' is not NAME:PCT");
                }
                String name = value.substring(0, colon);
                Fault fault = Fault.byCliName(name);
                if (fault == null) {
                    throw new TypeConversionException("unknown fault '" + name + "' (one of " + Fault.cliNames() + ")");
                }
                String pct = value.substring(colon + 1);
                try {
                    return new FaultShare(fault, Double.parseDouble(pct.trim()));
                } catch (NumberFormatException e) {
                    throw new TypeConversionException("'" + pct + "' in '" + value + "' is not a number");
                }
            }
        }
    }
}
