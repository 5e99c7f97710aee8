package io.aiperf.cli.run;

import io.aiperf.cli.ExitCodes;
import io.aiperf.cli.SignalSupport;
import io.aiperf.cli.api.LiveRunState;
import io.aiperf.core.bus.Channel;
import io.aiperf.core.bus.ServiceEndpoints;
import io.aiperf.core.bus.ZmqBus;
import io.aiperf.core.config.BenchmarkConfig;
import io.aiperf.core.config.LogRedaction;
import io.aiperf.core.message.Message;
import io.aiperf.core.message.Message.CancelRun;
import io.aiperf.core.message.Message.ControllerReady;
import io.aiperf.core.message.Message.RunFinished;
import io.aiperf.core.message.Message.RunNotice;
import io.aiperf.core.message.Message.StartRun;
import io.aiperf.core.message.MessageCodec;
import io.aiperf.core.service.ClassDataArchives;
import io.aiperf.core.service.ClassDataArchives.ArchiveUse;
import io.aiperf.core.service.JvmLauncher;
import io.aiperf.core.service.ServiceCommandLine;
import io.aiperf.core.service.ServiceType;
import io.aiperf.ui.LiveUi;
import io.aiperf.ui.RunHeader;
import io.aiperf.ui.UiMode;
import org.zeromq.ZMQ;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The CLI side of a run. It owns the terminal and the exit code: it starts the system-controller JVM, sends it the
 * run, prints progress and the final report, and turns Ctrl-C / SIGTERM into a clean cancel that still writes every
 * export. If this JVM dies, the controller's stdin pipe closes and it exits too (see {@code ParentWatch}).
 */
public final class ProfileRunner {

    private static final long CONTROLLER_START_TIMEOUT_NS = TimeUnit.SECONDS.toNanos(60);
    private static final long CANCEL_WAIT_MS = 30_000;

    private final PrintStream out;
    private final PrintStream err;
    private final boolean tty;

    private volatile boolean cancelRequested;
    /** SIGINTs and SIGTERMs so far: the first asks for a clean cancel, the second aborts. */
    private volatile int interrupts;
    /** The cancel came from SIGTERM (exit 143) rather than Ctrl-C (130). */
    private volatile boolean terminated;
    private final CountDownLatch finished = new CountDownLatch(1);
    private Double failOnErrorRatePct;
    /** The live UI while the run goes on; set before the signal handlers can need it. */
    private volatile LiveUi ui;
    /** Why the run failed, in one line, or null: a repeated benchmark lists it beside the run. */
    private String failure;
    /** Also gets every published event ({@code --api-port}), or null. */
    private LiveRunState apiState;

    public ProfileRunner(PrintStream out, PrintStream err, boolean tty) {
        this.out = out;
        this.err = err;
        this.tty = tty;
    }

    public int run(BenchmarkConfig config) throws IOException {
        return run(config, null);
    }

    /** Hands {@code state} the run's start, every event the live UI gets, and the exit status. */
    public ProfileRunner withEvents(LiveRunState state) {
        this.apiState = state;
        return this;
    }

    /** Why the last {@link #run} failed, one line without the {@code aiperf: error:} prefix; null when it did not. */
    public String failure() {
        return failure;
    }

    /**
     * Runs the benchmark; returns the exit status ({@link ExitCodes}).
     *
     * @param failOnErrorRatePct {@code --fail-on-error-rate}, or null
     */
    public int run(BenchmarkConfig config, Double failOnErrorRatePct) throws IOException {
        if (apiState == null) {
            return runOnce(config, failOnErrorRatePct);
        }
        apiState.runStarted(config);
        int code = ExitCodes.FAILED;
        try {
            code = runOnce(config, failOnErrorRatePct);
            return code;
        } finally {
            apiState.runFinished(code);
        }
    }

    private int runOnce(BenchmarkConfig config, Double failOnErrorRatePct) throws IOException {
        this.failOnErrorRatePct = failOnErrorRatePct;
        for (String url : config.endpoint().urls()) {
            String problem = ReachabilityProbe.check(url);
            if (problem != null) {
                failure = problem;
                err.println("aiperf: error: " + problem);
                return ExitCodes.FAILED;
            }
        }
        Path artifactDir = Path.of(config.output().artifactDir());
        Path logFile = artifactDir.resolve("logs").resolve("aiperf.log");
        try {
            Files.createDirectories(logFile.getParent());
            Files.writeString(logFile, "");
        } catch (IOException e) {
            // Before the controller starts: not one request goes out to a run whose results could not be kept.
            failure = "cannot write to artifact directory " + artifactDir + ": " + reason(e);
            err.println("aiperf: error: " + failure);
            return ExitCodes.FAILED;
        }

        try (ZmqBus bus = new ZmqBus(config.service().zmqHost())) {
            ZMQ.Socket inbox = bus.bind(Channel.CLI_INBOX);
            ClassDataArchives archives = ClassDataArchives.forThisJvm();
            ArchiveUse archive = archives == null ? ArchiveUse.NONE
                    : archives.forLaunch(ServiceType.SYSTEM_CONTROLLER, true);
            // The controller starts the workers and the records manager at once, before the run's configuration.
            ServiceCommandLine service = new ServiceCommandLine(ServiceType.SYSTEM_CONTROLLER, "system-controller",
                    logFile, ServiceEndpoints.of(Channel.CLI_INBOX, ZmqBus.endpointOf(inbox)),
                    config.service().workers(), config.service().zmqPort());
            Process controller = JvmLauncher.start(service, config.service().logLevel(), archive);
            ui = LiveUi.start(UiMode.parse(config.service().uiType()), RunHeader.of(config, logFile), out, err, tty,
                    () -> cancel(controller, false));
            installSignalHandlers(controller);
            try {
                RunFinished f = converse(bus, inbox, controller, config, logFile);
                ui.close();
                return f == null ? ExitCodes.FAILED : report(f);
            } finally {
                ui.close();
                finished.countDown();
                // The controller waits for its services first; any of them may be writing its class-data archive.
                boolean recording = archives != null && !archives.allPresent();
                long recordingMs = TimeUnit.NANOSECONDS.toMillis(ClassDataArchives.RECORDING_EXIT_NS);
                long waitMs = 10_000 + (recording ? 2 * recordingMs : 0);
                archive.afterExit(awaitOrKill(controller, waitMs));
            }
        }
    }

    /** @return how the run finished, or null when it failed (the reason is already on the UI's error lines) */
    private RunFinished converse(ZmqBus bus, ZMQ.Socket inbox, Process controller, BenchmarkConfig config,
                                 Path logFile) {
        ZMQ.Socket control = null;
        ZMQ.Socket events = null;
        boolean cancelSent = false;
        long startNs = System.nanoTime();
        // Encoded while the controller's JVM boots (the first encoding of a configuration takes ~0.1 s), so it goes
        // out the moment the controller is ready.
        byte[] startRun = MessageCodec.encode(new StartRun(config));
        while (true) {
            if (cancelRequested && control != null && !cancelSent) {
                ZmqBus.send(control, new CancelRun("interrupted by the user"));
                cancelSent = true;
                ui.error("aiperf: cancelling: finishing in-flight requests and writing exports "
                        + "(press Ctrl-C again to abort)");
            }
            showProgress(events, ui);
            Message m = ZmqBus.receive(inbox, 100);
            if (m == null) {
                if (!controller.isAlive()) {
                    // A last message may have been sent just before the exit.
                    m = ZmqBus.receive(inbox, 200);
                    if (m == null) {
                        failure = "the system controller exited unexpectedly (exit code " + controller.exitValue()
                                + "); see " + logFile;
                        ui.error("aiperf: error: " + failure);
                        return null;
                    }
                } else if (control == null && System.nanoTime() - startNs > CONTROLLER_START_TIMEOUT_NS) {
                    failure = "the system controller did not start within 60 s; see " + logFile;
                    ui.error("aiperf: error: " + failure);
                    return null;
                } else {
                    continue;
                }
            }
            if (m instanceof ControllerReady ready) {
                control = bus.connect(Channel.CONTROL, ready.controlEndpoint());
                // Progress is published; a line missed while the subscription settles is harmless.
                events = bus.connect(Channel.EVENTS, ready.eventsEndpoint());
                control.send(startRun, 0);
            } else if (m instanceof RunNotice n) {
                if ("ERROR".equals(n.level()) || "WARN".equals(n.level())) {
                    ui.error("aiperf: " + ("ERROR".equals(n.level()) ? "error: " : "warning: ") + n.text());
                } else {
                    ui.info(n.text());
                }
            } else if (m instanceof RunFinished f) {
                showProgress(events, ui);
                return f;
            }
        }
    }

    /** Hands every published event to the UI, which shows the kinds it knows, and to the API when it is on. */
    private void showProgress(ZMQ.Socket subscription, LiveUi ui) {
        if (subscription == null) {
            return;
        }
        Message e;
        while ((e = ZmqBus.poll(subscription)) != null) {
            ui.accept(e);
            if (apiState != null) {
                apiState.accept(e);
            }
        }
    }

    private int report(RunFinished f) {
        if (f.report() != null) {
            out.println();
            out.print(f.report());
        }
        for (String line : f.exportLines()) {
            out.println(line);
        }
        out.flush();
        ExitCodes.Exit exit = ExitCodes.of(f, failOnErrorRatePct, terminated);
        if (exit.message() != null) {
            failure = LogRedaction.mask(exit.message());
            err.println("aiperf: error: " + failure);
        }
        return exit.code();
    }

    private void installSignalHandlers(Process controller) {
        // SIGTERM (kill, a job scheduler, docker stop) is asked for the same clean cancel as Ctrl-C: in-flight
        // requests end, every export is written, then the exit status says which signal it was (143, not 130).
        SignalSupport.onInterrupt(() -> cancel(controller, false));
        SignalSupport.onTerminate(() -> cancel(controller, true));
        // SIGHUP (the terminal went away) still takes the JVM's default way out: the shutdown hooks. Give the same
        // clean cancel time to write the exports before the JVM goes.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            if (finished.getCount() == 0) {
                return;
            }
            cancelRequested = true;
            try {
                finished.await(CANCEL_WAIT_MS, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            controller.descendants().forEach(ProcessHandle::destroyForcibly);
            controller.destroyForcibly();
        }, "aiperf-hangup"));
    }

    /** The first signal asks for a clean cancel; a second one aborts at once. Runs on the JVM's signal thread. */
    private void cancel(Process controller, boolean bySigterm) {
        interrupts++;
        if (interrupts == 1) {
            terminated = bySigterm;
        }
        cancelRequested = true;
        if (interrupts >= 2) {
            LiveUi shown = ui;
            if (shown != null) {
                shown.restoreTerminal(); // halt runs no finally: give the terminal back first
            }
            err.println("aiperf: aborted; exports may be incomplete");
            controller.descendants().forEach(ProcessHandle::destroyForcibly);
            controller.destroyForcibly();
            Runtime.getRuntime().halt(terminated ? ExitCodes.TERMINATED : ExitCodes.INTERRUPTED);
        }
    }

    /** Why a path could not be written, without repeating the path where the reason alone says it. */
    private static String reason(IOException e) {
        if (e instanceof FileAlreadyExistsException f) {
            return f.getFile() + " exists and is not a directory";
        }
        if (e instanceof AccessDeniedException f) {
            return "permission denied (" + f.getFile() + ")";
        }
        if (e instanceof FileSystemException f && f.getReason() != null) {
            return f.getReason() + (f.getFile() == null ? "" : " (" + f.getFile() + ")");
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    /** @return the controller's exit code, or -1 when it had to be killed */
    private static int awaitOrKill(Process controller, long timeoutMs) {
        try {
            if (controller.waitFor(timeoutMs, TimeUnit.MILLISECONDS)) {
                return controller.exitValue();
            }
            controller.descendants().forEach(ProcessHandle::destroyForcibly);
            controller.destroyForcibly();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            controller.destroyForcibly();
        }
        return -1;
    }
}
