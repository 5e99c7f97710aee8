package io.aiperf.core.bus;

import io.aiperf.core.config.ServiceConfig;
import io.aiperf.core.error.OneLine;
import io.aiperf.core.message.Message;
import io.aiperf.core.message.MessageCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;
import org.zeromq.ZMQException;
import zmq.ZError;

import java.io.UncheckedIOException;

/**
 * Creates JeroMQ sockets the way every aiperf process needs them and moves {@link Message}s over them.
 *
 * <p>Sockets are opened per {@link Channel}: its binder calls {@link #bind}, the others {@link #connect}, so a socket
 * type is never chosen by hand. Every socket binds to an ephemeral port on one interface: loopback
 * ({@code tcp://127.0.0.1:*}) unless {@code --zmq-host} names another, so two runs on one machine never collide. The
 * CLI binds on the interface the user chose; every service it starts binds beside the endpoint it was told to
 * connect to ({@link #bindingBeside}), so the choice reaches each process without a setting of its own. High-water marks are 0 (unbounded): JeroMQ's default of 1000 silently drops PUB/SUB messages under a
 * burst, and a lost record is a wrong number. A socket belongs to the thread that uses it; the context is shared.
 */
public final class ZmqBus implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ZmqBus.class);

    /** How long a closing PUSH socket keeps trying to deliver what is still queued. */
    private static final int PUSH_LINGER_MS = 5_000;

    /**
     * How long a new connection's ZMTP handshake may take before JeroMQ drops it and reconnects (its default: 30 s).
     * JeroMQ 0.6.0 sometimes loses a freshly connected socket from its poller, so the connection never sends its
     * greeting and sits idle until this timer fires (jeromq#1022: "1-6 % of fresh connections, rising under CPU
     * load"). Measured here: a 30 s stall before the run started in 4 of ~30 start-ups (the controller's connection
     * to the CLI, Recv-Q holding the CLI's 10-byte greeting unread). On loopback a handshake takes milliseconds even
     * under load; one that took longer than this is simply tried again.
     */
    private static final int HANDSHAKE_MS = 1_000;

    /** Where sockets bind unless {@code --zmq-host} says otherwise. */
    public static final String LOOPBACK = ServiceConfig.DEFAULT_ZMQ_HOST;

    private final ZContext context = new ZContext(1);
    private final String bindHost;

    /** A bus whose sockets bind on loopback. */
    public ZmqBus() {
        this(LOOPBACK);
    }

    /** A bus whose sockets bind on {@code bindHost}, an IPv4 address ({@code 0.0.0.0}: every interface). */
    public ZmqBus(String bindHost) {
        this.bindHost = bindHost == null || bindHost.isBlank() ? LOOPBACK : bindHost;
    }

    /**
     * A bus that binds on the host of {@code endpoint} ({@code tcp://HOST:PORT}): a service binds where the process
     * that started it is reached. An endpoint bound on every interface ({@code 0.0.0.0}) gives the same.
     */
    public static ZmqBus bindingBeside(String endpoint) {
        return new ZmqBus(hostOf(endpoint));
    }

    /** The host of a {@code tcp://HOST:PORT} endpoint, or loopback for anything else. */
    static String hostOf(String endpoint) {
        if (endpoint == null || !endpoint.startsWith("tcp://")) {
            return LOOPBACK;
        }
        int colon = endpoint.lastIndexOf(':');
        String host = colon > "tcp://".length() ? endpoint.substring("tcp://".length(), colon) : "";
        return host.isEmpty() ? LOOPBACK : host;
    }

    /** The interface this bus binds on. */
    public String bindHost() {
        return bindHost;
    }

    /** Binds the binding end of {@code channel} to an ephemeral port on the bind host; {@link #endpointOf} tells which. */
    public ZMQ.Socket bind(Channel channel) {
        return bind(channel, 0);
    }

    /**
     * Binds the binding end of {@code channel} on the bind host, at its fixed port from {@code basePort} on
     * ({@link Channel#portFrom}), or at an ephemeral one when that is 0.
     *
     * @throws PortTakenException when the fixed port is in use
     */
    public ZMQ.Socket bind(Channel channel, int basePort) {
        ZMQ.Socket socket = newSocket(channel.bindType());
        int port = channel.portFrom(basePort);
        try {
            socket.bind("tcp://" + bindHost + ":" + (port == 0 ? "*" : String.valueOf(port)));
        } catch (ZMQException e) {
            socket.close();
            if (port != 0 && e.getErrorCode() == ZError.EADDRINUSE) {
                throw new PortTakenException(bindHost, port, channel);
            }
            throw e;
        }
        return socket;
    }

    /** Connects a connecting end of {@code channel} to {@code endpoint}. */
    public ZMQ.Socket connect(Channel channel, String endpoint) {
        return connect(channel, endpoint, null);
    }

    /** Connects a connecting end of {@code channel}; {@code identity} names a DEALER to the ROUTER it talks to. */
    public ZMQ.Socket connect(Channel channel, String endpoint, String identity) {
        SocketType type = channel.connectType();
        ZMQ.Socket socket = newSocket(type);
        if (identity != null) {
            socket.setIdentity(identity.getBytes(ZMQ.CHARSET));
        }
        if (type == SocketType.SUB) {
            socket.subscribe(ZMQ.SUBSCRIPTION_ALL);
        }
        socket.connect(endpoint);
        return socket;
    }

    private ZMQ.Socket newSocket(SocketType type) {
        ZMQ.Socket socket = context.createSocket(type);
        socket.setSndHWM(0);
        socket.setRcvHWM(0);
        socket.setLinger(type == SocketType.PUSH || type == SocketType.DEALER ? PUSH_LINGER_MS : 0);
        socket.setHandshakeIvl(HANDSHAKE_MS);
        if (type == SocketType.ROUTER) {
            // An unknown identity is a bug we want to see, not a silent drop.
            socket.setRouterMandatory(true);
        }
        return socket;
    }

    public static String endpointOf(ZMQ.Socket socket) {
        return socket.getLastEndpoint();
    }

    public static void send(ZMQ.Socket socket, Message message) {
        socket.send(MessageCodec.encode(message), 0);
    }

    /**
     * ROUTER → the DEALER whose identity is {@code identity}, without waiting.
     *
     * @return false when that DEALER's connection is closing: the ROUTER still knows it but no longer writes to it,
     *         and a blocking send waited for it forever (the controller hung so when a joined worker was killed as it
     *         answered that worker's clock probe). A live peer always takes the message: the high-water marks are 0.
     * @throws org.zeromq.ZMQException {@code EHOSTUNREACH} for an identity the ROUTER does not know (ROUTER_MANDATORY)
     */
    public static boolean sendTo(ZMQ.Socket router, String identity, Message message) {
        if (!router.send(identity.getBytes(ZMQ.CHARSET), ZMQ.SNDMORE | ZMQ.DONTWAIT)) {
            return false;
        }
        return router.send(MessageCodec.encode(message), ZMQ.DONTWAIT);
    }

    /** The next message, or null if none is waiting. */
    public static Message poll(ZMQ.Socket socket) {
        byte[] bytes = socket.recv(ZMQ.DONTWAIT);
        return bytes == null ? null : MessageCodec.decode(bytes);
    }

    /** Blocks up to {@code timeoutMs} (JeroMQ receive timeout) for the next message; null on timeout. */
    public static Message receive(ZMQ.Socket socket, int timeoutMs) {
        socket.setReceiveTimeOut(timeoutMs);
        byte[] bytes = socket.recv(0);
        return bytes == null ? null : MessageCodec.decode(bytes);
    }

    /** Reads one ROUTER frame pair; returns null if nothing is waiting. */
    public static Routed pollRouted(ZMQ.Socket router) {
        byte[] identity = router.recv(ZMQ.DONTWAIT);
        if (identity == null) {
            return null;
        }
        byte[] body = router.recv(0);
        long receivedNs = System.nanoTime();
        String sender = new String(identity, ZMQ.CHARSET);
        Message message;
        try {
            message = MessageCodec.decode(body);
        } catch (UncheckedIOException e) {
            // The ROUTER takes frames from anyone who reaches its port (--zmq-host): a peer of another build or a
            // stray client must not end the run. Its frame is dropped, with a line naming the sender.
            log.warn("dropped a bus message from {} that is no aiperf message of this build: {}", sender,
                    OneLine.of(e));
            message = null;
        }
        return new Routed(sender, message, receivedNs);
    }

    public ZContext context() {
        return context;
    }

    @Override
    public void close() {
        context.close();
    }

    /**
     * A message, the identity of the DEALER that sent it, and the {@code System.nanoTime()} at which it was taken off
     * the socket (before it was decoded). The message is null when the frame could not be decoded (logged): every
     * kind test a reader makes is then false, so it is passed over.
     */
    public record Routed(String identity, Message message, long receivedNs) {
    }
}
