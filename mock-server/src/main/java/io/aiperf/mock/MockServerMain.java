package io.aiperf.mock;

import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

import java.io.PrintStream;
import java.io.UncheckedIOException;

/**
 * The standalone {@code aiperf-mock-server} command. The options ({@link MockServerOptions}) are parsed by picocli:
 * a well-kept CLI library beats a parser of our own, and a command-line library is not protocol code, so the module
 * still shares nothing with the client that could hide a protocol bug.
 *
 * <p>Exit codes: 0 after a clean shutdown or {@code --help}, 1 if the server cannot start (port in use),
 * 2 for a usage error. Every error is one line on stderr, never a stack trace.
 */
public final class MockServerMain {

    static final String NAME = "aiperf-mock-server";

    /** What the command line asks for: run a server with {@code config}, or just print help. */
    record Command(MockConfig config, boolean help) {
    }

    private MockServerMain() {
    }

    public static void main(String[] args) {
        int exitCode = run(args, System.out, System.err);
        if (exitCode != 0) {
            System.exit(exitCode);
        }
    }

    /** Runs the command; on success blocks until the JVM is asked to stop. Returns the exit code. */
    static int run(String[] args, PrintStream out, PrintStream err) {
        Command command;
        try {
            command = parse(args);
        } catch (ParameterException e) {
            err.println(NAME + ": " + usageError(e));
            return 2;
        }
        if (command.help()) {
            out.print(usage());
            return 0;
        }
        MockConfig config = command.config();
        MockServer server;
        try {
            server = MockServer.start(config);
        } catch (UncheckedIOException e) {
            err.println(NAME + ": " + e.getMessage());
            return 1;
        } catch (RuntimeException e) {
            err.println(NAME + ": cannot listen on " + config.host() + ":" + config.port() + ": " + e);
            return 1;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, NAME + "-shutdown"));
        out.println(NAME + " listening on http://" + MockServer.urlHost(config.host()) + ":" + server.port());
        out.flush();
        try {
            server.awaitClose();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            server.close();
        }
        return 0;
    }

    /**
     * Parses the command line ({@code --opt value} and {@code --opt=value} alike; a repeated option overrides the
     * earlier one, except that each {@code --fault} sets the rate of its own fault).
     */
    static Command parse(String... args) {
        MockServerOptions options = new MockServerOptions();
        boolean help = commandLine(options).parseArgs(args).isUsageHelpRequested();
        return new Command(options.config(), help);
    }

    /** The {@code --help} text. */
    static String usage() {
        return commandLine(new MockServerOptions()).getUsageMessage();
    }

    private static CommandLine commandLine(MockServerOptions options) {
        CommandLine cl = new CommandLine(options);
        cl.setOverwrittenOptionsAllowed(true);
        // An argument starting with @ is not a file of more arguments here: nothing launches the mock that way.
        cl.setExpandAtFiles(false);
        cl.getCommandSpec().usageMessage().longOptionsMaxWidth(34);
        return cl;
    }

    /** picocli's message, on one line; an unknown option or stray argument also points to {@code --help}. */
    private static String usageError(ParameterException e) {
        String message = e.getMessage().lines().findFirst().orElse("");
        return e instanceof UnmatchedArgumentException ? message + " (see --help)" : message;
    }
}
