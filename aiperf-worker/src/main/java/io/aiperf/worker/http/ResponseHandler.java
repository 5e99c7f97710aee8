package io.aiperf.worker.http;

import io.aiperf.core.endpoint.ParsedResponse;
import io.aiperf.core.endpoint.ResponseParseException;
import io.aiperf.core.endpoint.ResponseParser;
import io.aiperf.core.error.OneLine;
import io.aiperf.core.model.ErrorDetails;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;

import java.util.concurrent.TimeUnit;

/**
 * The last handler of a client pipeline: it writes one request at a time and turns what comes back into the
 * request's {@link Exchange}, then hands the connection to {@link TargetConnections}, reusable after a complete
 * keep-alive response and to be closed after anything else. One instance per channel; every method runs on the
 * channel's event loop.
 *
 * <p>Stamps come from the {@link SocketStamper} at the head of the pipeline, i.e. the arrival of the network read that
 * completed the message, not the time this handler got around to it.
 */
final class ResponseHandler extends ChannelInboundHandlerAdapter {

    /** AIPerf's invalid-record rule: a 2xx answer without a single content response (empty choices, empty text). */
    private static final ErrorDetails NO_CONTENT =
            new ErrorDetails(null, "InvalidInferenceResultError", "No content responses were received");

    private final SocketStamper stamper;
    private final SseDecoder sse;
    private final TargetConnections connections;
    private final ResponseParser parser;
    private final int maxBodyBytes;
    /** {@code --request-timeout-seconds} in ns (0: none), for the message of a timeout record. */
    private final long requestTimeoutNs;
    /** Every exchange ends with its {@link io.aiperf.core.message.HttpTrace} built. */
    private final boolean traceHttp;

    private Channel channel;
    private Exchange current;

    ResponseHandler(SocketStamper stamper, SseDecoder sse, TargetConnections connections, ResponseParser parser,
                    int maxBodyBytes, long requestTimeoutNs, boolean traceHttp) {
        this.stamper = stamper;
        this.sse = sse;
        this.connections = connections;
        this.parser = parser;
        this.maxBodyBytes = maxBodyBytes;
        this.requestTimeoutNs = requestTimeoutNs;
        this.traceHttp = traceHttp;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        channel = ctx.channel();
    }

    /**
     * Writes the request of {@code ex}; the connection is idle and acquired for it. The request timeout
     * ({@code timeoutNs > 0}) runs from now; a {@code cancelAfterNs} timer from the write's success.
     */
    void start(Exchange ex, FullHttpRequest request, long timeoutNs) {
        current = ex;
        ex.connectionReused = stamper.startExchange();
        if (traceHttp) {
            sse.newExchange();
            ExchangeTrace.begin(ex, stamper);
        }
        if (timeoutNs > 0) {
            ex.timeout = channel.eventLoop().schedule(() -> timedOut(ex), timeoutNs, TimeUnit.NANOSECONDS);
        }
        ex.requestWriteNs = System.nanoTime();
        channel.writeAndFlush(request).addListener(f -> {
            if (f.isSuccess()) {
                sent(ex);
            } else {
                fail(ex, System.nanoTime(), Failures.of(f.cause()));
            }
        });
    }

    /**
     * The whole request is written (AIPerf's "request fully sent"): arm the credit's cancellation timer, on this
     * channel's event loop. A delay of 0 cancels at once; a response that ends first cancels the timer
     * ({@link Exchange#complete}).
     */
    private void sent(Exchange ex) {
        if (current != ex) {
            return;
        }
        ex.sentNs = System.nanoTime();
        Long cancelAfterNs = ex.credit.cancelAfterNs();
        if (cancelAfterNs == null) {
            return;
        }
        if (cancelAfterNs <= 0) {
            cancel(ex);
        } else {
            ex.cancelTimer = channel.eventLoop().schedule(() -> cancel(ex), cancelAfterNs, TimeUnit.NANOSECONDS);
        }
    }

    /**
     * Aborts {@code ex} if it is still running on this connection (its cancellation timer, {@code cancelAll} or
     * {@code close}): the connection is closed, never reused, and the record is {@code cancelled} with error 499.
     */
    void cancel(Exchange ex) {
        if (current == ex) {
            long now = System.nanoTime();
            finish(ex, now, ex.cancellation(now), true, false);
        }
    }

    private void timedOut(Exchange ex) {
        if (current == ex) {
            fail(ex, System.nanoTime(), Failures.timeout(ex.sentNs >= 0, requestTimeoutNs));
        }
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        Exchange ex = current;
        try {
            if (ex == null) {
                // Bytes on an idle or abandoned connection: it cannot be trusted for another request.
                ctx.close();
            } else if (msg instanceof SseEvent event) {
                onEvent(ex, event);
            } else if (msg instanceof StreamTooLarge tooLarge) {
                fail(ex, stamper.lastReadNs(), Failures.of(Failures.RESPONSE_TOO_LARGE,
                        "response stream exceeds " + tooLarge.maxBytes() + " bytes"));
            } else if (msg instanceof HttpObject http) {
                onHttpObject(ex, http);
            }
        } catch (RuntimeException e) {
            fail(ex, System.nanoTime(), Failures.of("InternalError", OneLine.messageOf(e)));
        } finally {
            ReferenceCountUtil.release(msg);
        }
    }

    private void onHttpObject(Exchange ex, HttpObject msg) {
        if (msg.decoderResult().isFailure()) {
            fail(ex, stamper.lastReadNs(), Failures.invalidHttp(msg.decoderResult().cause()));
            return;
        }
        if (msg instanceof HttpResponse response) {
            int code = response.status().code();
            if (code >= 100 && code < 200 && code != 101) {
                return; // informational (e.g. 103 Early Hints); the real response follows
            }
            ex.status = code;
            ex.reason = response.status().reasonPhrase();
            ex.responseHeadersNs = stamper.lastReadNs();
            ex.keepAlive = HttpUtil.isKeepAlive(response);
            ex.eventStream = SseDecoder.isEventStream(response);
            if (ex.raw != null) {
                ex.contentType = response.headers().get(HttpHeaderNames.CONTENT_TYPE);
                ex.raw.responseHeaders(response.headers());
            }
        }
        if (msg instanceof HttpContent content) {
            if (ex.status == 0) {
                return; // end of an informational response
            }
            if (!ex.eventStream) {
                boolean success = ex.status >= 200 && ex.status < 300;
                if (!ex.appendBody(content.content(), success ? maxBodyBytes : Exchange.ERROR_BODY_BYTES)) {
                    if (success) {
                        fail(ex, stamper.lastReadNs(), Failures.of(Failures.RESPONSE_TOO_LARGE,
                                "response body exceeds " + maxBodyBytes + " bytes"));
                        return;
                    }
                    ex.bodyTruncated = true;
                }
            }
            if (msg instanceof LastHttpContent) {
                onEnd(ex);
            }
        }
    }

    private void onEvent(Exchange ex, SseEvent event) {
        long arrivalNs = stamper.lastReadNs();
        if (ex.raw != null) {
            ex.raw.event(arrivalNs, event);
        }
        if (event.isError()) {
            fail(ex, arrivalNs, Failures.sseError(event.comment(), event.data()));
            return;
        }
        String data = event.data();
        if (data == null || data.isEmpty() || event.isDone()) {
            return;
        }
        ParsedResponse parsed;
        try {
            parsed = parser.parse(data);
        } catch (ResponseParseException e) {
            fail(ex, arrivalNs, Failures.of(Failures.RESPONSE_PARSE, e.getMessage()));
            return;
        }
        ex.usage(parsed.usage());
        if (parsed.hasContent()) {
            ex.addResponse(arrivalNs, parsed.text(), parsed.reasoning());
        }
    }

    private void onEnd(Exchange ex) {
        long endNs = stamper.lastReadNs();
        ex.responseEndNs = endNs;
        int code = ex.status;
        String text = ex.eventStream ? null : ex.bodyText(); // decoded once: a body may be large
        if (ex.raw != null && text != null) {
            ex.raw.body(endNs, ex.contentType, text);
        }
        ErrorDetails error = null;
        if (code < 200 || code >= 300) {
            // one line, whatever the server sent (a proxy's HTML error page has many)
            String body = (text != null ? text : ex.bodyText()).strip().replaceAll("\\s+", " ");
            String reason = ex.reason;
            error = new ErrorDetails(code, reason, body.isEmpty() ? code + " " + reason
                    : ex.bodyTruncated ? body + "…" : body);
        } else if (text != null && !text.isEmpty()) {
            try {
                ParsedResponse parsed = parser.parse(text);
                ex.usage(parsed.usage());
                if (parsed.hasContent()) {
                    ex.addResponse(endNs, parsed.text(), parsed.reasoning());
                }
            } catch (ResponseParseException e) {
                error = Failures.of(Failures.RESPONSE_PARSE, e.getMessage());
            }
        }
        if (error == null && !ex.hasResponses()) {
            error = NO_CONTENT;
        }
        finish(ex, endNs, error, false, ex.keepAlive);
    }

    /** Ends {@code ex} with an error mid-response: the connection's state is unknown, so it is closed. */
    private void fail(Exchange ex, long endNs, ErrorDetails error) {
        if (current == ex) {
            finish(ex, endNs, error, false, false);
        }
    }

    private void finish(Exchange ex, long endNs, ErrorDetails error, boolean cancelled, boolean reuse) {
        current = null;
        if (traceHttp) {
            ex.trace = ExchangeTrace.end(ex, stamper, sse.bodyStartNs(), channel);
        }
        connections.release(ex, channel, reuse);
        ex.complete(endNs, error, cancelled);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        Exchange ex = current;
        if (ex != null) {
            finish(ex, stamper.lastReadNs(), Failures.of(Failures.CONNECTION_CLOSED,
                    "connection closed before the response ended"), false, false);
        }
        ctx.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        Exchange ex = current;
        if (ex != null) {
            finish(ex, System.nanoTime(), Failures.of(cause), false, false);
        } else {
            ctx.close();
        }
    }
}
