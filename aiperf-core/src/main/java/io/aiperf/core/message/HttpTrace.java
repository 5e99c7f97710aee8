package io.aiperf.core.message;

/**
 * One request's transport phases, stamped by the worker on the connection's event loop with
 * {@code System.nanoTime()} (the clock of every other stamp of its {@link RequestRecord}); only with
 * {@code --export-http-trace} or {@code --show-trace-timing}, else a record carries none. A stamp of a phase that did
 * not happen is -1. The request's start and response-header stamps are the record's own ({@code requestStartNs},
 * {@code responseHeadersNs}).
 *
 * @param connectionAcquiredNs when the request had its connection in hand, before its bytes were encoded
 * @param connectionReused     true when the connection had carried an earlier request
 * @param connectStartNs       a new connection: when its {@code connect} was issued to the socket; else -1
 * @param connectEndNs         a new connection: when TCP connected (with TLS: when the handshake ended); else -1
 * @param writeStartNs         when the encoded request was handed to the connection to be written (the record's
 *                             {@code requestWriteNs})
 * @param sendEndNs            when the last request byte had been written to the socket
 * @param responseStartNs      the read that brought the first byte of the response body
 * @param responseEndNs        the read that completed the response (-1 when it never completed)
 * @param bytesSent            bytes handed to the socket for this request (headers and body; TLS records with TLS)
 * @param chunksSent           buffers handed to the socket for this request
 * @param bytesReceived        bytes read from the socket for this response (headers and body)
 * @param chunksReceived       socket reads that delivered them
 * @param reason               the status line's reason phrase, or null when no response arrived
 * @param localIp              the connection's local address, or null when the request never had a connection
 * @param localPort            its local port (0 when none)
 * @param remoteIp             the server's address, or null
 * @param remotePort           the server's port (0 when none)
 */
public record HttpTrace(
        long connectionAcquiredNs,
        boolean connectionReused,
        long connectStartNs,
        long connectEndNs,
        long writeStartNs,
        long sendEndNs,
        long responseStartNs,
        long responseEndNs,
        long bytesSent,
        long chunksSent,
        long bytesReceived,
        long chunksReceived,
        String reason,
        String localIp,
        int localPort,
        String remoteIp,
        int remotePort) {

    /**
     * When the request's bytes could begin to leave: handed to the connection, or, on a new TLS connection whose
     * handshake ended later, the end of the handshake (the request waited for it inside the TLS handler). -1 when
     * the request was never written.
     */
    public long sendStartNs() {
        return writeStartNs < 0 ? -1 : Math.max(writeStartNs, connectionReused ? -1 : connectEndNs);
    }

    // The phases (AIPerf's HTTP trace guide), one definition for the metrics and the exported trace: each is -1
    // when it cannot be measured on this request (it did not happen, or its stamps are out of order).

    /** Connected − connect issued on a new connection; 0 on a reused one. */
    public long connectingNs() {
        return connectionReused ? 0 : span(connectStartNs, connectEndNs);
    }

    /**
     * Send start − request start − connecting: the client's own time before the bytes could leave (the hand-over of
     * a pooled connection, a new one's set-up around its connect, building the request).
     */
    public long blockedNs(long requestStartNs) {
        long beforeSend = span(requestStartNs, sendStartNs());
        long connecting = connectingNs();
        return beforeSend < 0 || connecting < 0 || connecting > beforeSend ? -1 : beforeSend - connecting;
    }

    /** Request fully written − send start. */
    public long sendingNs() {
        return span(sendStartNs(), sendEndNs);
    }

    /** First response body byte − request fully written. */
    public long waitingNs() {
        return span(sendEndNs, responseStartNs);
    }

    /** Last byte − first body byte (0 when the body came in one read). */
    public long receivingNs() {
        return span(responseStartNs, responseEndNs);
    }

    /** Last byte − send start. */
    public long durationNs() {
        return span(sendStartNs(), responseEndNs);
    }

    private static long span(long fromNs, long toNs) {
        return fromNs < 0 || toNs < fromNs ? -1 : toNs - fromNs;
    }
}
