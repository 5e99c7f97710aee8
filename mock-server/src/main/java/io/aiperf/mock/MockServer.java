package io.aiperf.mock;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.handler.ssl.SslContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * An OpenAI-compatible mock inference server, embeddable in tests:
 *
 * <pre>{@code
 * try (MockServer server = MockServer.start(MockConfig.ephemeral().withTiming(100, 20))) {
 *     URI chat = URI.create(server.baseUrl() + "/v1/chat/completions");
 *     // ... drive a client at it, then inspect server.requestLog() and server.peakConcurrency()
 * }
 * }</pre>
 *
 * Thread-safe; every accessor may be called from any thread while the server runs.
 */
public final class MockServer implements AutoCloseable {

    private final MockConfig config;
    private final EventLoopGroup bossGroup;
    private final EventLoopGroup workerGroup;
    private final Channel serverChannel;
    private final RequestLog requestLog;
    private final int port;
    private final boolean tls;

    private MockServer(MockConfig config, EventLoopGroup bossGroup, EventLoopGroup workerGroup,
                       Channel serverChannel, RequestLog requestLog, boolean tls) {
        this.config = config;
        this.tls = tls;
        this.bossGroup = bossGroup;
        this.workerGroup = workerGroup;
        this.serverChannel = serverChannel;
        this.requestLog = requestLog;
        this.port = ((InetSocketAddress) serverChannel.localAddress()).getPort();
    }

    /**
     * Binds and starts serving; returns once the port accepts connections.
     *
     * @throws UncheckedIOException wrapping a {@link java.net.BindException} if the port is taken
     */
    public static MockServer start(MockConfig config) {
        return start(config, null);
    }

    /**
     * {@link #start(MockConfig)} serving HTTPS with {@code tls} (a server context, e.g. a test's self-signed
     * certificate), or plain HTTP when it is null.
     */
    public static MockServer start(MockConfig config, SslContext tls) {
        Warmup.run();
        Transport transport = Transport.best();
        // One acceptor thread is plenty; the worker default (2 x cores) matches Netty's own servers.
        EventLoopGroup bossGroup = new MultiThreadIoEventLoopGroup(1, transport.ioHandlerFactory());
        EventLoopGroup workerGroup = new MultiThreadIoEventLoopGroup(transport.ioHandlerFactory());
        RequestLog requestLog = new RequestLog();
        ServedTraffic traffic = new ServedTraffic();
        try {
            Channel channel = new ServerBootstrap()
                    .group(bossGroup, workerGroup)
                    .channel(transport.serverChannelClass())
                    .option(ChannelOption.SO_BACKLOG, 4096)
                    .option(ChannelOption.SO_REUSEADDR, true)
                    // Each SSE event must leave at its scheduled time, not wait for Nagle to batch it.
                    .childOption(ChannelOption.TCP_NODELAY, true)
                    .childHandler(new MockServerInitializer(new Router(config, requestLog, traffic), tls))
                    .bind(config.host(), config.port())
                    .syncUninterruptibly()
                    .channel();
            return new MockServer(config, bossGroup, workerGroup, channel, requestLog, tls != null);
        } catch (Exception e) {
            shutdown(bossGroup, workerGroup);
            // Netty rethrows the bind's checked IOException without declaring it, and native epoll's is not
            // a BindException; callers should not need to know which transport was picked.
            if (e instanceof IOException) {
                String reason = e.getMessage() == null ? e.toString() : e.getMessage();
                reason = reason.substring(reason.lastIndexOf(": ") + 1).trim(); // drop "bind(..) failed ...: "
                BindException bind = e instanceof BindException ? (BindException) e : new BindException(reason);
                if (bind != e) {
                    bind.initCause(e);
                }
                throw new UncheckedIOException(
                        "cannot listen on " + config.host() + ":" + config.port() + ": " + reason, bind);
            }
            throw e;
        }
    }

    public MockConfig config() {
        return config;
    }

    /** The bound port: the actual one when the config asked for port 0. */
    public int port() {
        return port;
    }

    /**
     * Where clients connect, e.g. {@code http://127.0.0.1:41234} ({@code https://} when serving TLS); a wildcard bind
     * maps to loopback.
     */
    public String baseUrl() {
        return (tls ? "https://" : "http://") + urlHost(connectHost(config.host())) + ":" + port;
    }

    /** An immutable snapshot of every inference request received so far, in arrival order. */
    public List<RequestRecord> requestLog() {
        return requestLog.snapshot();
    }

    /** Forgets all arrival records and restarts peak-concurrency tracking from the current in-flight count. */
    public void clearRequestLog() {
        requestLog.clear();
    }

    /** Most inference requests in flight at once (arrival until response fully written) since start or clear. */
    public int peakConcurrency() {
        return requestLog.peakConcurrency();
    }

    /** Inference requests in flight right now. */
    public int inFlight() {
        return requestLog.inFlight();
    }

    /** Stops accepting, drops open connections, and frees the port and all threads before returning. */
    @Override
    public void close() {
        serverChannel.close().syncUninterruptibly();
        shutdown(bossGroup, workerGroup);
    }

    /** Blocks until {@link #close()} is called from elsewhere (e.g. a shutdown hook). */
    void awaitClose() throws InterruptedException {
        serverChannel.closeFuture().sync();
    }

    private static void shutdown(EventLoopGroup... groups) {
        // Quiet period 0: a mock has no in-flight work worth waiting for, and tests close servers constantly.
        for (EventLoopGroup group : groups) {
            group.shutdownGracefully(0, 5, TimeUnit.SECONDS);
        }
        for (EventLoopGroup group : groups) {
            group.terminationFuture().syncUninterruptibly();
        }
    }

    static String connectHost(String bindHost) {
        return switch (bindHost) {
            case "0.0.0.0", "::", "[::]" -> "127.0.0.1";
            default -> bindHost;
        };
    }

    static String urlHost(String host) {
        return host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
    }
}
