package io.aiperf.cli;

import io.aiperf.cli.kube.KubeCommand;
import io.aiperf.cli.sweep.SweepCommand;
import io.aiperf.cli.tools.AnalyzeTraceCommand;
import io.aiperf.cli.tools.ConvertBurstGptCommand;
import io.aiperf.cli.tools.SynthesizeSineCommand;
import io.aiperf.core.config.AiperfEnvironment;
import io.aiperf.core.error.UsageException;
import io.aiperf.core.service.AiperfVersion;
import io.aiperf.core.service.ServiceCommandLine;
import picocli.CommandLine;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;

/**
 * The one entry point of the aiperf jar. {@code aiperf profile …} is the user's command; the hidden
 * {@code aiperf service --type …} starts one service process (system controller, worker or records manager) and
 * is used only by aiperf itself.
 */
public final class AiperfMain {

    private AiperfMain() {
    }

    public static void main(String[] args) {
        // A service JVM reads its own command line: building picocli's model costs 0.15 s of CPU at each service's
        // start, on the path to the first request.
        if (args.length > 0 && ServiceCommandLine.COMMAND.equals(args[0])) {
            System.exit(ServiceMain.run(args));
        }
        int environment = checkEnvironment(System.getenv(), System.err);
        System.exit(environment != 0 ? environment : execute(args));
    }

    /**
     * Reads the {@code AIPERF_*} settings of {@code env} once, at start, as this JVM's ({@link
     * AiperfEnvironment#current}), after one warning per variable this build does not know. A bad value is a usage error naming the variable.
     *
     * @return 0, or the exit code when a value is bad
     */
    static int checkEnvironment(Map<String, String> env, PrintStream err) {
        AiperfEnvironment.unknownNames(env).forEach(name -> err.println(AiperfEnvironment.unknownWarning(name)));
        try {
            AiperfEnvironment.useForThisJvm(AiperfEnvironment.of(env));
            return 0;
        } catch (UsageException e) {
            err.println("aiperf: error: " + e.getMessage());
            return ExitCodes.USAGE;
        }
    }

    static int execute(String[] args) {
        return execute(args, null, null);
    }

    /**
     * Runs one command line as {@code main} does, writing to {@code out} and {@code err} when given (tests use this
     * to capture what the user would see); returns the exit code.
     */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        return AiperfCommandLine.create(out, err).execute(args);
    }

    @CommandLine.Command(name = "aiperf", mixinStandardHelpOptions = true, versionProvider = Version.class,
            description = "Benchmark LLM inference servers (AIPerf for the JVM).",
            subcommands = {ProfileCommand.class, SweepCommand.class, SummarizeCommand.class, CompareCommand.class,
                PlotCommand.class, PluginsCommand.class, AnalyzeTraceCommand.class, SynthesizeSineCommand.class,
                ConvertBurstGptCommand.class, WorkerCommand.class, KubeCommand.class})
    static final class AiperfCommand implements Runnable {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @CommandLine.Option(names = "--install-completion",
                description = "Write a shell completion script for aiperf (default file: "
                        + "~/.local/share/bash-completion/completions/aiperf) and say how to enable it.")
        boolean installCompletion;

        @CommandLine.Option(names = "--shell", paramLabel = "SHELL", defaultValue = "bash",
                description = "With --install-completion: bash or zsh (default: ${DEFAULT-VALUE}).")
        CompletionInstaller.Shell shell;

        @CommandLine.Option(names = {"-o", "--output"}, paramLabel = "FILE",
                description = "With --install-completion: the file to write instead.")
        Path output;

        @Override
        public void run() {
            if (installCompletion) {
                spec.commandLine().getOut().println(CompletionInstaller.install(spec.commandLine(), shell, output,
                        System.getenv()));
                spec.commandLine().getOut().flush();
                return;
            }
            if (output != null) {
                throw new CommandLine.ParameterException(spec.commandLine(), "-o goes with --install-completion");
            }
            throw new CommandLine.ParameterException(spec.commandLine(), "missing command (try 'aiperf profile')");
        }
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"aiperf-jvm " + AiperfVersion.VERSION};
        }
    }
}
