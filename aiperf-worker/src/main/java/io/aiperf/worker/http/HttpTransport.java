package io.aiperf.worker.http;

import io.aiperf.core.config.EndpointConfig;
import io.aiperf.core.config.EndpointType;
import io.aiperf.core.config.Secrets;
import io.aiperf.core.endpoint.ResponseParser;
import io.aiperf.core.error.OneLine;
import io.aiperf.core.message.Credit;
import io.aiperf.core.message.RequestRecord;
import io.aiperf.core.model.CreditPhase;
import io.aiperf.core.model.ErrorDetails;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.pool.ChannelHealthChecker;
import io.netty.channel.pool.SimpleChannelPool;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.ssl.SslContext;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.Future;
import io.netty.util.concurrent.FutureListener;
import io.netty.util.concurrent.ImmediateEventExecutor;
import io.netty.util.concurrent.Promise;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * The worker's HTTP/1.1 client: sends one credit's request, streams the response, and reports a complete
 * {@link RequestRecord} for it. See the package documentation for the threading, allocation and timestamp rules.
 *
 * <p>Connections: one keep-alive {@link SimpleChannelPool} per base URL (LIFO, health-checked on acquire and
 * release), with no limit: the controller bounds concurrency, so a request never waits for a free connection here.
 * How connections are reused is {@code --connection-reuse-strategy}'s ({@link TargetConnections}).
 */
public final class HttpTransport implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(HttpTransport.class);

    /** Cap of a 2xx response: a whole body, or an event stream's body (beyond it: {@code ResponseTooLargeError}). */
    static final int MAX_BODY_BYTES = 64 * 1024 * 1024;
    private static final long DRAIN_NS = TimeUnit.SECONDS.toNanos(2);
    private static final long CANCEL_DRAIN_NS = TimeUnit.MILLISECONDS.toNanos(500);
    private static final long POOL_CLOSE_NS = TimeUnit.SECONDS.toNanos(1);

    private final String workerId;
    private final EventLoopGroup group;
    private final Target[] targets;
    private final RequestFactory requests;
    private final long timeoutNs;
    /**
     * Requests not yet delivered. Touched only on {@link #home}, so it needs no lock: {@code send} hops there
     * through the loop's lock-free task queue (the pool would hop to a channel's loop anyway).
     */
    private final Set<Exchange> inFlight = new HashSet<>();
    private final AtomicInteger inFlightCount = new AtomicInteger();
    private final EventLoop home;
    /** Phases abandoned by {@link #cancelAll}: credits of them still scheduled never go out. Home loop only. */
    private final java.util.EnumSet<CreditPhase> cancelledPhases = java.util.EnumSet.noneOf(CreditPhase.class);
    private final AtomicBoolean closed = new AtomicBoolean();
    private final AtomicLong onDoneFailures = new AtomicLong();
    /** Export level raw: every record carries its payload, headers and raw responses. */
    private final boolean captureRaw;
    /** The HTTP trace options: every record carries its {@link io.aiperf.core.message.HttpTrace}. */
    private final boolean traceHttp;
    /** The run's redaction rule: raw captures' headers, and error messages (a server may echo a credential). */
    private final Secrets secrets;
    /** Targets of the user's {@code -u} URLs; a warm-up target, if any, comes after them. */
    private final int userTargets;
    private volatile boolean warmupEnded;
    /** {@code video_generation}: the user's credits run as video jobs there instead; else null. */
    private final VideoJobs videoJobs;

    /**
     * @param endpoint            where and how to send (all {@code urls} get a connection pool)
     * @param workerId            copied into every record
     * @param ioThreads           event-loop threads; {@code <= 0} means one per available processor
     * @param captureRaw          every record also carries a {@link io.aiperf.core.message.RawExchange} (export
     *                            level raw)
     * @param traceHttp           every record also carries a {@link io.aiperf.core.message.HttpTrace}
     *                            ({@code --export-http-trace} or {@code --show-trace-timing})
     * @throws IllegalArgumentException for a URL that cannot be parsed or a header that is not valid HTTP
     */
    public HttpTransport(EndpointConfig endpoint, String workerId, int ioThreads, boolean captureRaw,
                         boolean traceHttp) {
        this(endpoint, workerId, ioThreads, captureRaw, traceHttp, null);
    }

    /**
     * A transport with one more target, {@code warmupBaseUrl} (a loopback server), at {@link #warmupUrlIndex}: the
     * worker warms this very transport there (its event loop, pools, handlers and the code they run) before the run,
     * then {@link #endWarmup ends} that target.
     */
    public HttpTransport(EndpointConfig endpoint, String workerId, int ioThreads, boolean captureRaw,
                         boolean traceHttp, String warmupBaseUrl) {
        this.workerId = workerId;
        this.captureRaw = captureRaw;
        this.traceHttp = traceHttp;
        int threads = ioThreads > 0 ? ioThreads : Runtime.getRuntime().availableProcessors();
        boolean nativeTransport = Epoll.isAvailable();
        IoHandlerFactory ioFactory = nativeTransport ? EpollIoHandler.newFactory() : NioIoHandler.newFactory();
        Class<? extends SocketChannel> channelClass = nativeTransport ? EpollSocketChannel.class
                : NioSocketChannel.class;
        this.timeoutNs = endpoint.requestTimeoutSeconds() > 0
                ? (long) Math.min(endpoint.requestTimeoutSeconds() * 1e9, (double) Long.MAX_VALUE / 4) : 0;
        this.requests = new RequestFactory(endpoint);
        this.secrets = Secrets.of(endpoint);

        ResponseParser parser = ResponseParser.of(endpoint);
        List<EndpointUrl> urls = new ArrayList<>();
        for (String base : endpoint.urls()) {
            urls.add(EndpointUrl.of(base, endpoint.path()));
        }
        SslContext ssl = urls.stream().anyMatch(EndpointUrl::tls) ? ClientTls.context(endpoint.tls()) : null;
        this.userTargets = urls.size();
        this.videoJobs = endpoint.type() == EndpointType.VIDEO_GENERATION
                ? new VideoJobs(endpoint, this, List.copyOf(urls), requests, timeoutNs) : null;
        if (warmupBaseUrl != null) {
            urls.add(EndpointUrl.of(warmupBaseUrl, endpoint.path()));
        }

        this.group = new MultiThreadIoEventLoopGroup(threads, new DefaultThreadFactory("aiperf-http", true), ioFactory);
        this.home = (EventLoop) group.next();
        int connectTimeoutMs = timeoutNs > 0 ? (int) Math.min(Integer.MAX_VALUE, Math.max(1, timeoutNs / 1_000_000))
                : 30_000;
        this.targets = new Target[urls.size()];
        for (int i = 0; i < targets.length; i++) {
            EndpointUrl url = urls.get(i);
            Bootstrap bootstrap = new Bootstrap()
                    .group(group)
                    .channel(channelClass)
                    .option(ChannelOption.TCP_NODELAY, true)
                    .option(ChannelOption.SO_KEEPALIVE, true)
                    .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, connectTimeoutMs)
                    .remoteAddress(resolve(url));
            ClientPoolHandler handler = new ClientPoolHandler(url, url.tls() ? ssl : null, parser, MAX_BODY_BYTES,
                    timeoutNs, traceHttp);
            SimpleChannelPool pool = new SimpleChannelPool(bootstrap, handler, ChannelHealthChecker.ACTIVE, true, true);
            TargetConnections connections = new TargetConnections(endpoint.connectionReuse(), pool, home);
            handler.connections(connections);
            targets[i] = new Target(url, pool, connections);
        }
        log.debug("HTTP transport for worker {}: {} I/O thread(s), {}, connections {}, targets {}", workerId, threads,
                nativeTransport ? "epoll" : "nio", endpoint.connectionReuse().cliName(), urls);
    }

    /**
     * Sends the credit's pre-rendered request ({@code credit.payloadJson()}). Never throws; calls {@code onDone}
     * exactly once with a complete record, on an event loop thread (only when the transport is already closed is it
     * called at once on the caller's thread).
     *
     * @param credit           what to send ({@code payloadJson} is the exact body, {@code urlIndex} the base URL)
     * @param creditReceivedNs {@code System.nanoTime()} when the worker took the credit off the bus
     * @param onDone           receives the record; must not block (it runs on the event loop)
     */
    public void send(Credit credit, long creditReceivedNs, Consumer<RequestRecord> onDone) {
        send(credit, credit.payloadJson(), null, creditReceivedNs, (c, record) -> onDone.accept(record));
    }

    /**
     * Sends one request for {@code credit} with the given body. Never throws; {@code callbacks.done} is called
     * exactly once (see {@link #send(Credit, long, Consumer)}), preceded by {@code callbacks.firstToken} when the
     * credit asked for it and a content response arrived. When {@code credit.cancelAfterNs()} is set, the request is
     * aborted that long after its body was fully written unless it ended first (record {@code cancelled=true},
     * error 499 {@code RequestCancellationError}).
     *
     * @param credit           identity, url index, schedule, cancellation delay and first-token flag
     * @param payloadJson      the exact body; null gives a {@code MissingPayload} error record
     * @param inputText        copied into the record's {@code inputText} (null for pre-rendered bodies)
     * @param creditReceivedNs {@code System.nanoTime()} when the worker took the credit off the bus
     * @param callbacks        event-loop callbacks; must not block
     */
    public void send(Credit credit, String payloadJson, String inputText, long creditReceivedNs,
                     RequestCallbacks callbacks) {
        if (videoJobs != null && videoJobs.handles(credit)) {
            videoJobs.send(credit, payloadJson, inputText, creditReceivedNs, callbacks);
            return;
        }
        // Counted before any path that completes it: completion always uncounts exactly once.
        inFlightCount.incrementAndGet();
        long waitNs = credit.intendedNs() < 0 ? 0 : credit.intendedNs() - System.nanoTime();
        try {
            if (waitNs > 0) {
                // The controller sends scheduled credits ahead of time; the send itself happens at the intended
                // instant, on the loop that will write it, so no thread hand-off sits between deadline and write.
                home.schedule(() -> launch(credit, payloadJson, inputText, creditReceivedNs, callbacks), waitNs,
                        TimeUnit.NANOSECONDS);
            } else if (home.inEventLoop()) {
                launch(credit, payloadJson, inputText, creditReceivedNs, callbacks);
            } else {
                home.execute(() -> launch(credit, payloadJson, inputText, creditReceivedNs, callbacks));
            }
        } catch (RejectedExecutionException e) {
            Exchange ex = new Exchange(this, credit, payloadJson, inputText, creditReceivedNs, System.nanoTime(),
                    requests.requestId(), callbacks);
            ex.complete(System.nanoTime(), Failures.of("TransportClosedError", "the HTTP transport is closed"), false);
        }
    }

    /**
     * On {@link #home}, at (or after) the credit's intended time: stamp the start (AIPerf's start: before a
     * connection is acquired), then acquire and write, all on this loop.
     */
    private void launch(Credit credit, String payloadJson, String inputText, long creditReceivedNs,
                        RequestCallbacks callbacks) {
        long startNs = System.nanoTime();
        Exchange ex = new Exchange(this, credit, payloadJson, inputText, creditReceivedNs, startNs,
                requests.requestId(), callbacks);
        try {
            if (closed.get()) {
                ex.complete(System.nanoTime(), Failures.of("TransportClosedError", "the HTTP transport is closed"), false);
                return;
            }
            if (cancelledPhases.contains(credit.phase())) {
                // Scheduled before its phase was abandoned: it must not go out any more.
                ex.complete(startNs, ex.cancellation(startNs), true);
                return;
            }
            if (payloadJson == null) {
                completeElsewhere(ex, Failures.of("MissingPayloadError",
                        "credit " + credit.creditId() + " has no request body"), false);
                return;
            }
            int index = credit.urlIndex();
            if (index < 0 || index >= targets.length || (index >= userTargets && warmupEnded)) {
                completeElsewhere(ex, Failures.of("InvalidUrlIndexError",
                        "url index " + index + " but only " + userTargets + " URL(s) configured"), false);
                return;
            }
            register(ex, targets[index]);
        } catch (RuntimeException e) {
            completeElsewhere(ex, Failures.of(e), false);
        }
    }

    /** On {@link #home}: track the exchange, then ask the pool for a connection. */
    private void register(Exchange ex, Target target) {
        try {
            inFlight.add(ex);
            Promise<Channel> promise = ImmediateEventExecutor.INSTANCE.newPromise();
            ex.acquirePromise = promise;
            promise.addListener((FutureListener<Channel>) f -> acquired(ex, target, f));
            target.connections.acquire(ex, promise);
        } catch (RuntimeException e) {
            completeElsewhere(ex, Failures.of(e), false);
        }
    }

    /**
     * Aborts every in-flight request of {@code phase}: their connections are closed and their records come back
     * (through their own {@code onDone}) with {@code cancelled=true} and error 499 {@code RequestCancellationError}.
     * Returns at once; callable from any thread.
     */
    public void cancelAll(CreditPhase phase) {
        if (videoJobs != null) {
            videoJobs.cancelAll(phase);
        }
        onHome(() -> {
            cancelledPhases.add(phase);
            for (Exchange ex : List.copyOf(inFlight)) {
                if (ex.credit.phase() == phase) {
                    cancel(ex);
                }
            }
        });
    }

    private void onHome(Runnable task) {
        if (home.inEventLoop()) {
            task.run();
            return;
        }
        try {
            home.execute(task);
        } catch (RejectedExecutionException e) {
            // shut down: nothing is in flight any more
        }
    }

    /** The warm-up target's URL index, or -1 when this transport has none. */
    public int warmupUrlIndex() {
        return targets.length > userTargets ? userTargets : -1;
    }

    /** The warm-up is over: its target takes no more requests and its idle connections are closed. */
    public void endWarmup() {
        if (targets.length == userTargets) {
            return;
        }
        warmupEnded = true;
        Target warm = targets[userTargets];
        onHome(() -> {
            warm.connections.closeParked();
            warm.pool.closeAsync();
        });
    }

    /** Requests sent whose record has not been delivered yet. */
    public int inFlight() {
        return inFlightCount.get() + (videoJobs == null ? 0 : videoJobs.inFlight());
    }


    /**
     * Stops the transport: new sends fail at once with {@code TransportClosed}; in-flight requests get up to 2 s to
     * finish, then are cancelled (records delivered as by {@link #cancelAll}); idle connections are closed and the
     * event loops shut down. Waits at most about 5.5 s in total. Idempotent. Must not be called from an
     * {@code onDone} callback if it is to wait (from an event loop it does not wait).
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        if (videoJobs != null) {
            videoJobs.close();
        }
        boolean mayWait = !onEventLoop();
        if (mayWait) {
            awaitDrained(DRAIN_NS);
        }
        onHome(() -> List.copyOf(inFlight).forEach(this::cancel));
        if (mayWait) {
            awaitDrained(CANCEL_DRAIN_NS);
        }
        onHome(() -> {
            for (Target target : targets) {
                target.connections.closeParked();
            }
        });
        // A pool closes its idle connections on Netty's global executor, waiting there for each close, which runs
        // on the connection's event loop. So the loops shut down only after those closes: a close dropped by a loop
        // that had already terminated would hold the global executor forever (netty#9603), and with it whatever
        // waits on it next (a worker's warm-up server, seen as a worker that never became ready).
        AtomicInteger poolsOpen = new AtomicInteger(targets.length);
        Runnable shutDownLoops = () -> group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
        for (Target target : targets) {
            target.pool.closeAsync().addListener(poolClosed -> {
                if (poolsOpen.decrementAndGet() == 0) {
                    shutDownLoops.run();
                }
            });
        }
        if (targets.length == 0) {
            shutDownLoops.run();
        }
        if (mayWait) {
            long deadline = System.nanoTime() + POOL_CLOSE_NS;
            while (poolsOpen.get() > 0 && System.nanoTime() - deadline < 0 && sleepBriefly()) {
                // the pools' closes run on the event loops
            }
            // Idempotent; shuts the loops down even if a pool did not report (its connections go with the loops).
            shutDownLoops.run();
            group.terminationFuture().awaitUninterruptibly(2, TimeUnit.SECONDS);
        }
        if (inFlightCount.get() > 0 || onDoneFailures.get() > 0) {
            log.warn("HTTP transport closed with {} request(s) still in flight; {} onDone callback(s) threw",
                    inFlightCount.get(), onDoneFailures.get());
        }
    }

    String workerId() {
        return workerId;
    }

    boolean captureRaw() {
        return captureRaw;
    }

    boolean traceHttp() {
        return traceHttp;
    }

    Secrets secrets() {
        return secrets;
    }

    /** {@code error} with any credential of the run masked in its message (failures only: off the usual path). */
    ErrorDetails masked(ErrorDetails error) {
        if (!secrets.hasValues() || error.message() == null) {
            return error;
        }
        String message = secrets.mask(error.message());
        return message.equals(error.message()) ? error : new ErrorDetails(error.code(), error.type(), message);
    }

    /** Called once per exchange, from {@link Exchange#complete}. */
    void completed(Exchange ex) {
        inFlightCount.decrementAndGet();
        onHome(() -> inFlight.remove(ex));
    }

    void onDoneFailed(RuntimeException e) {
        if (onDoneFailures.getAndIncrement() == 0) {
            log.warn("a request callback threw; its record or first-token notice was dropped (further occurrences "
                    + "are counted only)", e);
        }
    }

    private void acquired(Exchange ex, Target target, Future<Channel> f) {
        if (!f.isSuccess()) {
            boolean cancelled = f.isCancelled() || ex.cancelRequested;
            long now = System.nanoTime();
            completeElsewhere(ex, cancelled ? ex.cancellation(now) : Failures.of(f.cause()), cancelled);
            return;
        }
        Channel ch = f.getNow();
        EventLoop loop = ch.eventLoop();
        if (loop.inEventLoop()) {
            start(ex, target, ch);
        } else {
            try {
                loop.execute(() -> start(ex, target, ch));
            } catch (RejectedExecutionException e) {
                ch.close();
                ex.complete(System.nanoTime(), Failures.of("TransportClosedError", "the HTTP transport is closed"), false);
            }
        }
    }

    /** On the channel's event loop, with the connection acquired for {@code ex}. */
    private void start(Exchange ex, Target target, Channel ch) {
        ResponseHandler handler = ch.pipeline().get(ResponseHandler.class);
        ex.handler = handler;
        ex.channel = ch;
        long now = System.nanoTime();
        ex.connectionAcquiredNs = now;
        if (handler == null) {
            ch.close();
            ex.complete(now, Failures.of("InternalError", "connection without a response handler"), false);
            return;
        }
        if (ex.cancelRequested) {
            target.connections.release(ex, ch, true);
            long cancelNs = System.nanoTime(); // after the flag was seen, so after whoever set it decided
            ex.complete(cancelNs, ex.cancellation(cancelNs), true);
            return;
        }
        long remainingNs = 0;
        if (timeoutNs > 0) {
            remainingNs = ex.requestStartNs + timeoutNs - now;
            if (remainingNs <= 0) {
                target.connections.release(ex, ch, true);
                ex.complete(now, Failures.timeout(false, timeoutNs), false);
                return;
            }
        }
        try {
            io.netty.handler.codec.http.FullHttpRequest request =
                    requests.request(target.url, ex.xRequestId, ex.credit, ex.payloadJson, ch.alloc());
            if (ex.raw != null) {
                ex.raw.requestHeaders(request.headers());
            }
            handler.start(ex, request, remainingNs);
        } catch (RuntimeException e) {
            ch.close();
            ex.complete(System.nanoTime(), Failures.of("InternalError", OneLine.messageOf(e)), false);
        }
    }

    private void cancel(Exchange ex) {
        ex.cancelRequested = true;
        Channel ch = ex.channel;
        if (ch != null) {
            ResponseHandler handler = ex.handler;
            try {
                ch.eventLoop().execute(() -> handler.cancel(ex));
            } catch (RejectedExecutionException e) {
                // Shutting down: the channel is being closed and its record delivered by channelInactive.
            }
            return;
        }
        Promise<Channel> promise = ex.acquirePromise;
        if (promise != null) {
            promise.cancel(false); // if already acquired, start() sees cancelRequested
        }
    }

    /** Completes an exchange that never got a connection, on some event loop (or here if none is left). */
    private void completeElsewhere(Exchange ex, ErrorDetails error, boolean cancelled) {
        long endNs = System.nanoTime();
        try {
            group.next().execute(() -> ex.complete(endNs, error, cancelled));
        } catch (RejectedExecutionException e) {
            ex.complete(endNs, error, cancelled);
        }
    }

    /**
     * Resolved once here (cold path) so no DNS lookup ever blocks an event loop; an IPv4 address is preferred, as
     * AIPerf's connector is IPv4-only. Unresolvable names fail per request ({@code UnknownHost}).
     */
    private static InetSocketAddress resolve(EndpointUrl url) {
        try {
            InetAddress[] all = InetAddress.getAllByName(url.host());
            InetAddress chosen = all[0];
            for (InetAddress address : all) {
                if (address instanceof Inet4Address) {
                    chosen = address;
                    break;
                }
            }
            return new InetSocketAddress(chosen, url.port());
        } catch (UnknownHostException e) {
            return InetSocketAddress.createUnresolved(url.host(), url.port());
        }
    }

    private boolean onEventLoop() {
        for (EventExecutor executor : group) {
            if (executor.inEventLoop()) {
                return true;
            }
        }
        return false;
    }

    private void awaitDrained(long budgetNs) {
        long deadline = System.nanoTime() + budgetNs;
        while (inFlightCount.get() > 0 && System.nanoTime() - deadline < 0) {
            if (!sleepBriefly()) {
                return;
            }
        }
    }

    /** @return false if interrupted (the flag is set again) */
    private static boolean sleepBriefly() {
        try {
            Thread.sleep(5);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static final class Target {
        final EndpointUrl url;
        final SimpleChannelPool pool;
        final TargetConnections connections;

        Target(EndpointUrl url, SimpleChannelPool pool, TargetConnections connections) {
            this.url = url;
            this.pool = pool;
            this.connections = connections;
        }
    }
}
