package io.aiperf.mock;

import java.io.PrintStream;
import java.io.UncheckedIOException;

/**
 * The standalone {@code aiperf-mock-server} command. Arguments are parsed by hand: a dozen options do not
 * justify a CLI library, and the module must stay free of anything the client side also uses.
 *
 * <p>Exit codes: 0 after a clean shutdown or {@code --help}, 1 if the server cannot start (port in use),
 * 2 for a usage error. Every error is one line on stderr, never a stack trace.
 */
public final class MockServerMain {

    static final String NAME = "aiperf-mock-server";

    static final String USAGE = """
            Usage: aiperf-mock-server [options]

            An OpenAI-compatible mock inference server for benchmarking AIPerf.

            Options:
              -p, --port N          TCP port to listen on; 0 picks a free port (default 8000)
                  --host HOST       interface to bind (default 127.0.0.1)
              -t, --ttft MS         time to first token in milliseconds (default 20)
                  --itl MS          inter-token latency in milliseconds (default 5)
              -f, --fast            no delays at all: ttft, itl and the latencies below become 0
                  --embedding-base-latency MS       embeddings: fixed part (default 10)
                  --embedding-per-input-latency MS  embeddings: per input (default 2)
                  --ranking-base-latency MS         rankings: fixed part (default 10)
                  --ranking-per-passage-latency MS  rankings: per passage (default 1)
                  --error-rate PCT  answer this percentage of inference requests with HTTP 500 (default 0)
                  --fault NAME:PCT  give this percentage of inference requests an injected fault; repeatable.
                                    NAME: http-500 (= --error-rate), sse-error (stream: half the tokens, then
                                    an `event: error` block), malformed-json (truncated body or data line),
                                    empty-choices (`choices: []`), empty-content (one choice, empty text),
                                    reset (TCP reset: at once, or after half a stream), stall (never
                                    answer). The rates, with --error-rate, add up to at most 100
                  --random-seed N   seed for --error-rate and --fault, for reproducible failures (default: random)
                  --reasoning-tokens N              chat and responses answers start with N reasoning tokens,
                                                    whatever the model (default 0: only models named *qwen* or
                                                    *gpt-oss* reason, with reasoning_effort low/medium/high =
                                                    100/250/500 tokens)
                  --usage-token-offset N            usage reports N more prompt and completion tokens than
                                                    were sent, like a server whose tokenizer disagrees with the
                                                    client's (default 0)
              -h, --help            print this help and exit

            Routes: POST /v1/chat/completions, POST /v1/completions, POST /v1/responses,
                    POST /v1/embeddings, POST /v1/ranking, /rerank, /v2/rerank,
                    POST /generate, /generate_stream, POST /rag/api/prompt, POST /v1/custom-multimodal,
                    GET /v1/models, GET /health, GET|DELETE /mock/requests
            """;

    /** A command line the mock cannot run with; its message is the whole error line. */
    static final class UsageException extends Exception {
        UsageException(String message) {
            super(message, null, false, false);
        }
    }

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
        } catch (UsageException e) {
            err.println(NAME + ": " + e.getMessage());
            return 2;
        }
        if (command.help()) {
            out.print(USAGE);
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

    /** Parses the command line; accepts both {@code --opt value} and {@code --opt=value}. */
    static Command parse(String... args) throws UsageException {
        MockConfig config = MockConfig.defaults();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String name = arg;
            String inlineValue = null;
            int eq = arg.indexOf('=');
            if (arg.startsWith("--") && eq > 0) {
                name = arg.substring(0, eq);
                inlineValue = arg.substring(eq + 1);
            }
            if (name.equals("-h") || name.equals("--help")) {
                return new Command(config, true);
            }
            if (name.equals("-f") || name.equals("--fast")) {
                if (inlineValue != null) {
                    throw new UsageException("option --fast takes no value");
                }
                config = config.withFast(true);
                continue;
            }
            if (!isValueOption(name)) {
                throw new UsageException(arg.startsWith("-")
                        ? "unknown option: " + name + " (see --help)"
                        : "unexpected argument: " + arg + " (see --help)");
            }
            String value;
            if (inlineValue != null) {
                value = inlineValue;
            } else if (i + 1 < args.length) {
                value = args[++i];
            } else {
                throw new UsageException("option " + name + " needs a value");
            }
            config = apply(config, name, value);
        }
        return new Command(config, false);
    }

    private static boolean isValueOption(String name) {
        return switch (name) {
            case "-p", "--port", "--host", "-t", "--ttft", "--itl", "--error-rate", "--random-seed", "--fault",
                    "--embedding-base-latency", "--embedding-per-input-latency", "--ranking-base-latency",
                    "--ranking-per-passage-latency", "--reasoning-tokens", "--usage-token-offset" -> true;
            default -> false;
        };
    }

    private static MockConfig apply(MockConfig config, String name, String value) throws UsageException {
        try {
            return switch (name) {
                case "-p", "--port" -> config.withPort(parseInt(name, value));
                case "--host" -> config.withHost(value);
                case "-t", "--ttft" -> config.withTiming(parseDouble(name, value), config.itlMs());
                case "--itl" -> config.withTiming(config.ttftMs(), parseDouble(name, value));
                case "--error-rate" -> config.withErrorRate(parseDouble(name, value), config.randomSeed());
                case "--random-seed" -> config.withErrorRate(config.errorRatePct(), parseLong(name, value));
                case "--fault" -> applyFault(config, name, value);
                case "--reasoning-tokens" -> config.withReasoningTokens(parseInt(name, value));
                case "--usage-token-offset" -> config.withUsageTokenOffset(parseInt(name, value));
                case "--embedding-base-latency" -> {
                    MockConfig.ItemLatencies l = config.latencies();
                    yield config.withLatencies(new MockConfig.ItemLatencies(parseDouble(name, value),
                            l.embeddingPerInputMs(), l.rankingBaseMs(), l.rankingPerPassageMs()));
                }
                case "--embedding-per-input-latency" -> {
                    MockConfig.ItemLatencies l = config.latencies();
                    yield config.withLatencies(new MockConfig.ItemLatencies(l.embeddingBaseMs(),
                            parseDouble(name, value), l.rankingBaseMs(), l.rankingPerPassageMs()));
                }
                case "--ranking-base-latency" -> {
                    MockConfig.ItemLatencies l = config.latencies();
                    yield config.withLatencies(new MockConfig.ItemLatencies(l.embeddingBaseMs(),
                            l.embeddingPerInputMs(), parseDouble(name, value), l.rankingPerPassageMs()));
                }
                case "--ranking-per-passage-latency" -> {
                    MockConfig.ItemLatencies l = config.latencies();
                    yield config.withLatencies(new MockConfig.ItemLatencies(l.embeddingBaseMs(),
                            l.embeddingPerInputMs(), l.rankingBaseMs(), parseDouble(name, value)));
                }
                default -> throw new IllegalStateException("unhandled option " + name);
            };
        } catch (IllegalArgumentException e) {
            // MockConfig's range checks: report them against the option the user typed.
            throw new UsageException("invalid value for " + name + ": " + value + " (" + e.getMessage() + ")");
        }
    }

    /** {@code --fault NAME:PCT}. */
    private static MockConfig applyFault(MockConfig config, String name, String value) throws UsageException {
        int colon = value.lastIndexOf(':');
        if (colon < 0) {
            throw new UsageException("invalid value for " + name + ": '" + value + "' is not NAME:PCT");
        }
        Fault fault = Fault.byCliName(value.substring(0, colon));
        if (fault == null) {
            throw new UsageException("invalid value for " + name + ": unknown fault '" + value.substring(0, colon)
                    + "' (one of " + Fault.cliNames() + ")");
        }
        return config.withFault(fault, parseDouble(name, value.substring(colon + 1)));
    }

    private static int parseInt(String name, String value) throws UsageException {
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new UsageException("invalid value for " + name + ": '" + value + "' is not an integer");
        }
    }

    private static long parseLong(String name, String value) throws UsageException {
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw new UsageException("invalid value for " + name + ": '" + value + "' is not an integer");
        }
    }

    private static double parseDouble(String name, String value) throws UsageException {
        try {
            return Double.parseDouble(value.trim());
        } catch (NumberFormatException e) {
            throw new UsageException("invalid value for " + name + ": '" + value + "' is not a number");
        }
    }
}
