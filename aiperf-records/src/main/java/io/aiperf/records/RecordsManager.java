package io.aiperf.records;

import io.aiperf.core.bus.Channel;
import io.aiperf.core.bus.PortTakenException;
import io.aiperf.core.bus.ServiceEndpoints;
import io.aiperf.core.bus.ZmqBus;
import io.aiperf.core.config.LogRedaction;
import io.aiperf.core.config.Secrets;
import io.aiperf.core.error.OneLine;
import io.aiperf.core.message.Message;
import io.aiperf.core.message.Message.ConfigureRecords;
import io.aiperf.core.message.Message.FinishRecords;
import io.aiperf.core.message.Message.Heartbeat;
import io.aiperf.core.message.Message.LiveMetrics;
import io.aiperf.core.message.Message.ProfileStart;
import io.aiperf.core.message.Message.RecordsManagerRegistered;
import io.aiperf.core.message.Message.RecordsProgress;
import io.aiperf.core.message.Message.RecordsReady;
import io.aiperf.core.message.Message.RecordsResult;
import io.aiperf.core.message.Message.ServiceFailed;
import io.aiperf.core.message.Message.Shutdown;
import io.aiperf.core.message.Message.WorkerLost;
import io.aiperf.core.message.MessageCodec;
import io.aiperf.core.service.ParentWatch;
import io.aiperf.core.service.Service;
import io.aiperf.core.tokenizer.TokenizerLoader;
import io.aiperf.records.pipeline.RecordCollector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zeromq.ZMQ;

import java.util.concurrent.TimeUnit;

/**
 * The records-manager process ({@code aiperf service --type records_manager}): every worker pushes its records here,
 * and this process alone turns them into metrics and writes every export, so record processing and its garbage
 * never share a JVM with the pacer. Its bus thread (the one calling {@link #run}) owns the events SUB and the
 * control PUSH; the records PULL it binds is handed to the {@link RecordCollector}'s reader thread once profiling
 * starts.
 *
 * <p>Life: register with the records address once a heartbeat came through; on {@code ConfigureRecords} load the
 * tokenizer the controller resolved and check the metrics, answer ready; open the exports at the first
 * {@code ProfileStart}; report progress a few times a second and pass on the live statistics the sink thread leaves (at most once a
 * second, see {@code LiveSnapshots}); on {@code FinishRecords} collect the rest, write every
 * export and answer with the result; exit on {@code Shutdown}.
 */
public final class RecordsManager implements Service {

    private static final Logger log = LoggerFactory.getLogger(RecordsManager.class);

    private static final long PROGRESS_NS = TimeUnit.MILLISECONDS.toNanos(250);
    /** How long {@code FinishRecords} waits for records the returns said were pushed. */
    private static final long RECORDS_WAIT_MS = 30_000;

    private final String id;
    private final ServiceEndpoints endpoints;
    private String startFailure;
    /** The run's collector once configured: the parent-watch thread flushes its exports when the controller dies. */
    private volatile RecordCollector live;
    /** How long a dying records manager waits for its exports to take what was received (the JVM is gone in 5 s). */
    private static final long PARENT_GONE_FLUSH_MS = 2_000;

    /** The first fixed port of the channels workers on other hosts dial ({@code --zmq-port}), or 0: ephemeral. */
    private final int zmqPort;

    /** @param zmqPort the records channel binds at its fixed port from this one on; 0 for an ephemeral port */
    public RecordsManager(String id, ServiceEndpoints endpoints, int zmqPort) {
        this.id = id;
        this.endpoints = endpoints;
        this.zmqPort = zmqPort;
    }

    @Override
    public int run() {
        ParentWatch.start(System.in, () -> {
            // The controller is gone (killed): what was received still reaches profile_export.jsonl, then exit.
            RecordCollector c = live;
            if (c != null) {
                c.close(PARENT_GONE_FLUSH_MS);
            }
            Runtime.getRuntime().halt(1);
        });
        RecordCollector collector = null;
        // Workers connect to this socket: it binds where the controller is reached (--zmq-host).
        try (ZmqBus bus = ZmqBus.bindingBeside(endpoints.get(Channel.CONTROL))) {
            ZMQ.Socket records;
            try {
                records = bus.bind(Channel.RECORDS, zmqPort);
            } catch (PortTakenException e) {
                ZMQ.Socket control = bus.connect(Channel.CONTROL, endpoints.get(Channel.CONTROL));
                ZmqBus.send(control, new ServiceFailed(id, e.getMessage()));
                return 1;
            }
            ZMQ.Socket events = bus.connect(Channel.EVENTS, endpoints.get(Channel.EVENTS));
            ZMQ.Socket control = bus.connect(Channel.CONTROL, endpoints.get(Channel.CONTROL));
            boolean registered = false;
            boolean failureReported = false;
            long lastProgressNs = System.nanoTime();
            long lastProcessed = 0;
            while (true) {
                Message event = ZmqBus.receive(events, 200);
                if (event instanceof Heartbeat && !registered) {
                    ZmqBus.send(control, new RecordsManagerRegistered(id, ProcessHandle.current().pid(),
                            ZmqBus.endpointOf(records)));
                    registered = true;
                } else if (event instanceof ConfigureRecords c && collector == null) {
                    collector = configure(c, control);
                    live = collector;
                } else if (event instanceof ProfileStart && collector != null) {
                    start(collector, records, control);
                } else if (event instanceof WorkerLost lost && collector != null) {
                    start(collector, records, control);
                    collector.workerLost(lost);
                } else if (event instanceof FinishRecords f && collector != null) {
                    start(collector, records, control);
                    RecordsResult result = startFailure != null ? RecordsResult.failed(startFailure)
                            : collector.finish(f.expectedProfilingRecords(), f.cancelled(), f.workersLost(),
                            RECORDS_WAIT_MS, f.telemetry());
                    ZmqBus.send(control, new RecordsProgress(collector.processed()));
                    sendLiveMetrics(collector, control);
                    ZmqBus.send(control, result);
                } else if (event instanceof Shutdown s) {
                    log.info("{} shutting down: {}", id, s.reason());
                    return 0;
                }
                if (collector != null && collector.started() && !failureReported && collector.failure() != null) {
                    // Reported while the run goes on, so the controller stops it rather than sending more requests.
                    failureReported = true;
                    ZmqBus.send(control, new ServiceFailed(id, collector.failure()));
                }
                long now = System.nanoTime();
                if (collector != null && collector.started() && now - lastProgressNs >= PROGRESS_NS) {
                    lastProgressNs = now;
                    long processed = collector.processed();
                    if (processed != lastProcessed) {
                        lastProcessed = processed;
                        ZmqBus.send(control, new RecordsProgress(processed));
                    }
                }
                if (collector != null && collector.started()) {
                    sendLiveMetrics(collector, control);
                }
            }
        } catch (RuntimeException e) {
            log.error("{} failed", id, e);
            return 1;
        } finally {
            if (collector != null) {
                collector.close();
            }
        }
    }

    /** The sink thread's latest snapshot, if it left one (it does at most once a second). */
    private static void sendLiveMetrics(RecordCollector collector, ZMQ.Socket control) {
        LiveMetrics live = collector.takeLiveMetrics();
        if (live != null) {
            ZmqBus.send(control, live);
        }
    }

    private RecordCollector configure(ConfigureRecords c, ZMQ.Socket control) {
        LogRedaction.register(Secrets.of(c.config().endpoint()));
        try {
            RecordCollector collector = new RecordCollector(c.config(), TokenizerLoader.load(c.tokenizer()));
            // The first records of the run are decoded by compiled code, not by the interpreter at the run's start.
            MessageCodec.warmUp(500);
            ZmqBus.send(control, new RecordsReady(id));
            return collector;
        } catch (RuntimeException e) {
            log.error("{} cannot be configured", id, e);
            ZmqBus.send(control, new ServiceFailed(id, OneLine.of(e)));
            return null;
        }
    }

    /** Opens the exports once; a failure is reported once (the controller ends the run) and kept for the result. */
    private void start(RecordCollector collector, ZMQ.Socket records, ZMQ.Socket control) {
        if (collector.started() || startFailure != null) {
            return;
        }
        try {
            collector.start(records);
        } catch (RuntimeException e) {
            startFailure = OneLine.of(e);
            ZmqBus.send(control, new ServiceFailed(id, startFailure));
        }
    }
}
