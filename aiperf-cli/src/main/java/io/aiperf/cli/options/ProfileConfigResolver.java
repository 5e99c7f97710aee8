package io.aiperf.cli.options;

import io.aiperf.core.config.AiperfEnvironment;
import io.aiperf.core.config.BenchmarkConfig;
import io.aiperf.core.config.ConnectionReuse;
import io.aiperf.core.config.ModelSelectionStrategy;
import io.aiperf.core.config.EndpointConfig;
import io.aiperf.core.config.EndpointType;
import io.aiperf.core.config.RequestContentType;
import io.aiperf.core.config.InputConfig;
import io.aiperf.core.config.LoadConfig;
import io.aiperf.core.config.Secrets;
import io.aiperf.core.config.ServiceConfig;
import io.aiperf.core.config.TlsConfig;
import io.aiperf.core.config.TokenizerConfig;
import io.aiperf.core.dataset.SequenceDistribution;
import io.aiperf.core.endpoint.TemplatePayload;
import io.aiperf.core.endpoint.TemplateResponseParser;
import io.aiperf.core.error.UsageException;
import io.aiperf.ui.UiMode;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Validates the parsed options and resolves AIPerf's defaults into one immutable {@link BenchmarkConfig}. Every
 * rejection is a {@link UsageException} whose message names the option and the problem.
 */
public final class ProfileConfigResolver {

    private ProfileConfigResolver() {
    }

    /**
     * @param argv        the arguments as typed, for {@code cli_command} (secrets are redacted here)
     * @param stdoutIsTty whether the CLI's stdout is a terminal (decides the default UI)
     * @param cpus        available processors (decides the default worker count)
     * @param mockUrl     the in-process mock server's URL when {@code --mock-server} is set, else null
     */
    public static BenchmarkConfig resolve(EndpointOptions e, InputOptions in, LoadOptions load, OutputOptions out,
                                          List<String> argv, boolean stdoutIsTty, int cpus, String mockUrl) {
        return resolve(e, in, load, out, argv, stdoutIsTty, cpus, mockUrl, System.getenv(),
                AiperfEnvironment.current());
    }

    /**
     * @param env the environment: {@code OPENAI_API_KEY} when {@code --api-key} is absent, and the {@code AIPERF_*}
     *            settings ({@link AiperfEnvironment#of})
     */
    public static BenchmarkConfig resolve(EndpointOptions e, InputOptions in, LoadOptions load, OutputOptions out,
                                          List<String> argv, boolean stdoutIsTty, int cpus, String mockUrl,
                                          Map<String, String> env) {
        return resolve(e, in, load, out, argv, stdoutIsTty, cpus, mockUrl, env, AiperfEnvironment.of(env));
    }

    /**
     * @param env         the environment, for {@code OPENAI_API_KEY} when {@code --api-key} is absent
     * @param environment the {@code AIPERF_*} settings: default worker and record-processor counts, the UI's
     *                    high-load threshold, TLS verification
     */
    public static BenchmarkConfig resolve(EndpointOptions e, InputOptions in, LoadOptions load, OutputOptions out,
                                          List<String> argv, boolean stdoutIsTty, int cpus, String mockUrl,
                                          Map<String, String> env, AiperfEnvironment environment) {
        if (e.modelNames.isEmpty() || e.modelNames.stream().anyMatch(String::isBlank)) {
            throw new UsageException("missing required option: -m/--model-names MODEL");
        }
        EndpointType type;
        try {
            type = EndpointType.fromCli(e.endpointType);
        } catch (IllegalArgumentException ex) {
            throw new UsageException("--endpoint-type: " + ex.getMessage());
        }
        List<String> urls = new ArrayList<>();
        if (mockUrl != null) {
            urls.add(mockUrl);
        } else if (e.urls.isEmpty()) {
            urls.add(UrlNormalizer.normalize("localhost:8000"));
        } else {
            e.urls.forEach(u -> urls.add(UrlNormalizer.normalize(u)));
        }
        if (!(e.requestTimeoutSeconds > 0)) {
            throw new UsageException("--request-timeout-seconds must be greater than 0");
        }
        if (e.customEndpoint != null && !e.customEndpoint.startsWith("/")) {
            e.customEndpoint = "/" + e.customEndpoint;
        }

        int islMean = in.islMean == null ? InputConfig.DEFAULT_ISL_MEAN : atLeast("--synthetic-input-tokens-mean", in.islMean, 1);
        double islStddev = in.islStddev == null ? 0 : in.islStddev;
        nonNegative("--synthetic-input-tokens-stddev", islStddev);
        if (in.oslMean != null) {
            atLeast("--output-tokens-mean", in.oslMean, 1);
        }
        nonNegative("--output-tokens-stddev", in.oslStddev);
        int entries = in.numDatasetEntries == null ? InputConfig.DEFAULT_NUM_DATASET_ENTRIES
                : atLeast("--num-dataset-entries", in.numDatasetEntries, 1);
        TokenizerConfig tokenizer = tokenizer(in);
        InputConfig.Prompts prompts = prompts(in);
        InputConfig.Rankings rankings = PromptShapeResolver.rankings(in, type);

        InputSelection input = InputSelection.resolve(in);
        if (in.numDatasetEntries == null && in.numSessions != null && in.numSessions >= 1
                && (input.isDirectory() || "random_pool".equals(input.datasetType()))) {
            entries = (int) Math.min(in.numSessions, Integer.MAX_VALUE); // AIPerf: also the random_pool's size
        }
        LoadConfigResolver.Resolved resolvedLoad = LoadConfigResolver.resolve(load, in, input, e.streaming);
        LoadConfig loadConfig = resolvedLoad.load();

        ServiceConfig.RemoteWorkers remote = RemoteWorkersResolver.resolve(out);
        int defaultWorkers = environment.defaultWorkers(cpus);
        int workers = out.workersMax == null ? defaultWorkers
                : atLeast("--workers-max", out.workersMax, remote.count() > 0 ? 0 : 1);
        Integer concurrency = loadConfig.profiling().concurrency();
        if (concurrency != null) {
            workers = Math.min(workers, concurrency);
        }
        int recordProcessors = out.recordProcessors == null
                ? environment.defaultRecordProcessors(workers + remote.count())
                : atLeast("--record-processors", out.recordProcessors, 1);

        UiMode uiMode = UiMode.choose(out.uiType, stdoutIsTty, out.extraVerbose ? 2 : out.verbose.length);
        if (uiMode == null) {
            throw new UsageException("--ui-type '" + out.uiType + "': expected dashboard, simple or none");
        }
        String ui = uiMode.optionValue();
        String level = logLevel(out);

        Map<String, Object> extra = KeyValueParser.extraInputs(in.extraInputs);
        Map<String, String> headers = KeyValueParser.headers(in.headers);
        String apiKey = apiKey(e.apiKey, env);
        List<String> secretHeaders = secretHeaders(e.secretHeaders);
        TlsConfig tls = TlsResolver.resolve(e, environment.sslVerify());
        onlyChoice("--url-strategy", e.urlStrategy, "round_robin");
        onlyChoice("--transport", e.transport, "http");
        // AIPerf turns --streaming off (with a warning, printed by the command) for endpoints that cannot stream.
        boolean streaming = e.streaming && type.supportsStreaming();
        EndpointConfig endpoint = new EndpointConfig(e.modelNames, type, streaming, urls, e.customEndpoint,
                e.requestTimeoutSeconds, apiKey, e.useLegacyMaxTokens, e.useServerTokenCount, headers, extra,
                connectionReuse(e.connectionReuseStrategy), secretHeaders, tls,
                modelSelection(e.modelSelectionStrategy), requestContentType(e.requestContentType, type),
                e.downloadVideoContent);
        if (type == EndpointType.TEMPLATE) {
            checkTemplate(endpoint);
        }

        String artifactDir = out.artifactDir != null ? out.artifactDir
                : Path.of("artifacts", runDirName(e.modelNames, type, resolvedLoad.stimulus())).toString();
        String absoluteArtifactDir = Path.of(artifactDir).toAbsolutePath().normalize().toString();

        // A public dataset keeps every conversation that passes its filters unless --num-dataset-entries caps it.
        InputConfig.PublicSource publicSource = input.publicDataset() == null ? null
                : new InputConfig.PublicSource(input.publicDataset().name(), input.publicDataset().localPath(),
                        in.numDatasetEntries, input.publicDataset().hfSubset());
        InputConfig inputConfig = new InputConfig(islMean, islStddev, in.oslMean, in.oslStddev, in.randomSeed,
                entries, input.file() == null ? null : input.file().toString(), input.datasetType(),
                input.samplingStrategy(), input.conversations(), prompts, rankings, publicSource,
                MediaConfigResolver.resolve(in.media, type, input.file() != null),
                in.synthesis.resolve(input.datasetType(), InputSelection.TRACE_TYPES, input.file() != null));
        return new BenchmarkConfig(UUID.randomUUID().toString(), CliCommand.redacted(argv, Secrets.of(endpoint)),
                endpoint,
                inputConfig,
                loadConfig,
                tokenizer,
                ExportOptionsResolver.resolve(out, absoluteArtifactDir),
                new ServiceConfig(workers, ui, level, recordProcessors, environment.workerHighLoadCpuPercent(),
                        ZmqHostResolver.resolve(out.zmqHost), RemoteWorkersResolver.zmqPort(out, remote), remote),
                GoodputResolver.resolve(in.goodput.isEmpty() ? null : String.join(" ", in.goodput), type, streaming)
                        .withWarnings(environment.metricWarnings()));
    }

    /** {@code --request-content-type}; a form only where the endpoint sends one (AIPerf: video_generation). */
    static RequestContentType requestContentType(String value, EndpointType type) {
        RequestContentType contentType;
        try {
            contentType = RequestContentType.fromCli(value);
        } catch (IllegalArgumentException ex) {
            throw new UsageException("--request-content-type: " + ex.getMessage());
        }
        if (contentType == RequestContentType.MULTIPART_FORM_DATA && type != EndpointType.VIDEO_GENERATION) {
            throw new UsageException("--request-content-type multipart/form-data is only supported by the "
                    + "video_generation endpoint, not " + type.cliName());
        }
        return contentType;
    }

    /**
     * AIPerf's run directory name: {@code <model>-openai-<endpoint>-<stimulus>}, the stimulus being e.g.
     * {@code concurrency4}, {@code concurrency4-request_rate20.0}, {@code fixed_schedule} or
     * {@code user_centric-users8-qps2.0}.
     */
    public static String runDirName(List<String> models, EndpointType type, String stimulus) {
        String model = models.get(0).replace('/', '_') + (models.size() > 1 ? "_multi" : "");
        return model + "-openai-" + type.cliName() + "-" + stimulus;
    }

    /**
     * A template endpoint's payload_template and response_field are compiled here once, so a missing or broken
     * template is a usage error before anything starts, not a failure of every request.
     */
    private static void checkTemplate(EndpointConfig endpoint) {
        try {
            TemplatePayload.compile(endpoint);
            TemplateResponseParser.of(endpoint);
        } catch (IllegalArgumentException ex) {
            throw new UsageException(ex.getMessage());
        }
    }

    private static TokenizerConfig tokenizer(InputOptions in) {
        if (in.tokenizer == null) {
            return new TokenizerConfig(null, in.tokenizerRevision, in.tokenizerTrustRemoteCode);
        }
        String name = in.tokenizer.trim();
        if (name.isEmpty()) {
            throw new UsageException("--tokenizer must not be empty");
        }
        if (looksLikePath(name)) {
            Path path = Path.of(name.startsWith("~") ? System.getProperty("user.home") + name.substring(1) : name);
            if (!Files.exists(path)) {
                throw new UsageException("--tokenizer: path does not exist: " + name);
            }
            if (Files.isDirectory(path) && !Files.exists(path.resolve("tokenizer.json"))) {
                throw new UsageException("--tokenizer: folder has no tokenizer.json: " + name);
            }
            return new TokenizerConfig(path.toAbsolutePath().normalize().toString(), in.tokenizerRevision,
                    in.tokenizerTrustRemoteCode);
        }
        return new TokenizerConfig(name, in.tokenizerRevision, in.tokenizerTrustRemoteCode);
    }

    /** A path, not a hub id: absolute, relative with a dot, home-relative, a .json file, or present on disk. */
    static boolean looksLikePath(String name) {
        return name.startsWith("/") || name.startsWith("./") || name.startsWith("../") || name.startsWith("~")
                || name.endsWith(".json") || Files.exists(Path.of(name));
    }

    /**
     * {@code --api-key}, else {@code OPENAI_API_KEY} (as the OpenAI clients of vLLM's and GuideLLM's benchmarks read
     * it). An explicitly empty {@code --api-key ""} (a script's unset variable) means no key, and no fallback either.
     */
    static String apiKey(String option, Map<String, String> env) {
        if (option != null) {
            return option.isBlank() ? null : option.strip();
        }
        String fromEnv = env.get("OPENAI_API_KEY");
        return fromEnv == null || fromEnv.isBlank() ? null : fromEnv.strip();
    }

    private static List<String> secretHeaders(List<String> names) {
        List<String> out = new ArrayList<>();
        for (String name : names) {
            String n = name.trim();
            if (n.isEmpty() || !n.chars().allMatch(c -> c > 32 && c < 127 && "()<>@,;:\\\"/[]?={}".indexOf(c) < 0)) {
                throw new UsageException("--secret-header '" + name + "': not a header name");
            }
            out.add(n);
        }
        return out;
    }

    private static ConnectionReuse connectionReuse(String value) {
        ConnectionReuse strategy = ConnectionReuse.parse(value);
        if (strategy == null) {
            throw new UsageException("--connection-reuse-strategy '" + value
                    + "': expected pooled, never or sticky-user-sessions");
        }
        return strategy;
    }

    /** An AIPerf option with one valid value (AIPerf has one too): any case, '-' for '_'; null when not given. */
    private static void onlyChoice(String option, String value, String only) {
        if (value != null && !value.strip().toLowerCase(Locale.ROOT).replace('-', '_').equals(only)) {
            throw new UsageException(option + " '" + value + "': expected " + only);
        }
    }

    private static ModelSelectionStrategy modelSelection(String value) {
        ModelSelectionStrategy strategy = ModelSelectionStrategy.parse(value);
        if (strategy == null) {
            throw new UsageException("--model-selection-strategy '" + value + "': expected one of "
                    + ModelSelectionStrategy.names());
        }
        return strategy;
    }

    private static String logLevel(OutputOptions out) {
        LogLevel level = LogLevel.parse(out.logLevel); // checked even when -v overrides it
        if (out.extraVerbose || out.verbose.length >= 2) {
            return "TRACE";
        }
        if (out.verbose.length == 1) {
            return "DEBUG";
        }
        return level.logback();
    }

    /** Block size, sequence distribution, prefix pool, batch size and context prompts, checked. */
    static InputConfig.Prompts prompts(InputOptions in) {
        if (in.blockSize != null) {
            atLeast("--prompt-input-tokens-block-size", in.blockSize, 1);
        }
        String seqDist = null;
        if (in.seqDist != null) {
            try {
                SequenceDistribution.parse(in.seqDist);
            } catch (IllegalArgumentException ex) {
                throw new UsageException(ex.getMessage());
            }
            seqDist = in.seqDist;
        }
        atLeast("--prompt-prefix-pool-size", in.prefixPoolSize, 0);
        atLeast("--prompt-prefix-length", in.prefixLength, 0);
        if (in.prefixPoolSize > 0 && in.prefixLength == 0) {
            throw new UsageException("--prompt-prefix-pool-size needs --prompt-prefix-length greater than 0");
        }
        if (in.prefixLength > 0 && in.prefixPoolSize == 0) {
            throw new UsageException("--prompt-prefix-length needs --prompt-prefix-pool-size greater than 0");
        }
        int batchSize = PromptShapeResolver.batchSize(in);
        PromptShapeResolver.checkContextPrompts(in);
        return new InputConfig.Prompts(in.blockSize, seqDist, in.prefixPoolSize, in.prefixLength, batchSize,
                in.sharedSystemPromptLength, in.userContextPromptLength);
    }

    private static int atLeast(String option, int value, int min) {
        return OptionChecks.atLeast(option, value, min);
    }

    private static void nonNegative(String option, double value) {
        OptionChecks.nonNegative(option, value);
    }

    /**
     * Rebuilds the command line for {@code cli_command} with credentials masked: the value after {@code --api-key}
     * (or in {@code --api-key=…}), a secret header's value in every {@code -H}/{@code --header} form ({@code -H
     * 'Name: v'}, {@code -H'Name: v'}, {@code --header=Name:v}, a JSON object, which is masked whole), and then any
     * known secret value wherever else it appears.
     */
    static final class CliCommand {

        private CliCommand() {
        }

        static String redacted(List<String> argv, Secrets secrets) {
            StringBuilder sb = new StringBuilder("aiperf");
            boolean keyNext = false;
            boolean headerNext = false;
            for (String arg : argv) {
                String shown;
                if (keyNext) {
                    shown = Secrets.REDACTED;
                } else if (headerNext) {
                    shown = header("", arg, secrets);
                } else if (arg.startsWith("--api-key=")) {
                    shown = "--api-key=" + Secrets.REDACTED;
                } else if (arg.startsWith("--header=")) {
                    shown = header("--header=", arg.substring("--header=".length()), secrets);
                } else if (arg.startsWith("-H") && arg.length() > 2 && !arg.startsWith("-H=")) {
                    shown = header("-H", arg.substring(2), secrets);
                } else if (arg.startsWith("-H=")) {
                    shown = header("-H=", arg.substring(3), secrets);
                } else {
                    shown = arg;
                }
                keyNext = arg.equals("--api-key");
                headerNext = arg.equals("-H") || arg.equals("--header");
                sb.append(' ').append(quote(secrets.mask(shown)));
            }
            return sb.toString();
        }

        /** {@code prefix} and a header item, its value masked when the header is secret (a JSON item always). */
        private static String header(String prefix, String item, Secrets secrets) {
            if (item.trim().startsWith("{")) {
                return prefix + Secrets.REDACTED;
            }
            int colon = item.indexOf(':');
            if (colon > 0 && secrets.isSecretHeader(item.substring(0, colon))) {
                return prefix + item.substring(0, colon + 1) + Secrets.REDACTED;
            }
            return prefix + item;
        }

        private static String quote(String s) {
            return s.matches("[A-Za-z0-9_./:=,@+-]+") ? s : "'" + s.replace("'", "'\\''") + "'";
        }
    }
}
