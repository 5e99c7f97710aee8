package io.aiperf.worker;

import io.aiperf.core.bus.Channel;
import io.aiperf.core.bus.Outbox;
import io.aiperf.core.bus.ServiceEndpoints;
import io.aiperf.core.bus.ZmqBus;
import io.aiperf.core.config.BenchmarkConfig;
import io.aiperf.core.config.LogRedaction;
import io.aiperf.core.config.Secrets;
import io.aiperf.core.error.OneLine;
import io.aiperf.core.message.Credit;
import io.aiperf.core.message.Message;
import io.aiperf.core.message.Message.Batch;
import io.aiperf.core.message.Message.CancelCredits;
import io.aiperf.core.message.Message.ConfigureWorkers;
import io.aiperf.core.message.Message.CreditReturn;
import io.aiperf.core.message.Message.CreditUnsent;
import io.aiperf.core.message.Message.FirstToken;
import io.aiperf.core.message.Message.Heartbeat;
import io.aiperf.core.message.Message.ProfileStart;
import io.aiperf.core.message.Message.ServiceFailed;
import io.aiperf.core.message.Message.Shutdown;
import io.aiperf.core.message.Message.SlotShare;
import io.aiperf.core.message.Message.WorkerReady;
import io.aiperf.core.message.Message.WorkerRegistered;
import io.aiperf.core.message.Message.WorkerStatus;
import io.aiperf.core.message.MessageCodec;
import io.aiperf.core.message.RequestRecord;
import io.aiperf.core.model.CreditPhase;
import io.aiperf.core.service.CompilerQuiet;
import io.aiperf.core.service.ParentWatch;
import io.aiperf.core.service.ProcessUsage;
import io.aiperf.core.service.Service;
import io.aiperf.worker.http.HttpTransport;
import io.aiperf.worker.http.LeakReport;
import io.aiperf.worker.http.RequestCallbacks;
import io.aiperf.worker.session.RenderedTurn;
import io.aiperf.worker.session.UserSessions;
import io.aiperf.worker.slots.SlotGate;
import io.aiperf.worker.warmup.TransportWarmup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zeromq.ZMQ;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.Pipe;
import java.util.EnumMap;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The worker process ({@code aiperf service --type worker}). Its bus thread (the one calling {@link #run}) owns every
 * socket: SUB for the controller's events, a DEALER for credits in and returns (and first-token notices) out, and,
 * once {@code ConfigureWorkers} has said where the records manager listens, a PUSH for records. Requests run on the
 * transport's event loops; what they report &mdash; a {@link FirstToken} when the credit asked for one, then the
 * record &mdash; comes back through one lock-free FIFO queue plus a one-byte wake-up pipe that the poller watches, so
 * the event loop never touches a socket, the bus thread never waits on a timer to see a completion, and a credit's
 * {@code FirstToken} always leaves before its {@code CreditReturn}.
 *
 * <p>Credits without a body are rendered here, on the bus thread, from the conversation's {@link UserSessions}
 * history (bus-thread confined, no locks); a finished record's reply joins that history before its return is sent.
 *
 * <p>In a fixed-concurrency burst the controller hands this worker a {@link SlotShare} before the phase's first
 * credit and then sends first turns ahead; they wait in that phase's {@link SlotGate}, and the event loop that ends a
 * session starts the next one at once. A waiting turn the phase no longer wants goes back as {@link CreditUnsent}.
 * A second share for the same phase resizes that gate (another worker died and its slots were spread).
 */
public final class WorkerService implements Service {

    private static final Logger log = LoggerFactory.getLogger(WorkerService.class);
    private static final long STATUS_NS = TimeUnit.SECONDS.toNanos(1);

    private final String id;
    private final ServiceEndpoints endpoints;

    /** {@link RequestRecord}s and {@link FirstToken}s from the event loops, in the order they happened. */
    private final Queue<Message> finished = new ConcurrentLinkedQueue<>();
    /** Bus thread only: one pass's records, and its notices for the controller. */
    private final Outbox toRecords = new Outbox();
    private final Outbox toController = new Outbox();
    private final RequestCallbacks callbacks = new RequestCallbacks() {
        @Override
        public void firstToken(Credit credit, long arrivalNs) {
            handOff(new FirstToken(id, credit.creditId(), credit.phase()));
        }

        @Override
        public void done(Credit credit, RequestRecord record) {
            SlotGate gate = gates.get(credit.phase().ordinal());
            if (gate != null && (credit.finalTurn() || record.failed())) {
                // The session is over (a failed turn ends it): its slot starts the next waiting turn right here.
                gate.release();
            }
            handOff(record);
        }
    };
    /** Each phase's slot share on this worker, by ordinal; null when the controller keeps that phase's slots. */
    private final AtomicReferenceArray<SlotGate> gates = new AtomicReferenceArray<>(CreditPhase.values().length);
    private final SlotGate.Outlet outlet = new SlotGate.Outlet() {
        @Override
        public void start(SlotGate.Waiting turn, long grantedNs) {
            transport.send(turn.credit().intendedAt(grantedNs), turn.payloadJson(), turn.inputText(), grantedNs,
                    callbacks);
        }

        @Override
        public void unsent(Credit credit) {
            handOff(new CreditUnsent(id, credit.creditId(), credit.phase()));
        }
    };
    private final AtomicBoolean wakePending = new AtomicBoolean();
    private final ByteBuffer wakeByte = ByteBuffer.allocate(1);
    private Pipe wakePipe;

    /**
     * Phases whose in-flight requests were abandoned ({@code CancelCredits}, after the grace period), with the
     * {@code System.nanoTime()} of that decision. A cancelled record of such a phase that ended at or after it was
     * cut short by the abandonment and is dropped, as AIPerf does; one that ended before it was cancelled on purpose
     * ({@code cancelAfterNs}) and is kept, like every other record.
     */
    private final Map<CreditPhase, Long> abandoned = new EnumMap<>(CreditPhase.class);
    private final boolean warmUp;
    private ZmqBus bus;
    /** Connected at configuration time, to the records manager's address; null before. */
    private ZMQ.Socket records;
    private HttpTransport transport;
    private UserSessions sessions;
    private long renderFailures;
    /** How well records are batched: records sent, and the bus messages that carried them. */
    private long recordsSent;
    private long recordMessages;
    private long completed;
    private long failed;

    /**
     * System property that turns the loopback warm-up off ({@code -Daiperf.worker.warmup=false} in
     * {@code AIPERF_SERVICE_JAVA_OPTS}); only {@code bench/warmup-ttft.sh} uses it, to show what the warm-up is for.
     */
    public static final String WARMUP_PROPERTY = "aiperf.worker.warmup";

    /** @param endpoints the controller's {@link Channel#EVENTS} and {@link Channel#CREDITS} */
    public WorkerService(String id, ServiceEndpoints endpoints) {
        this(id, endpoints, !"false".equalsIgnoreCase(System.getProperty(WARMUP_PROPERTY)));
    }

    /** {@code warmUp=false} skips the loopback warm-up of the request path (tests). */
    WorkerService(String id, ServiceEndpoints endpoints, boolean warmUp) {
        this.id = id;
        this.endpoints = endpoints;
        this.warmUp = warmUp;
    }

    /** Runs the worker until {@code Shutdown}; the process halts when its parent goes away. */
    @Override
    public int run() throws IOException {
        ParentWatch.start(System.in, () -> Runtime.getRuntime().halt(1));
        return serve();
    }

    /** The bus loop, without the parent watch (tests run it in-process). */
    int serve() throws IOException {
        wakePipe = Pipe.open();
        wakePipe.source().configureBlocking(false);
        try (ZmqBus bus = new ZmqBus()) {
            this.bus = bus;
            ZMQ.Socket events = bus.connect(Channel.EVENTS, endpoints.get(Channel.EVENTS));
            ZMQ.Socket credits = bus.connect(Channel.CREDITS, endpoints.get(Channel.CREDITS), id);
            ZMQ.Poller poller = bus.context().createPoller(3);
            int eventsIdx = poller.register(events, ZMQ.Poller.POLLIN);
            int creditsIdx = poller.register(credits, ZMQ.Poller.POLLIN);
            int wakeIdx = poller.register(wakePipe.source(), ZMQ.Poller.POLLIN);
            try {
                loop(poller, eventsIdx, creditsIdx, wakeIdx, events, credits);
            } finally {
                if (transport != null) {
                    transport.close();
                }
                drainFinished(credits);
                poller.close();
                LeakReport.beforeExit();
            }
        } catch (RuntimeException e) {
            log.error("{} failed", id, e);
            return 1;
        }
        return 0;
    }

    private void loop(ZMQ.Poller poller, int eventsIdx, int creditsIdx, int wakeIdx, ZMQ.Socket events,
                      ZMQ.Socket credits) throws IOException {
        boolean registered = false;
        long lastStatusNs = System.nanoTime();
        // Created once registered, not before: its MXBean's set-up is then not on the way to the registration.
        ProcessUsage usage = null;
        while (true) {
            poller.poll(200);
            if (poller.pollin(creditsIdx)) {
                drainCredits(credits);
            }
            if (poller.pollin(wakeIdx)) {
                wakeByte.clear();
                while (wakePipe.source().read(wakeByte) > 0) {
                    wakeByte.clear();
                }
            }
            wakePending.set(false);
            drainFinished(credits);
            Message event;
            while ((event = ZmqBus.poll(events)) != null) {
                if (event instanceof Heartbeat) {
                    if (!registered) {
                        ZmqBus.send(credits, new WorkerRegistered(id, ProcessHandle.current().pid()));
                        registered = true;
                        usage = ProcessUsage.ofThisJvm();
                        usage.cpuPercentSinceLastCall(); // the first status then covers its whole second
                    }
                } else if (event instanceof ConfigureWorkers c) {
                    configure(c, credits);
                } else if (event instanceof ProfileStart p) {
                    // WorkerStatus counts are per phase.
                    completed = 0;
                    failed = 0;
                    if (sessions != null) {
                        sessions.retainOnly(p.phase());
                    }
                } else if (event instanceof CancelCredits c) {
                    abandoned.putIfAbsent(c.phase(), System.nanoTime());
                    SlotGate gate = gates.get(c.phase().ordinal());
                    if (gate != null) {
                        gate.close();
                    }
                    if (sessions != null) {
                        sessions.evictPhase(c.phase());
                    }
                    if (transport != null) {
                        transport.cancelAll(c.phase());
                    }
                } else if (event instanceof Shutdown s) {
                    log.info("{} shutting down: {}; {} records went out in {} bus messages", id, s.reason(),
                            recordsSent, recordMessages);
                    return;
                }
            }
            long now = System.nanoTime();
            if (registered && now - lastStatusNs >= STATUS_NS) {
                lastStatusNs = now;
                ZmqBus.send(credits, new WorkerStatus(id, transport == null ? 0 : transport.inFlight(), completed, failed,
                        usage.cpuPercentSinceLastCall(), usage.residentBytes()));
            }
        }
    }

    private void configure(ConfigureWorkers configure, ZMQ.Socket credits) {
        if (transport != null) {
            return;
        }
        BenchmarkConfig config = configure.config();
        LogRedaction.register(Secrets.of(config.endpoint()));
        try {
            if (warmUp) {
                long startNs = System.nanoTime();
                TransportWarmup.Warmed warmed = TransportWarmup.run(config.endpoint(), id, config.output().raw(),
                        config.output().httpTrace());
                transport = warmed.transport();
                MessageCodec.warmUp(500);
                CompilerQuiet jit = CompilerQuiet.ofThisJvm();
                long jitWaitNs = jit == null ? 0 : jit.await(CompilerQuiet.QUIET_NS, CompilerQuiet.MAX_NS);
                log.info("{} warmed its request path with {} loopback requests in {} ms (of which {} ms waiting for "
                        + "the JIT compilers to finish)", id, warmed.requests(),
                        (System.nanoTime() - startNs) / 1_000_000, jitWaitNs / 1_000_000);
            } else {
                transport = new HttpTransport(config.endpoint(), id, 1, config.output().raw(),
                        config.output().httpTrace());
            }
            sessions = new UserSessions(config.endpoint());
            records = bus.connect(Channel.RECORDS, configure.recordsEndpoint());
            ZmqBus.send(credits, new WorkerReady(id));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            ZmqBus.send(credits, new ServiceFailed(id, "interrupted while warming up"));
        } catch (RuntimeException e) {
            ZmqBus.send(credits, new ServiceFailed(id, "cannot set up the HTTP transport: " + OneLine.of(e)));
        }
    }

    private void drainCredits(ZMQ.Socket credits) {
        byte[] bytes;
        while ((bytes = credits.recv(ZMQ.DONTWAIT)) != null) {
            long receivedNs = System.nanoTime();
            Message message = MessageCodec.decode(bytes);
            if (message instanceof Batch batch) {
                for (Message m : batch.messages()) {
                    accept(m, receivedNs, credits);
                }
            } else {
                accept(message, receivedNs, credits);
            }
        }
    }

    private void accept(Message message, long receivedNs, ZMQ.Socket credits) {
        if (message instanceof SlotShare share) {
            SlotGate current = gates.get(share.phase().ordinal());
            if (current != null) {
                // A later share of the same phase: a worker died and this one takes some of its slots.
                current.resize(share.slots());
            } else {
                gates.set(share.phase().ordinal(), new SlotGate(share.slots(), share.sendUntilNs(), outlet));
            }
            return;
        }
        if (!(message instanceof Credit credit)) {
            return;
        }
        if (transport == null) {
            // Cannot happen after the handshake; answer anyway so the controller's slot is freed.
            ZmqBus.send(credits, new CreditReturn(id, credit.creditId(), credit.phase(), true, true, false));
            return;
        }
        String payloadJson = credit.payloadJson();
        String inputText = null;
        if (payloadJson == null) {
            RenderedTurn turn = render(credit);
            payloadJson = turn.payloadJson();
            inputText = turn.inputText();
        }
        SlotGate gate = credit.turnIndex() == 0 ? gates.get(credit.phase().ordinal()) : null;
        if (gate != null) {
            gate.offer(new SlotGate.Waiting(credit, payloadJson, inputText));
        } else {
            // Unshared slots, or a later turn: its session already holds a slot.
            transport.send(credit, payloadJson, inputText, receivedNs, callbacks);
        }
    }

    /** A body-less credit's request from its session; a failure leaves a null body (an error record follows). */
    private RenderedTurn render(Credit credit) {
        try {
            return sessions.render(credit);
        } catch (RuntimeException e) {
            if (renderFailures++ == 0) {
                log.warn("{} cannot render credit {} (further failures are counted only)", id, credit.creditId(), e);
            }
            return new RenderedTurn(null, null);
        }
    }

    /** Event-loop thread: hand a message to the bus thread; wake it only if it may be asleep. */
    private void handOff(Message message) {
        finished.offer(message);
        if (wakePending.compareAndSet(false, true)) {
            try {
                wakePipe.sink().write(ByteBuffer.wrap(new byte[] {1}));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /**
     * Sends what the event loops finished since the last pass: the records as one bus message to the records
     * manager, then the first tokens, returns and unsent credits as one to the controller, each in the order they
     * happened.
     */
    private void drainFinished(ZMQ.Socket credits) {
        Message message;
        while ((message = finished.poll()) != null) {
            if (message instanceof FirstToken || message instanceof CreditUnsent) {
                // A FirstToken was queued before its record by the same event loop: it leaves before the return.
                toController.add(message);
                continue;
            }
            RequestRecord record = (RequestRecord) message;
            if (sessions != null) {
                // Before the return: the controller issues the next turn only after it, and it must see this reply.
                sessions.finished(record);
            }
            Long abandonedNs = abandoned.get(record.phase());
            boolean drop = record.cancelled() && abandonedNs != null && record.requestEndNs() - abandonedNs >= 0;
            if (!drop) {
                toRecords.add(record);
            }
            if (record.failed()) {
                failed++;
            } else {
                completed++;
            }
            toController.add(new CreditReturn(id, record.creditId(), record.phase(), record.failed(),
                    record.cancelled(), !drop));
        }
        // The records go out before their returns: the controller counts returns to know how many to await.
        Message recordsOut = toRecords.take();
        if (recordsOut != null) {
            ZmqBus.send(records, recordsOut);
            recordMessages++;
            recordsSent += recordsOut instanceof Batch b ? b.messages().size() : 1;
        }
        Message controllerOut = toController.take();
        if (controllerOut != null) {
            ZmqBus.send(credits, controllerOut);
        }
    }
}
