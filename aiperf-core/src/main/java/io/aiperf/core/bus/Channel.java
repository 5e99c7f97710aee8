package io.aiperf.core.bus;

import org.zeromq.SocketType;

import java.util.Locale;

/**
 * The bus's channels: who binds each, with which socket type, and what the other side connects with. Every socket an
 * aiperf process opens is one end of one of these; addresses travel between processes only as
 * {@link ServiceEndpoints}, keyed by channel.
 */
public enum Channel {

    /** Controller → CLI: {@code ControllerReady}, {@code RunNotice}, {@code RunFinished}. The CLI binds it. */
    CLI_INBOX(SocketType.PULL, SocketType.PUSH, -1),

    /**
     * → controller: the CLI's {@code StartRun} and {@code CancelRun}; the records manager's registration, readiness,
     * progress and results. The controller binds it.
     */
    CONTROL(SocketType.PULL, SocketType.PUSH, -1),

    /**
     * Controller → every service and the CLI: heartbeat, configuration, phase start, progress, cancellation,
     * shutdown. The controller binds it.
     */
    EVENTS(SocketType.PUB, SocketType.SUB, 1),

    /**
     * Controller ↔ workers: credits out to one worker (by identity); registration, readiness, first tokens, returns
     * and status back. The controller binds it.
     */
    CREDITS(SocketType.ROUTER, SocketType.DEALER, 0),

    /** Workers → records manager: one {@code RequestRecord} per finished request. The records manager binds it. */
    RECORDS(SocketType.PULL, SocketType.PUSH, 2);

    private final SocketType bindType;
    private final SocketType connectType;
    private final int fixedPortOffset;

    /**
     * @param fixedPortOffset where the channel binds relative to {@code --zmq-port}, or -1 for a channel only the
     *                        processes of the controller's host use (always an ephemeral port)
     */
    Channel(SocketType bindType, SocketType connectType, int fixedPortOffset) {
        this.bindType = bindType;
        this.connectType = connectType;
        this.fixedPortOffset = fixedPortOffset;
    }

    /**
     * The port this channel binds to in a run whose remote-facing channels have fixed ports from {@code basePort}
     * on (what a worker on another host dials), or 0 (an ephemeral port) when {@code basePort} is 0 or the channel
     * is used only on the controller's host.
     */
    public int portFrom(int basePort) {
        return basePort <= 0 || fixedPortOffset < 0 ? 0 : basePort + fixedPortOffset;
    }

    /** The socket type of the side that binds. */
    public SocketType bindType() {
        return bindType;
    }

    /** The socket type of the sides that connect. */
    public SocketType connectType() {
        return connectType;
    }

    /** The channel's name on a command line ({@code events}, {@code cli_inbox}). */
    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The channel named {@code value} ({@link #cliName()} or the constant's name, any case). */
    public static Channel fromCli(String value) {
        return valueOf(value.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
    }
}
