package io.aiperf.cli;

import io.aiperf.cli.options.ProfileConfigResolver;
import io.aiperf.core.config.BenchmarkConfig;
import io.aiperf.core.error.UsageException;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * One {@code aiperf profile} run inside this JVM, for {@code aiperf sweep}: {@link #check} validates a point's
 * arguments without running anything, {@link #run} runs them exactly as {@code aiperf profile …} typed by hand.
 */
public final class ProfileInvocation {

    /**
     * Stands in for the built-in mock's URL while checking: the mock starts only when the point runs, and the
     * checks never connect.
     */
    private static final String MOCK_URL_WHILE_CHECKING = "http://127.0.0.1:1";

    private ProfileInvocation() {
    }

    /**
     * Parses {@code profileArgs} as {@code aiperf profile} does and resolves them into the run's configuration,
     * every usage check included; nothing starts.
     *
     * @return the configuration; its {@code cliCommand} is the command line with the credentials masked
     * @throws UsageException the one line {@code aiperf profile} would have printed (without the "--help" tail)
     */
    public static BenchmarkConfig check(List<String> profileArgs) {
        List<String> argv = withCommand(profileArgs);
        CommandLine root = AiperfCommandLine.create(null, null);
        CommandLine.ParseResult parsed;
        try {
            parsed = root.parseArgs(argv.toArray(String[]::new));
        } catch (CommandLine.ParameterException ex) {
            throw new UsageException(AiperfCommandLine.usageMessage(ex));
        }
        ProfileCommand profile = parsed.subcommand().commandSpec().commandLine().getCommand();
        return ProfileConfigResolver.resolve(profile.endpoint, profile.input, profile.load, profile.output, argv,
                false, Runtime.getRuntime().availableProcessors(),
                profile.endpoint.mockServer ? MOCK_URL_WHILE_CHECKING : null);
    }

    /** Runs {@code aiperf profile profileArgs…}, writing to {@code out}/{@code err} when given; its exit code. */
    public static int run(List<String> profileArgs, PrintWriter out, PrintWriter err) {
        return AiperfCommandLine.create(out, err).execute(withCommand(profileArgs).toArray(String[]::new));
    }

    private static List<String> withCommand(List<String> profileArgs) {
        List<String> argv = new ArrayList<>(profileArgs.size() + 1);
        argv.add("profile");
        argv.addAll(profileArgs);
        return argv;
    }
}
