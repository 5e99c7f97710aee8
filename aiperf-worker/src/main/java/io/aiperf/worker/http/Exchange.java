package io.aiperf.worker.http;

import io.aiperf.core.message.Credit;
import io.aiperf.core.message.RequestRecord;
import io.aiperf.core.model.ErrorDetails;
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
import java.util.function.Consumer;

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
    final long creditReceivedNs;
    final long requestStartNs;
    /** Set on the event loop just before the request is written; -1 until then. */
    long requestWriteNs = -1;
    final String xRequestId;
    private final HttpTransport transport;
    private final Consumer<RequestRecord> onDone;

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
    boolean keepAlive = true;
    ScheduledFuture<?> timeout;
    private ArrayList<ResponseChunk> responses;
    private Usage usage;
    private byte[] body;
    private int bodyLength;

    Exchange(HttpTransport transport, Credit credit, long creditReceivedNs, long requestStartNs, String xRequestId,
             Consumer<RequestRecord> onDone) {
        this.transport = transport;
        this.credit = credit;
        this.creditReceivedNs = creditReceivedNs;
        this.requestStartNs = requestStartNs;
        this.xRequestId = xRequestId;
        this.onDone = onDone;
    }

    boolean isDone() {
        return done != 0;
    }

    void addResponse(long arrivalNs, String text, String reasoning) {
        if (responses == null) {
            responses = new ArrayList<>(64);
        }
        responses.add(new ResponseChunk(arrivalNs, text, reasoning));
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

    int bodyLength() {
        return bodyLength;
    }

    String bodyText() {
        return bodyLength == 0 ? "" : new String(body, 0, bodyLength, StandardCharsets.UTF_8);
    }

    /** The 499 error of a request cancelled on purpose. */
    ErrorDetails cancellation(long nowNs, boolean sent) {
        String message = sent
                ? String.format(Locale.ROOT, "Request cancelled %.3fs after being sent",
                        (nowNs - requestStartNs) / 1e9)
                : "Request cancelled before it was sent";
        return new ErrorDetails(499, "RequestCancellationError", message);
    }

    /**
     * Builds the record and hands it to {@code onDone}, once. Called on an event loop, except when the transport is
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
                error,
                cancelled,
                credit.intendedNs(),
                null);
        try {
            onDone.accept(record);
        } catch (RuntimeException e) {
            transport.onDoneFailed(e);
        }
        return true;
    }
}
