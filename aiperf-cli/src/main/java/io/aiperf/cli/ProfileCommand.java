package io.aiperf.cli;

import io.aiperf.cli.options.EndpointOptions;
import io.aiperf.cli.options.ExitOptions;
import io.aiperf.cli.options.InputOptions;
import io.aiperf.cli.options.LoadOptions;
import io.aiperf.cli.options.MediaConfigResolver;
import io.aiperf.cli.options.OutputOptions;
import io.aiperf.cli.options.ProfileConfigResolver;
import io.aiperf.cli.options.TelemetryOptions;
import io.aiperf.cli.options.TelemetryResolver;
import io.aiperf.cli.run.ProfileRunner;
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
    ExitOptions exit = new ExitOptions();

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

    @Override
    public Integer call() throws Exception {
        List<String> argv = spec.commandLine().getParseResult().originalArgs();
        boolean tty = System.console() != null;
        int cpus = Runtime.getRuntime().availableProcessors();
        Double failOnErrorRatePct = exit.failOnErrorRatePct();
        if (!endpoint.mockServer) {
            BenchmarkConfig config = withTelemetry(ProfileConfigResolver.resolve(endpoint, input, load, output, argv,
                    tty, cpus, null));
            registerSecretsAndWarn(config);
            return new ProfileRunner(System.out, System.err, tty).run(config, failOnErrorRatePct);
        }
        // The built-in mock server runs in this JVM; the controller and workers reach it over loopback like any server.
        try (MockServer mock = MockServer.start(MockConfig.defaults().withPort(0))) {
            BenchmarkConfig config = withTelemetry(ProfileConfigResolver.resolve(endpoint, input, load, output, argv,
                    tty, cpus, mock.baseUrl()));
            registerSecretsAndWarn(config);
            System.out.println("Built-in mock server listening on " + mock.baseUrl());
            return new ProfileRunner(System.out, System.err, tty).run(config, failOnErrorRatePct);
        }
    }

    private BenchmarkConfig withTelemetry(BenchmarkConfig config) {
        return config.withTelemetry(TelemetryResolver.resolve(telemetry, config.endpoint().urls(),
                problem -> System.err.println("aiperf: warning: --gpu-telemetry " + problem)));
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
