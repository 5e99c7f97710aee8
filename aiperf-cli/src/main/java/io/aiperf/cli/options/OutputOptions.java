package io.aiperf.cli.options;

import io.aiperf.core.error.UsageException;
import picocli.CommandLine.Option;

/** AIPerf's "Output", "Workers" and "Service" option groups. */
public final class OutputOptions {

    @Option(names = {"--artifact-dir", "--output-artifact-dir"}, paramLabel = "DIR",
            description = "Directory for the exports (default: artifacts/<model>-openai-<endpoint>-<load>, e.g. "
                    + "...-concurrency4, ...-request_rate20.0, ...-fixed_schedule).")
    public String artifactDir;

    @Option(names = {"--profile-export-prefix", "--profile-export-file"}, paramLabel = "NAME",
            description = "Base name of every export: NAME.json, NAME.csv, NAME.jsonl, NAME_raw.jsonl, "
                    + "NAME_timeslices.json/.csv (a known suffix such as .json and any folder are dropped).")
    public String profileExportPrefix;

    @Option(names = {"--export-level", "--profile-export-level"}, paramLabel = "LEVEL", defaultValue = "records",
            description = "summary (JSON and CSV only), records (plus profile_export.jsonl) or raw (plus "
                    + "profile_export_raw.jsonl with every request and response; secrets redacted) "
                    + "(default: ${DEFAULT-VALUE}).")
    public String exportLevel;

    @Option(names = "--slice-duration", paramLabel = "SECONDS",
            description = "Also export per-time-slice statistics (profile_export_aiperf_timeslices.json/.csv) for "
                    + "slices of this many seconds.")
    public Double sliceDuration;

    @Option(names = "--export-http-trace",
            description = "Write each request's HTTP trace (transport-phase stamps, bytes and reads each way, "
                    + "socket addresses) as trace_data in profile_export.jsonl, and compute the http_req_* metrics.")
    public boolean exportHttpTrace;

    @Option(names = "--show-trace-timing",
            description = "Compute the http_req_* metrics (blocked, connecting, sending, waiting, receiving, ...) "
                    + "and print them in an HTTP trace timing table after the metrics table.")
    public boolean showTraceTiming;

    @Option(names = "--zmq-host", paramLabel = "HOST",
            description = "IPv4 address of the interface the processes' message bus binds on (default: 127.0.0.1). "
                    + "AIPerf uses it to pick TCP over IPC; ours always speaks TCP, so it only picks the interface. "
                    + "Anything but loopback lets other hosts reach the bus, which has no authentication and "
                    + "carries the run's configuration, credentials included, unencrypted (a warning says so).")
    public String zmqHost;

    @Option(names = "--zmq-ipc-path", paramLabel = "DIR",
            description = "Accepted for AIPerf's scripts and has no effect: our bus (JeroMQ) never uses IPC "
                    + "sockets, only TCP on the --zmq-host interface.")
    public String zmqIpcPath;

    @Option(names = "--zmq-port", paramLabel = "PORT",
            description = "Bind the channels workers on other hosts dial to fixed ports: credits on PORT, events on "
                    + "PORT+1, records on PORT+2 (default: 5564 with --remote-workers, else ephemeral ports). "
                    + "A port in use is an error.")
    public Integer zmqPort;

    @Option(names = {"--workers-max", "--max-workers"}, paramLabel = "N",
            description = "Worker processes on this host (default: max(1, min(cpus*0.75 - 1, 32)); never more than "
                    + "--concurrency; 0 with --remote-workers: every worker joins from elsewhere).")
    public Integer workersMax;

    @Option(names = "--remote-workers", paramLabel = "N",
            description = "Wait for N workers started on other hosts (aiperf worker --controller HOST:PORT) to join "
                    + "before the load starts, and print where they connect; they share the load with the local "
                    + "ones (default: 0). Use with --zmq-host set to an interface they reach.")
    public Integer remoteWorkers;

    @Option(names = "--remote-workers-join-timeout", paramLabel = "SECONDS",
            description = "How long the run waits for the --remote-workers to join before it gives up "
                    + "(default: 600).")
    public Double remoteWorkersJoinTimeout;

    @Option(names = "--remote-workers-silence-timeout", paramLabel = "SECONDS",
            description = "A joined worker that sends nothing for this long during the load is lost, like a local "
                    + "worker that died: its requests in flight become WorkerLostError records and the run goes on "
                    + "with the others (default: 10).")
    public Double remoteWorkersSilenceTimeout;

    @Option(names = {"--record-processors", "--record-processor-service-count"}, paramLabel = "N",
            description = "Threads in the controller that compute per-request metrics (tokenizing the outputs) "
                    + "(default: one per 4 workers, at least 1).")
    public Integer recordProcessors;

    @Option(names = {"--ui-type", "--ui"}, paramLabel = "UI",
            description = "dashboard, simple or none (default: dashboard on a terminal, none otherwise).")
    public String uiType;

    @Option(names = "--log-level", paramLabel = "LEVEL", defaultValue = "INFO",
            description = "Log level of logs/aiperf.log: " + LogLevel.HELP + " (default: ${DEFAULT-VALUE}).")
    public String logLevel;

    @Option(names = {"-v", "--verbose"}, description = "Debug logging (-vv: trace).")
    public boolean[] verbose = new boolean[0];

    @Option(names = {"-vv", "--extra-verbose"}, description = "Trace logging.")
    public boolean extraVerbose;

    @Option(names = "--api-port", paramLabel = "PORT",
            description = "Serve the live progress, metrics and workers as JSON on this port while the command runs "
                    + "(GET /health, /api/status, /api/progress, /api/metrics, /api/workers; 0: any free port, "
                    + "printed at start) (default: off).")
    public Integer apiPort;

    @Option(names = "--api-host", paramLabel = "HOST",
            description = "Address the --api-port server listens on; needs --api-port (default: 127.0.0.1, this "
                    + "machine only; 0.0.0.0 exposes it).")
    public String apiHost;

    /** The host the API listens on; null when {@code --api-port} is not given (the API is off). */
    public String apiListenHost() {
        if (apiPort == null) {
            if (apiHost != null) {
                throw new UsageException("--api-host needs --api-port");
            }
            return null;
        }
        if (apiPort < 0 || apiPort > 65535) {
            throw new UsageException("--api-port must be between 0 and 65535 (got " + apiPort + ")");
        }
        return apiHost == null ? "127.0.0.1" : apiHost;
    }
}
