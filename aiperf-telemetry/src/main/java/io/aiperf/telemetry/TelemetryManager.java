package io.aiperf.telemetry;

import io.aiperf.core.bus.Channel;
import io.aiperf.core.bus.ServiceEndpoints;
import io.aiperf.core.bus.ZmqBus;
import io.aiperf.core.config.BenchmarkConfig;
import io.aiperf.core.config.TelemetryConfig;
import io.aiperf.core.error.OneLine;
import io.aiperf.core.message.Message;
import io.aiperf.core.message.Message.ConfigureTelemetry;
import io.aiperf.core.message.Message.FinishTelemetry;
import io.aiperf.core.message.Message.GpuLive;
import io.aiperf.core.message.Message.Heartbeat;
import io.aiperf.core.message.Message.ProfileStart;
import io.aiperf.core.message.Message.RunNotice;
import io.aiperf.core.message.Message.Shutdown;
import io.aiperf.core.message.Message.TelemetryReady;
import io.aiperf.core.message.Message.TelemetryRegistered;
import io.aiperf.core.message.Message.TelemetryResult;
import io.aiperf.core.model.CreditPhase;
import io.aiperf.core.model.GpuTelemetry;
import io.aiperf.core.model.NamedMetricChange;
import io.aiperf.core.service.ParentWatch;
import io.aiperf.core.service.Service;
import io.aiperf.telemetry.gpu.GpuSummarizer;
import io.aiperf.telemetry.server.NamedMetrics;
import io.aiperf.telemetry.server.ServerMetricsExport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zeromq.ZMQ;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The telemetry-manager process ({@code aiperf service --type telemetry_manager}): scrapes the GPUs' DCGM exporters
 * and the server's Prometheus endpoints beside the run, in a JVM of its own, so nothing of it touches the request
 * path. Its bus thread (the one calling {@link #run}) owns the events SUB and the control PUSH; the
 * {@link ScrapeLoop} thread scrapes.
 *
 * <p>Life: register once a heartbeat came through; on {@code ConfigureTelemetry} start scraping and, after the first
 * round (every endpoint tried once: the counters' values before profiling), answer ready; pass the scrape thread's
 * notices on, and with {@code --gpu-telemetry dashboard} its live GPU statistics (at most once a second; they start
 * again when the controller's {@code ProfileStart} of the profiling phase comes by); on {@code FinishTelemetry} stop scraping, summarise the profiling window, write the exports and answer
 * with the result; exit on {@code Shutdown} or when the controller's pipe closes.
 */
public final class TelemetryManager implements Service {

    private static final Logger log = LoggerFactory.getLogger(TelemetryManager.class);

    /** The first round waits at most one scrape timeout and a little. */
    private static final long FIRST_ROUND_MS = 3_000;

    private final String id;
    private final ServiceEndpoints endpoints;

    public TelemetryManager(String id, ServiceEndpoints endpoints) {
        this.id = id;
        this.endpoints = endpoints;
    }

    @Override
    public int run() throws InterruptedException {
        ParentWatch.start(System.in, () -> Runtime.getRuntime().halt(1));
        ScrapeLoop loop = null;
        BenchmarkConfig config = null;
        try (ZmqBus bus = new ZmqBus()) {
            ZMQ.Socket events = bus.connect(Channel.EVENTS, endpoints.get(Channel.EVENTS));
            ZMQ.Socket control = bus.connect(Channel.CONTROL, endpoints.get(Channel.CONTROL));
            boolean registered = false;
            while (true) {
                Message event = ZmqBus.receive(events, 100);
                if (event instanceof Heartbeat && !registered) {
                    ZmqBus.send(control, new TelemetryRegistered(id, ProcessHandle.current().pid()));
                    registered = true;
                } else if (event instanceof ConfigureTelemetry c && loop == null) {
                    config = c.config();
                    loop = new ScrapeLoop(config.telemetry(), TelemetryFiles.of(config.output()).gpuJsonl());
                    loop.start();
                    loop.awaitFirstRound(FIRST_ROUND_MS);
                    ZmqBus.send(control, new TelemetryReady(id, loop.answeredGpu(), loop.answeredServer()));
                } else if (event instanceof ProfileStart p && p.phase() == CreditPhase.PROFILING && loop != null) {
                    // The controller's own stamp arrives only with FinishTelemetry; this is within a bus hop of it.
                    loop.profilingStarted(System.currentTimeMillis() * 1_000_000L);
                } else if (event instanceof FinishTelemetry f && loop != null) {
                    ZmqBus.send(control, finish(loop, config, f));
                } else if (event instanceof Shutdown s) {
                    log.info("{} shutting down: {}", id, s.reason());
                    return 0;
                }
                if (loop != null) {
                    String notice;
                    while ((notice = loop.pollNotice()) != null) {
                        log.warn("{}", notice);
                        ZmqBus.send(control, new RunNotice("WARN", notice));
                    }
                    GpuLive live = loop.takeGpuLive();
                    if (live != null) {
                        ZmqBus.send(control, live);
                    }
                }
            }
        } catch (RuntimeException e) {
            log.error("{} failed", id, e);
            return 1;
        } finally {
            if (loop != null) {
                loop.stop(1_000);
                loop.close();
            }
        }
    }

    private TelemetryResult finish(ScrapeLoop loop, BenchmarkConfig config, FinishTelemetry f)
            throws InterruptedException {
        loop.stop(5_000);
        // Counters are read up to a scrape after the window: the last requests' tokens and joules are counted.
        long countersEndNs = Math.max(f.profilingEndEpochNs(), loop.finalRound());
        loop.close();
        TelemetryConfig t = config.telemetry();
        List<String> exportLines = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        GpuTelemetry gpu = null;
        if (t.gpu().enabled() && !loop.answeredGpu().isEmpty()) {
            gpu = GpuSummarizer.summarize(loop.gpus, loop.configuredGpu(), f.profilingStartEpochNs(),
                    f.profilingEndEpochNs(), countersEndNs, List.of());
        }
        if (loop.gpuJsonl() != null) {
            exportLines.add("GPU Telemetry Export: " + loop.gpuJsonl().toAbsolutePath());
        }
        if (t.serverMetrics().enabled() && !loop.answeredServer().isEmpty()) {
            TelemetryFiles files = TelemetryFiles.of(config.output());
            try {
                for (Path p : ServerMetricsExport.write(loop.server, loop.configuredServer(), loop.answeredServer(),
                        f.profilingStartEpochNs(), f.profilingEndEpochNs(), countersEndNs, files.serverJson(),
                        files.serverCsv(), files.serverJsonl(), t.serverMetrics().formats())) {
                    exportLines.add("Server Metrics Export: " + p.toAbsolutePath());
                }
            } catch (java.io.IOException | RuntimeException e) {
                warnings.add("server metrics not exported: " + OneLine.of(e));
            }
        }
        List<NamedMetricChange> named = NamedMetrics.changes(loop.server, t.prometheusMetrics(),
                f.profilingStartEpochNs(), countersEndNs);
        return new TelemetryResult(gpu, named, exportLines, warnings);
    }
}
