package io.aiperf.worker;

import io.aiperf.core.bus.ZmqBus;
import io.aiperf.core.config.BenchmarkConfig;
import io.aiperf.core.message.Credit;
import io.aiperf.core.message.Message;
import io.aiperf.core.message.Message.CancelCredits;
import io.aiperf.core.message.Message.ConfigureWorkers;
import io.aiperf.core.message.Message.CreditReturn;
import io.aiperf.core.message.Message.Heartbeat;
import io.aiperf.core.message.Message.ProfileStart;
import io.aiperf.core.message.Message.Shutdown;
import io.aiperf.core.message.Message.WorkerFailed;
import io.aiperf.core.message.Message.WorkerReady;
import io.aiperf.core.message.Message.WorkerRegistered;
import io.aiperf.core.message.Message.WorkerStatus;
import io.aiperf.core.message.MessageCodec;
import io.aiperf.core.message.RequestRecord;
import io.aiperf.core.model.CreditPhase;
import io.aiperf.core.service.ParentWatch;
import io.aiperf.worker.http.HttpTransport;
import io.aiperf.worker.warmup.TransportWarmup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zeromq.SocketType;
import org.zeromq.ZMQ;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.Pipe;
import java.util.EnumSet;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The worker process. Its bus thread (the one calling {@link #run}) owns every socket: SUB for the controller's
 * events, a DEALER for credits in and returns out, a PUSH for records. Requests run on the transport's event loops;
 * a finished request's record comes back through a lock-free queue plus a one-byte wake-up pipe that the poller
 * watches, so the event loop never touches a socket and the bus thread never waits on a timer to see a completion.
 */
public final class WorkerService {

    private static final Logger log = LoggerFactory.getLogger(WorkerService.class);
    private static final long STATUS_NS = TimeUnit.SECONDS.toNanos(1);

    private final String id;
    private final String eventsEndpoint;
    private final String creditsEndpoint;
    private final String recordsEndpoint;

    private final Queue<RequestRecord> finished = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean wakePending = new AtomicBoolean();
    private final ByteBuffer wakeByte = ByteBuffer.allocate(1);
    private Pipe wakePipe;

    /** Phases whose in-flight requests were abandoned: their records are dropped, as AIPerf does after a grace. */
    private final Set<CreditPhase> abandoned = EnumSet.noneOf(CreditPhase.class);
    private HttpTransport transport;
    private long completed;
    private long failed;

    public WorkerService(String id, String eventsEndpoint, String creditsEndpoint, String recordsEndpoint) {
        this.id = id;
        this.eventsEndpoint = eventsEndpoint;
        this.creditsEndpoint = creditsEndpoint;
        this.recordsEndpoint = recordsEndpoint;
    }

    public int run() throws IOException {
        ParentWatch.start(System.in, () -> Runtime.getRuntime().halt(1));
        wakePipe = Pipe.open();
        wakePipe.source().configureBlocking(false);
        try (ZmqBus bus = new ZmqBus()) {
            ZMQ.Socket events = bus.connect(SocketType.SUB, eventsEndpoint);
            ZMQ.Socket credits = bus.connect(SocketType.DEALER, creditsEndpoint, id);
            ZMQ.Socket records = bus.connect(SocketType.PUSH, recordsEndpoint);
            ZMQ.Poller poller = bus.context().createPoller(3);
            int eventsIdx = poller.register(events, ZMQ.Poller.POLLIN);
            int creditsIdx = poller.register(credits, ZMQ.Poller.POLLIN);
            int wakeIdx = poller.register(wakePipe.source(), ZMQ.Poller.POLLIN);
            try {
                loop(poller, eventsIdx, creditsIdx, wakeIdx, events, credits, records);
            } finally {
                if (transport != null) {
                    transport.close();
                }
                drainFinished(credits, records);
                poller.close();
            }
        } catch (RuntimeException e) {
            log.error("{} failed", id, e);
            return 1;
        }
        return 0;
    }

    private void loop(ZMQ.Poller poller, int eventsIdx, int creditsIdx, int wakeIdx, ZMQ.Socket events,
                      ZMQ.Socket credits, ZMQ.Socket records) throws IOException {
        boolean registered = false;
        long lastStatusNs = System.nanoTime();
        while (true) {
            poller.poll(200);
            if (poller.pollin(creditsIdx)) {
                drainCredits(credits, records);
            }
            if (poller.pollin(wakeIdx)) {
                wakeByte.clear();
                while (wakePipe.source().read(wakeByte) > 0) {
                    wakeByte.clear();
                }
            }
            wakePending.set(false);
            drainFinished(credits, records);
            Message event;
            while ((event = ZmqBus.poll(events)) != null) {
                if (event instanceof Heartbeat) {
                    if (!registered) {
                        ZmqBus.send(credits, new WorkerRegistered(id, ProcessHandle.current().pid()));
                        registered = true;
                    }
                } else if (event instanceof ConfigureWorkers c) {
                    configure(c.config(), credits);
                } else if (event instanceof ProfileStart p) {
                    // WorkerStatus counts are per phase.
                    completed = 0;
                    failed = 0;
                } else if (event instanceof CancelCredits c) {
                    abandoned.add(c.phase());
                    if (transport != null) {
                        transport.cancelAll(c.phase());
                    }
                } else if (event instanceof Shutdown s) {
                    log.info("{} shutting down: {}", id, s.reason());
                    return;
                }
            }
            long now = System.nanoTime();
            if (registered && now - lastStatusNs >= STATUS_NS) {
                lastStatusNs = now;
                ZmqBus.send(credits, new WorkerStatus(id, transport == null ? 0 : transport.inFlight(), completed, failed));
            }
        }
    }

    private void configure(BenchmarkConfig config, ZMQ.Socket credits) {
        if (transport != null) {
            return;
        }
        try {
            long startNs = System.nanoTime();
            int warmed = TransportWarmup.run(config.endpoint());
            log.info("{} warmed its request path with {} loopback requests in {} ms", id, warmed,
                    (System.nanoTime() - startNs) / 1_000_000);
            int perWorker = (int) Math.ceil((double) config.load().concurrency() / config.service().workers());
            transport = new HttpTransport(config.endpoint(), id, perWorker, 1);
            ZmqBus.send(credits, new WorkerReady(id));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            ZmqBus.send(credits, new WorkerFailed(id, "interrupted while warming up"));
        } catch (RuntimeException e) {
            ZmqBus.send(credits, new WorkerFailed(id, "cannot set up the HTTP transport: " + e.getMessage()));
        }
    }

    private void drainCredits(ZMQ.Socket credits, ZMQ.Socket records) {
        byte[] bytes;
        while ((bytes = credits.recv(ZMQ.DONTWAIT)) != null) {
            long receivedNs = System.nanoTime();
            if (!(MessageCodec.decode(bytes) instanceof Credit credit)) {
                continue;
            }
            if (transport == null) {
                // Cannot happen after the handshake; answer anyway so the controller's slot is freed.
                ZmqBus.send(credits, new CreditReturn(id, credit.creditId(), credit.phase(), true, true, false));
                continue;
            }
            transport.send(credit, receivedNs, this::onFinished);
        }
    }

    /** Event-loop thread: hand the record to the bus thread; wake it only if it may be asleep. */
    private void onFinished(RequestRecord record) {
        finished.offer(record);
        if (wakePending.compareAndSet(false, true)) {
            try {
                wakePipe.sink().write(ByteBuffer.wrap(new byte[] {1}));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private void drainFinished(ZMQ.Socket credits, ZMQ.Socket records) {
        RequestRecord record;
        while ((record = finished.poll()) != null) {
            boolean drop = record.cancelled() && abandoned.contains(record.phase());
            if (!drop) {
                // The record goes out before the return: the controller counts returns to know how many to await.
                ZmqBus.send(records, record);
            }
            if (record.failed()) {
                failed++;
            } else {
                completed++;
            }
            ZmqBus.send(credits, new CreditReturn(id, record.creditId(), record.phase(), record.failed(),
                    record.cancelled(), !drop));
        }
    }
}
