package io.aiperf.cli;

import io.aiperf.core.config.LogRedaction;
import io.aiperf.core.error.OneLine;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code aiperf} command line as every entry runs it: {@link AiperfMain} for the user's argv, {@link
 * ProfileInvocation} for each point of a sweep. One place, so that a point reports its errors and exit codes
 * exactly as the same {@code aiperf profile} typed by hand would.
 */
public final class AiperfCommandLine {

    private AiperfCommandLine() {
    }

    /** The root command with aiperf's error handlers, writing to {@code out} and {@code err} when given. */
    public static CommandLine create(PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new AiperfMain.AiperfCommand());
        if (out != null) {
            cl.setOut(out);
        }
        if (err != null) {
            cl.setErr(err);
        }
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        ProfileHelpGroups.install(cl);
        cl.setParameterExceptionHandler(AiperfCommandLine::usageError);
        cl.setExecutionExceptionHandler((ex, line, parsed) ->
                printError(line.getErr(), OneLine.of(ex), line, ExitCodes.of(ex)));
        return cl;
    }

    /** The one line picocli's rejection of a command line is reported with (without the "see --help" tail). */
    public static String usageMessage(CommandLine.ParameterException ex) {
        return ex instanceof CommandLine.UnmatchedArgumentException unmatched
                ? unmatchedMessage(unmatched.getUnmatched()) : ex.getMessage();
    }

    private static int usageError(CommandLine.ParameterException ex, String[] args) {
        return printError(ex.getCommandLine().getErr(), usageMessage(ex), ex.getCommandLine(), ExitCodes.USAGE);
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
}
