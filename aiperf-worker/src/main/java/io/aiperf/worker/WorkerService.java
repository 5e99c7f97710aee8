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
import io.aiperf.core.service.HostName;
import io.aiperf.core.service.ParentWatch;
import io.aiperf.core.service.ProcessUsage;
import io.aiperf.core.service.Service;
import io.aiperf.core.config.ServiceConfig;
import io.aiperf.core.message.BusProtocol;
import io.aiperf.core.message.Message.ClockProbe;
import io.aiperf.core.message.Message.ClockReading;
import io.aiperf.core.message.Message.JoinAccepted;
import io.aiperf.core.message.Message.JoinRefused;
import io.aiperf.core.message.Message.WorkerJoin;
import io.aiperf.core.service.AiperfVersion;
import io.aiperf.worker.http.HttpTransport;
import io.aiperf.core.bus.ControllerAddress;
import io.aiperf.worker.join.JoinedClock;
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
import java.util.function.Consumer;

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
 *
 * <p>A worker started on its own on any host ({@code aiperf worker --controller HOST:PORT}, {@link #joining}) asks
 * to join with a {@code WorkerJoin} instead of registering, measures its clock's offset to the controller's
 * ({@link JoinedClock}) before it says it is ready, moves each credit's controller-clock times onto its own clock,
 * sends its records to the records manager on the host it dialled, and exits when the run ends, when it is refused,
 * or when the controller falls silent. It has no parent process to watch.
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
    /** Set for a worker that joins from another host; null for one the controller started. */
    private final ControllerAddress joinTarget;
    /** Where a joining worker tells its user what happens (its terminal); unused otherwise. */
    private final Consumer<String> console;
    private final long joinTimeoutNs;
    private JoinedClock clock;
    /** A joined worker's configuration that came before its clock was measured: applied once it is. */
    private ConfigureWorkers configureWhenSettled;
    /** A joined worker: the controller went silent this long after the run's configuration said so (default 10 s). */
    private long controllerSilenceNs = Math.round(ServiceConfig.RemoteWorkers.DEFAULT_SILENCE_TIMEOUT_SECONDS * 1e9);
    /** The process's exit code once the loop should end: set by a refusal, a lost controller, a dismissal. */
    private int exitCode = -1;
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
        this(id, endpoints, warmUp, null, null, 0);
    }

    private WorkerService(String id, ServiceEndpoints endpoints, boolean warmUp, ControllerAddress joinTarget,
                          Consumer<String> console, long joinTimeoutNs) {
        this.id = id;
        this.endpoints = endpoints;
        this.warmUp = warmUp;
        this.joinTarget = joinTarget;
        this.console = console;
        this.joinTimeoutNs = joinTimeoutNs;
    }

    /**
     * A worker that joins the run of the controller at {@code controller} from wherever it runs.
     *
     * @param console             gets the lines for its user (joined, refused, finished, lost)
     * @param joinTimeoutSeconds  how long it waits for the controller's answer
     */
    public static WorkerService joining(String id, ControllerAddress controller, Consumer<String> console,
                                        double joinTimeoutSeconds) {
        return new WorkerService(id, controller.endpoints(),
                !"false".equalsIgnoreCase(System.getProperty(WARMUP_PROPERTY)), controller, console,
                Math.round(joinTimeoutSeconds * 1e9));
    }

    /**
     * Runs the worker until {@code Shutdown}; a worker the controller started halts when its parent goes away.
     *
     * @return 0 when the run ended, 1 when the worker failed, was refused or lost the controller
     */
    @Override
    public int run() throws IOException {
        if (joinTarget == null) {
            ParentWatch.start(System.in, () -> Runtime.getRuntime().halt(1));
        }
        return serve();
    }

    /** The bus loop, without the parent watch (tests run it in-process). */
    int serve() throws IOException {
        if (joinTarget != null && !controllerHostResolves()) {
            return 1;
        }
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
                if (joinTarget != null && exitCode == 1) {
                    // Refused, dismissed or its controller lost: no one will read what is still queued, and closing
                    // would wait out the sockets' 5 s linger for it (a thawed frozen worker took 5.2 s to exit).
                    credits.setLinger(0);
                    if (records != null) {
                        records.setLinger(0);
                    }
                }
                poller.close();
                LeakReport.beforeExit();
            }
        } catch (RuntimeException e) {
            log.error("{} failed", id, e);
            return 1;
        }
        return Math.max(0, exitCode);
    }

    private void loop(ZMQ.Poller poller, int eventsIdx, int creditsIdx, int wakeIdx, ZMQ.Socket events,
                      ZMQ.Socket credits) throws IOException {
        boolean registered = false;
        long lastStatusNs = System.nanoTime();
        long startNs = lastStatusNs;
        long lastEventNs = lastStatusNs;
        // Created once registered, not before: its MXBean's set-up is then not on the way to the registration.
        ProcessUsage usage = null;
        while (true) {
            // While a joined worker's first clock probes go out, a pass every few milliseconds spaces them.
            poller.poll(clock != null && !clock.settled() ? 5 : 200);
            if (poller.pollin(creditsIdx)) {
                drainCredits(credits);
            }
            if (exitCode >= 0) {
                return;
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
                lastEventNs = System.nanoTime();
                if (event instanceof Heartbeat) {
                    if (!registered) {
                        ZmqBus.send(credits, joinTarget == null ? new WorkerRegistered(id, ProcessHandle.current().pid())
                                : new WorkerJoin(id, AiperfVersion.VERSION, BusProtocol.FINGERPRINT, hostName(),
                                ProcessHandle.current().pid()));
                        registered = true;
                        usage = ProcessUsage.ofThisJvm();
                        usage.cpuPercentSinceLastCall(); // the first status then covers its whole second
                    }
                } else if (event instanceof ConfigureWorkers c) {
                    if (clock != null && !clock.settled()) {
                        configureWhenSettled = c;
                    } else {
                        configure(c, credits);
                    }
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
                    if (joinTarget != null) {
                        console.accept("aiperf worker: " + id + ": the run is over (" + s.reason() + "); sent "
                                + recordsSent + " records" + (clock == null ? ""
                                : "; the controller's clock was " + clock.describe()));
                        exitCode = clock == null ? 1 : 0;
                    }
                    return;
                }
            }
            long now = System.nanoTime();
            if (joinTarget != null && !joinedOrGone(credits, registered, now, startNs, lastEventNs)) {
                return;
            }
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
            records = bus.connect(Channel.RECORDS, joinTarget == null ? configure.recordsEndpoint()
                    : joinTarget.recordsEndpoint(configure.recordsEndpoint()));
            controllerSilenceNs = Math.round(config.service().remote().silenceTimeoutSeconds() * 1e9);
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
        if (joinTarget != null && joinAnswer(message, receivedNs, credits)) {
            return;
        }
        if (clock != null) {
            // A joined worker: the controller's clock times onto this host's.
            if (message instanceof Credit c) {
                message = c.onClockAheadBy(clock.offsetNs());
            } else if (message instanceof SlotShare share) {
                message = share.onClockAheadBy(clock.offsetNs());
            }
        }
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

    /**
     * A joined worker's messages from the controller that only it gets: the answer to its join, clock readings, and a
     * dismissal (the controller found it lost). @return true when {@code message} was one of them
     */
    private boolean joinAnswer(Message message, long receivedNs, ZMQ.Socket credits) {
        if (message instanceof JoinAccepted accepted) {
            if (clock == null) {
                clock = new JoinedClock();
                clock.accepted(accepted);
                sendProbeIfDue(credits, System.nanoTime());
            }
            return true;
        }
        if (message instanceof JoinRefused refused) {
            console.accept("aiperf worker: error: the controller at " + joinTarget + " refused this worker: "
                    + refused.reason());
            exitCode = 1;
            return true;
        }
        if (message instanceof ClockReading reading && clock != null) {
            boolean wasSettled = clock.settled();
            clock.reading(reading, receivedNs);
            if (!wasSettled && clock.settled()) {
                console.accept("aiperf worker: " + id + " joined the run at " + joinTarget + "; the controller's "
                        + "clock is " + clock.describe());
                if (configureWhenSettled != null) {
                    configure(configureWhenSettled, credits);
                    configureWhenSettled = null;
                }
            }
            sendProbeIfDue(credits, System.nanoTime());
            return true;
        }
        if (message instanceof Shutdown s) {
            console.accept("aiperf worker: error: " + s.reason());
            exitCode = 1;
            return true;
        }
        return false;
    }

    private void sendProbeIfDue(ZMQ.Socket credits, long nowNs) {
        long probeId = clock.probeDue(nowNs);
        if (probeId >= 0) {
            // Stamped before the send: any delay on the way (encoding, a descheduled thread) then lengthens the
            // measured round trip, and the estimator passes over such probes; stamped after, it would shorten it.
            long sentNs = System.nanoTime();
            ZmqBus.send(credits, new ClockProbe(id, probeId));
            clock.sent(probeId, sentNs);
        }
    }

    /**
     * A joined worker's checks on each pass: its join answered in time, its periodic clock probe, the controller
     * still there. @return false when the worker must stop (the reason is on the console, the exit code set)
     */
    private boolean joinedOrGone(ZMQ.Socket credits, boolean registered, long nowNs, long startNs, long lastEventNs) {
        if (clock == null) {
            if (nowNs - startNs > joinTimeoutNs) {
                console.accept("aiperf worker: error: no " + (registered ? "answer from" : "run at")
                        + " the controller at " + joinTarget + " within " + Math.round(joinTimeoutNs / 1e9) + " s"
                        + (registered ? " (is another worker of the run using the id " + id + "?)"
                        : " (is `aiperf profile --remote-workers N` running there, with this --zmq-port?)"));
                exitCode = 1;
                return false;
            }
            return true;
        }
        sendProbeIfDue(credits, nowNs);
        if (nowNs - lastEventNs > controllerSilenceNs) {
            console.accept("aiperf worker: error: lost the controller at " + joinTarget + " (nothing heard for "
                    + Math.round(controllerSilenceNs / 1e9) + " s); its requests in flight are abandoned");
            exitCode = 1;
            return false;
        }
        return true;
    }

    /**
     * A joined worker's controller host may not resolve yet (a cluster Service whose name appears once the controller's
     * pod is scheduled): it is tried once a second until the join timeout, since the bus cannot connect to a name
     * that does not resolve. @return false (said on the console) when it never did
     */
    private boolean controllerHostResolves() {
        long giveUpNs = System.nanoTime() + joinTimeoutNs;
        boolean said = false;
        while (true) {
            try {
                java.net.InetAddress.getByName(joinTarget.host());
                return true;
            } catch (java.net.UnknownHostException e) {
                if (System.nanoTime() - giveUpNs >= 0) {
                    console.accept("aiperf worker: error: the controller's host " + joinTarget.host()
                            + " did not resolve within " + Math.round(joinTimeoutNs / 1e9) + " s");
                    return false;
                }
                if (!said) {
                    console.accept("aiperf worker: " + joinTarget.host() + " does not resolve yet; trying once a "
                            + "second");
                    said = true;
                }
            }
            try {
                Thread.sleep(1_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }

    private static String hostName() {
        String name = HostName.local();
        return name == null ? "unknown-host" : name;
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
