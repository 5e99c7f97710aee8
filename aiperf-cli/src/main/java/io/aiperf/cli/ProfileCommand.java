package io.aiperf.cli;

import io.aiperf.cli.api.ApiServer;
import io.aiperf.cli.api.LiveRunState;
import io.aiperf.cli.options.AccuracyOptions;
import io.aiperf.cli.options.AccuracyResolver;
import io.aiperf.cli.options.EndpointOptions;
import io.aiperf.cli.options.ExitOptions;
import io.aiperf.cli.options.InputOptions;
import io.aiperf.cli.options.LoadOptions;
import io.aiperf.cli.options.MediaConfigResolver;
import io.aiperf.cli.options.MultiRunOptions;
import io.aiperf.cli.options.OutputOptions;
import io.aiperf.cli.options.ProfileConfigResolver;
import io.aiperf.cli.options.TelemetryOptions;
import io.aiperf.cli.options.TelemetryResolver;
import io.aiperf.cli.plan.Cooldown;
import io.aiperf.cli.plan.ProfilePlan;
import io.aiperf.cli.plan.RunLauncher;
import io.aiperf.cli.plan.SweepAxis;
import io.aiperf.cli.run.ProfileRunner;
import io.aiperf.core.config.AiperfEnvironment;
import io.aiperf.core.config.BenchmarkConfig;
import io.aiperf.core.config.LogRedaction;
import io.aiperf.core.config.Secrets;
import io.aiperf.mock.MockConfig;
import io.aiperf.mock.MockServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.util.List;
import java.util.concurrent.Callable;

/** {@code aiperf profile}: validates the options, then hands the run to {@link ProfileRunner}. */
@Command(name = "profile", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Run a benchmark against an OpenAI-compatible server.")
public final class ProfileCommand implements Callable<Integer> {

    /** AIPerf's seed for every run of a repeated benchmark when {@code --random-seed} is not given. */
    static final long CONSISTENT_SEED = 42;

    @Spec
    CommandSpec spec;

    @Mixin
    EndpointOptions endpoint = new EndpointOptions();
    @Mixin
    InputOptions input = new InputOptions();
    @Mixin
    LoadOptions load = new LoadOptions();
    @Mixin
    OutputOptions output = new OutputOptions();
    @Mixin
    TelemetryOptions telemetry = new TelemetryOptions();
    @Mixin
    MultiRunOptions multiRun = new MultiRunOptions();
    @Mixin
    AccuracyOptions accuracy = new AccuracyOptions();
    @Mixin
    ExitOptions exit = new ExitOptions();

    /** What {@code --api-port} serves; fed by every run, read only when the server is on. */
    private final LiveRunState api = new LiveRunState();

    public EndpointOptions endpointOptions() {
        return endpoint;
    }

    public InputOptions inputOptions() {
        return input;
    }

    public LoadOptions loadOptions() {
        return load;
    }

    public OutputOptions outputOptions() {
        return output;
    }

    public AccuracyOptions accuracyOptions() {
        return accuracy;
    }

    public MultiRunOptions multiRunOptions() {
        return multiRun;
    }

    @Override
    public Integer call() throws Exception {
        List<String> argv = spec.commandLine().getParseResult().originalArgs();
        boolean tty = System.console() != null;
        int cpus = Runtime.getRuntime().availableProcessors();
        Double failOnErrorRatePct = exit.failOnErrorRatePct();
        multiRun.validated();
        SweepAxis axis = SweepAxis.of(load);
        String apiHost = output.apiListenHost();
        if (apiHost == null) {
            return runAll(argv, tty, cpus, axis, failOnErrorRatePct);
        }
        // One server for the whole command: a dashboard polls one address through every run of a plan.
        try (ApiServer server = ApiServer.start(apiHost, output.apiPort, api)) {
            System.out.println("aiperf: API listening on " + server.url());
            System.out.flush();
            return runAll(argv, tty, cpus, axis, failOnErrorRatePct);
        }
    }

    private int runAll(List<String> argv, boolean tty, int cpus, SweepAxis axis, Double failOnErrorRatePct)
            throws Exception {
        if (!endpoint.mockServer) {
            return axis == null && !multiRun.repeats()
                    ? runOnce(argv, tty, cpus, null, failOnErrorRatePct)
                    : runPlan(axis, argv, tty, cpus, null, failOnErrorRatePct);
        }
        // The built-in mock server runs in this JVM; the controller and workers reach it over loopback like any server.
        try (MockServer mock = MockServer.start(MockConfig.defaults().withPort(0))) {
            System.out.println("Built-in mock server listening on " + mock.baseUrl());
            return axis == null && !multiRun.repeats()
                    ? runOnce(argv, tty, cpus, mock.baseUrl(), failOnErrorRatePct)
                    : runPlan(axis, argv, tty, cpus, mock.baseUrl(), failOnErrorRatePct);
        }
    }

    private int runOnce(List<String> argv, boolean tty, int cpus, String mockUrl, Double failOnErrorRatePct)
            throws Exception {
        BenchmarkConfig config = completed(ProfileConfigResolver.resolve(endpoint, input, load, output, argv,
                tty, cpus, mockUrl));
        registerSecretsAndWarn(config);
        return new ProfileRunner(System.out, System.err, tty).withEvents(api).run(config, failOnErrorRatePct);
    }

    /** A sweep, repeated runs or rounds: several complete runs, then their summary ({@link ProfilePlan}). */
    private int runPlan(SweepAxis axis, List<String> argv, boolean tty, int cpus, String mockUrl,
                        Double failOnErrorRatePct) throws Exception {
        if (input.randomSeed == null && (multiRun.rounds > 1 || (multiRun.repeats() && multiRun.setConsistentSeed))) {
            // AIPerf's consistent seed; rounds always need it: a round is only a cache test if it resends the same.
            input.randomSeed = CONSISTENT_SEED;
        }
        boolean[] warned = {false};
        ProfilePlan.LevelConfigs configs = level -> {
            if (axis != null) {
                axis.apply(load, level);
            }
            BenchmarkConfig config = completed(ProfileConfigResolver.resolve(endpoint, input, load, output, argv,
                    tty, cpus, mockUrl));
            if (!warned[0]) {
                warned[0] = true;
                registerSecretsAndWarn(config);
            }
            return config;
        };
        RunLauncher launcher = config -> {
            ProfileRunner runner = new ProfileRunner(System.out, System.err, tty).withEvents(api);
            int code = runner.run(config, failOnErrorRatePct);
            return new RunLauncher.Result(code, runner.failure());
        };
        return new ProfilePlan(axis, multiRun, launcher, new Cooldown(), System.out, System.err)
                .run(configs, output.artifactDir);
    }

    /** The benchmark's options with the groups resolved apart from them: telemetry and accuracy. */
    private BenchmarkConfig completed(BenchmarkConfig config) {
        return withTelemetry(config).withAccuracy(AccuracyResolver.resolve(accuracy, input,
                config.endpoint().type()));
    }

    private BenchmarkConfig withTelemetry(BenchmarkConfig config) {
        return config.withTelemetry(TelemetryResolver.resolve(telemetry, config.endpoint().urls(),
                problem -> System.err.println("aiperf: warning: --gpu-telemetry " + problem),
                AiperfEnvironment.current()));
    }

    /** Registers the run's secrets for this JVM's log lines and prints the warnings the options call for. */
    private void registerSecretsAndWarn(BenchmarkConfig config) {
        // From here on, this JVM's log lines mask the run's credentials (the services register them on receipt).
        LogRedaction.register(Secrets.of(config.endpoint()));
        if (config.endpoint().tls().insecure()) {
            String source = endpoint.sslInsecure ? "--ssl-insecure" : "AIPERF_HTTP_SSL_VERIFY=false";
            System.err.println("aiperf: WARNING: " + source + ": server certificates are NOT verified; anyone on "
                    + "the network path can read and change this run's traffic, credentials included. For testing "
                    + "only.");
        }
        if (!config.service().zmqHost().startsWith("127.")) {
            System.err.println("aiperf: warning: --zmq-host " + config.service().zmqHost() + ": other hosts can "
                    + "reach this run's message bus, which has no authentication and carries the run's "
                    + "configuration (credentials included) unencrypted");
        }
        if (endpoint.streaming && !config.endpoint().streaming()) {
            System.err.println("aiperf: warning: --streaming ignored: endpoint type '"
                    + config.endpoint().type().cliName() + "' does not stream");
        }
        String media = MediaConfigResolver.ignored(input.media, config.endpoint().type(),
                config.input().inputFile() != null);
        if (media != null) {
            System.err.println("aiperf: warning: " + media);
        }
    }
}
