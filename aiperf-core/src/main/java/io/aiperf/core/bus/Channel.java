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
    CLI_INBOX(SocketType.PULL, SocketType.PUSH),

    /**
     * → controller: the CLI's {@code StartRun} and {@code CancelRun}; the records manager's registration, readiness,
     * progress and results. The controller binds it.
     */
    CONTROL(SocketType.PULL, SocketType.PUSH),

    /**
     * Controller → every service and the CLI: heartbeat, configuration, phase start, progress, cancellation,
     * shutdown. The controller binds it.
     */
    EVENTS(SocketType.PUB, SocketType.SUB),

    /**
     * Controller ↔ workers: credits out to one worker (by identity); registration, readiness, first tokens, returns
     * and status back. The controller binds it.
     */
    CREDITS(SocketType.ROUTER, SocketType.DEALER),

    /** Workers → records manager: one {@code RequestRecord} per finished request. The records manager binds it. */
    RECORDS(SocketType.PULL, SocketType.PUSH);

    private final SocketType bindType;
    private final SocketType connectType;

    Channel(SocketType bindType, SocketType connectType) {
        this.bindType = bindType;
        this.connectType = connectType;
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
