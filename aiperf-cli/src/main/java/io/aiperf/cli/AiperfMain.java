package io.aiperf.cli;

import io.aiperf.cli.tools.AnalyzeTraceCommand;
import io.aiperf.cli.tools.ConvertBurstGptCommand;
import io.aiperf.cli.tools.SynthesizeSineCommand;
import io.aiperf.core.config.LogRedaction;
import io.aiperf.core.error.OneLine;
import io.aiperf.core.service.AiperfVersion;
import io.aiperf.core.service.ServiceCommandLine;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

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
        System.exit(execute(args));
    }

    static int execute(String[] args) {
        return execute(args, null, null);
    }

    /**
     * Runs one command line as {@code main} does, writing to {@code out} and {@code err} when given (tests use this
     * to capture what the user would see); returns the exit code.
     */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new AiperfCommand());
        if (out != null) {
            cl.setOut(out);
        }
        if (err != null) {
            cl.setErr(err);
        }
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setParameterExceptionHandler(AiperfMain::usageError);
        cl.setExecutionExceptionHandler((ex, line, parsed) ->
                printError(line.getErr(), OneLine.of(ex), line, ExitCodes.of(ex)));
        return cl.execute(args);
    }

    private static int usageError(CommandLine.ParameterException ex, String[] args) {
        String message = ex instanceof CommandLine.UnmatchedArgumentException unmatched
                ? unmatchedMessage(unmatched.getUnmatched()) : ex.getMessage();
        return printError(ex.getCommandLine().getErr(), message, ex.getCommandLine(), ExitCodes.USAGE);
    }

    /**
     * picocli's "Unknown options: '--api-kee', 'sk-…'" would echo the value of a mistyped secret option: only the
     * unknown option names are shown (without any {@code =value}).
     */
    static String unmatchedMessage(List<String> unmatched) {
        List<String> options = new ArrayList<>();
        for (String arg : unmatched) {
            if (arg.startsWith("-")) {
                int equals = arg.indexOf('=');
                options.add("'" + (equals > 0 ? arg.substring(0, equals) : arg) + "'");
            }
        }
        String hidden = options.size() < unmatched.size() ? " (values not shown: they may hold credentials)" : "";
        if (options.isEmpty()) {
            return "unexpected argument" + (unmatched.size() > 1 ? "s" : "") + hidden;
        }
        return "Unknown option" + (options.size() > 1 ? "s" : "") + ": " + String.join(", ", options) + hidden;
    }

    private static int printError(PrintWriter err, String message, CommandLine line, int code) {
        String command = line.getCommandSpec().qualifiedName();
        // Masked with the run's secrets once they are known (a service's failure could quote one).
        err.println("aiperf: error: " + LogRedaction.mask(message) + (code == ExitCodes.USAGE ? " (see '" + command + " --help')" : ""));
        err.flush();
        return code;
    }


    @CommandLine.Command(name = "aiperf", mixinStandardHelpOptions = true, versionProvider = Version.class,
            description = "Benchmark LLM inference servers (AIPerf for the JVM).",
            subcommands = {ProfileCommand.class, SummarizeCommand.class, PlotCommand.class, AnalyzeTraceCommand.class,
                SynthesizeSineCommand.class, ConvertBurstGptCommand.class})
    static final class AiperfCommand implements Runnable {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public void run() {
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
