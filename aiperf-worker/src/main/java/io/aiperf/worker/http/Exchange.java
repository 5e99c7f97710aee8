package io.aiperf.worker.http;

import io.aiperf.core.message.Credit;
import io.aiperf.core.message.HttpTrace;
import io.aiperf.core.message.RequestRecord;
import io.aiperf.core.model.ErrorDetails;
import io.aiperf.core.model.MediaResult;
import io.aiperf.core.model.ResponseChunk;
import io.aiperf.core.model.Usage;
import io.aiperf.core.time.EpochAnchor;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.util.concurrent.Promise;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;

/**
 * One request from {@code send} to {@code onDone}: its identity, its stamps and what the response carried.
 *
 * <p>Threading: the response fields are written only on the event loop of the channel the request was written to.
 * The few fields another thread may touch for cancellation are volatile; {@link #complete} is guarded by a CAS so the
 * record is delivered exactly once, whichever path ends the request first.
 */
final class Exchange {

    private static final AtomicIntegerFieldUpdater<Exchange> DONE =
            AtomicIntegerFieldUpdater.newUpdater(Exchange.class, "done");

    /** Bytes of an error (non-2xx) body kept for the record's message. */
    static final int ERROR_BODY_BYTES = 1024;

    final Credit credit;
    /** The exact body to send. */
    final String payloadJson;
    /** Copied into the record (worker-rendered turns); null for pre-rendered bodies. */
    private final String inputText;
    final long creditReceivedNs;
    final long requestStartNs;
    /** Set on the event loop just before the request is written; -1 until then. */
    long requestWriteNs = -1;
    final String xRequestId;
    private final HttpTransport transport;
    private final RequestCallbacks callbacks;
    /** The exchange as sent and received, only at export level raw; else null. */
    final RawCapture raw;

    // Touched by cancelling threads.
    volatile boolean cancelRequested;
    volatile Promise<Channel> acquirePromise;
    volatile ResponseHandler handler;
    volatile Channel channel;
    private volatile int done;

    // Confined to the channel's event loop.
    int status;
    String reason;
    long responseHeadersNs = -1;
    boolean eventStream;
    /** The response's content type, recorded only for {@link #raw}. */
    String contentType;
    boolean keepAlive = true;
    ScheduledFuture<?> timeout;
    /** When the write of the whole request succeeded; -1 until then. The cancellation delay counts from here. */
    long sentNs = -1;
    /** The {@code cancelAfterNs} timer, armed when the body is fully sent. */
    ScheduledFuture<?> cancelTimer;
    private ArrayList<ResponseChunk> responses;
    private Usage usage;
    private byte[] body;
    private int bodyLength;
    /** An error body longer than {@link #ERROR_BODY_BYTES}: its message is marked as cut. */
    boolean bodyTruncated;
    /** When the connection was in hand on its loop, just before the request was built; -1 until then. */
    long connectionAcquiredNs = -1;
    /** The connection had carried an earlier exchange. */
    boolean connectionReused;
    /** The read that completed the response; -1 while it has not (or never) ended. */
    long responseEndNs = -1;
    // The connection's byte and buffer counts when this exchange began: only with the HTTP trace.
    long bytesWrittenBefore;
    long writesBefore;
    long bytesReadBefore;
    long readsBefore;
    /** Built when the exchange ends, only with the HTTP trace; else null. */
    HttpTrace trace;

    Exchange(HttpTransport transport, Credit credit, String payloadJson, String inputText, long creditReceivedNs,
             long requestStartNs, String xRequestId, RequestCallbacks callbacks) {
        this.transport = transport;
        this.credit = credit;
        this.payloadJson = payloadJson;
        this.inputText = inputText;
        this.creditReceivedNs = creditReceivedNs;
        this.requestStartNs = requestStartNs;
        this.xRequestId = xRequestId;
        this.callbacks = callbacks;
        this.raw = transport.captureRaw() ? new RawCapture(payloadJson, transport.secrets()) : null;
    }

    boolean isDone() {
        return done != 0;
    }

    /** Adds a content response; the first one triggers {@code firstToken} when the credit asked for it. */
    void addResponse(long arrivalNs, String text, String reasoning) {
        if (responses == null) {
            responses = new ArrayList<>(64);
        }
        boolean first = responses.isEmpty();
        responses.add(new ResponseChunk(arrivalNs, text, reasoning));
        if (first && credit.reportFirstToken() && done == 0) {
            try {
                callbacks.firstToken(credit, arrivalNs);
            } catch (RuntimeException e) {
                transport.onDoneFailed(e);
            }
        }
    }

    boolean hasResponses() {
        return responses != null && !responses.isEmpty();
    }

    /** Last non-null wins, as in AIPerf. */
    void usage(Usage u) {
        if (u != null) {
            usage = u;
        }
    }

    /**
     * Appends body bytes, keeping at most {@code limit} in total.
     *
     * @return false when the body went beyond the limit (the excess is dropped)
     */
    boolean appendBody(ByteBuf content, int limit) {
        int length = content.readableBytes();
        if (length == 0) {
            return true;
        }
        int keep = Math.min(length, limit - bodyLength);
        if (keep > 0) {
            if (body == null) {
                body = new byte[Math.max(keep, 1024)];
            } else if (bodyLength + keep > body.length) {
                body = Arrays.copyOf(body, Math.min(limit, Math.max(bodyLength + keep, body.length * 2)));
            }
            content.getBytes(content.readerIndex(), body, bodyLength, keep);
            bodyLength += keep;
        }
        return keep == length;
    }


    String bodyText() {
        return bodyLength == 0 ? "" : new String(body, 0, bodyLength, StandardCharsets.UTF_8);
    }

    /**
     * The 499 error of a request cancelled on purpose, by its own {@code cancelAfterNs} timer or by
     * {@code cancelAll}: the seconds (3 decimals) count from the moment the body was fully sent, as in AIPerf.
     */
    ErrorDetails cancellation(long nowNs) {
        long sent = sentNs;
        String message = sent >= 0
                ? String.format(Locale.ROOT, "Request cancelled %.3fs after being sent", (nowNs - sent) / 1e9)
                : "Request cancelled before it was sent";
        return new ErrorDetails(499, "RequestCancellationError", message);
    }

    /**
     * Builds the record and hands it to {@code callbacks.done}, once. Called on an event loop, except when the transport is
     * already closed (then on the caller's thread).
     *
     * @return false if the exchange had already completed
     */
    boolean complete(long requestEndNs, ErrorDetails error, boolean cancelled) {
        if (!DONE.compareAndSet(this, 0, 1)) {
            return false;
        }
        ScheduledFuture<?> t = timeout;
        if (t != null) {
            t.cancel(false);
        }
        ScheduledFuture<?> c = cancelTimer;
        if (c != null) {
            c.cancel(false);
        }
        transport.completed(this);
        List<ResponseChunk> chunks = responses == null ? List.of() : responses;
        RequestRecord record = new RequestRecord(
                transport.workerId(),
                credit.creditId(),
                credit.phase(),
                credit.conversationId(),
                credit.turnIndex(),
                xRequestId,
                credit.xCorrelationId(),
                creditReceivedNs,
                requestStartNs,
                requestWriteNs,
                responseHeadersNs,
                requestEndNs,
                EpochAnchor.process().epochNsOf(requestStartNs),
                status,
                chunks,
                usage,
                error == null ? null : transport.masked(error),
                cancelled,
                credit.intendedNs(),
                inputText,
                credit.inputTokens(),
                credit.maxTokens(),
                raw == null ? null : raw.build(),
                trace,
                credit.issuedNs(),
                credit.sessionNum(),
                MediaResult.of(credit.inputImages(), null, null));
        try {
            callbacks.done(credit, record);
        } catch (RuntimeException e) {
            transport.onDoneFailed(e);
        }
        return true;
    }
}
