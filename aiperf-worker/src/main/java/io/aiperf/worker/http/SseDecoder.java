package io.aiperf.worker.http;

import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToMessageDecoder;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.AsciiString;
import io.netty.util.ReferenceCountUtil;

import java.util.List;

/**
 * Sits after {@code HttpClientCodec} and turns the body of a successful {@code text/event-stream} response into
 * {@link SseEvent}s. Per response it forwards, in order:
 * <ol>
 *   <li>the {@link HttpResponse} (headers) unchanged;</li>
 *   <li>for a 2xx response whose {@code Content-Type} is {@code text/event-stream}: one {@link SseEvent} per
 *       completed block, and at the end any unterminated last block followed by
 *       {@link LastHttpContent#EMPTY_LAST_CONTENT}, so the next handler sees exactly where the stream ended;</li>
 *   <li>for any other response: the {@link HttpContent}s unchanged (retained), for the next handler to aggregate.</li>
 * </ol>
 * An {@link HttpObject} whose decoder result failed (a malformed or truncated response) is forwarded unchanged and
 * the partial SSE state is dropped. An event stream whose body goes past {@code maxStreamBytes} is cut there: one
 * {@link StreamTooLarge} replaces the rest of it (whose bytes are dropped, unparsed), so neither a stream that never
 * ends nor one endless line can grow memory without bound.
 *
 * <p>Buffer ownership: {@link MessageToMessageDecoder} releases every inbound message after {@link #decode}; SSE
 * content is consumed here, pass-through content is retained once so the next handler owns (and releases) it.
 * One instance per channel (not sharable); state is reset at every response, so a keep-alive connection can carry
 * one response after another.
 */
final class SseDecoder extends MessageToMessageDecoder<HttpObject> {

    private final SseEventParser parser = new SseEventParser();
    private final SocketStamper stamper;
    private final long maxStreamBytes;
    private boolean streaming;
    /** Body bytes of the current event stream so far. */
    private long streamBytes;
    /** The current stream went past the cap: the rest of its bytes are dropped. */
    private boolean overflowed;
    private long bodyStartNs = -1;

    /** @param stamper the connection's, whose read stamp marks the arrival of a response's first body byte */
    SseDecoder(SocketStamper stamper) {
        this(stamper, HttpTransport.MAX_BODY_BYTES);
    }

    /** @param maxStreamBytes body bytes an event stream may have; past them it becomes {@link StreamTooLarge} */
    SseDecoder(SocketStamper stamper, long maxStreamBytes) {
        super(HttpObject.class);
        this.stamper = stamper;
        this.maxStreamBytes = maxStreamBytes;
    }

    /** True when the current response is being decoded as an event stream. */
    public boolean streaming() {
        return streaming;
    }

    /**
     * The arrival of the read that brought the current response's first body byte (streamed or not), or -1 while
     * none has come. Seen here because this is the last handler that gets the body as bytes.
     */
    long bodyStartNs() {
        return bodyStartNs;
    }

    /** A new exchange takes the connection: no body of its response has come yet. */
    void newExchange() {
        bodyStartNs = -1;
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, HttpObject msg, List<Object> out) {
        if (msg.decoderResult().isFailure()) {
            streaming = false;
            parser.reset();
            out.add(ReferenceCountUtil.retain(msg));
            return;
        }
        if (msg instanceof HttpResponse response) {
            streaming = isEventStream(response);
            parser.reset();
            streamBytes = 0;
            overflowed = false;
            bodyStartNs = -1;
            if (!(msg instanceof HttpContent)) {
                out.add(msg);
                return;
            }
            if (!streaming) {
                out.add(ReferenceCountUtil.retain(msg));
                return;
            }
            // A FullHttpResponse carrying an event stream: forward the headers alone, then decode its content.
            FullHttpResponse full = (FullHttpResponse) msg;
            out.add(new DefaultHttpResponse(full.protocolVersion(), full.status(), full.headers()));
        }
        if (msg instanceof HttpContent content) {
            if (bodyStartNs < 0 && content.content().isReadable()) {
                bodyStartNs = stamper.lastReadNs();
            }
            if (!streaming) {
                out.add(content.retain());
                return;
            }
            feed(content, out);
            if (content instanceof LastHttpContent) {
                parser.finish(out);
                streaming = false;
                out.add(LastHttpContent.EMPTY_LAST_CONTENT);
            }
        }
    }

    private void feed(HttpContent content, List<Object> out) {
        if (overflowed) {
            return;
        }
        streamBytes += content.content().readableBytes();
        if (streamBytes > maxStreamBytes) {
            overflowed = true;
            parser.reset();
            out.add(new StreamTooLarge(maxStreamBytes));
            return;
        }
        parser.feed(content.content(), out);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        parser.reset();
        streaming = false;
        super.channelInactive(ctx);
    }

    static boolean isEventStream(HttpResponse response) {
        int code = response.status().code();
        if (code < 200 || code >= 300) {
            return false;
        }
        CharSequence mime = HttpUtil.getMimeType(response);
        return mime != null && AsciiString.contentEqualsIgnoreCase(mime.toString().trim(),
                HttpHeaderValues.TEXT_EVENT_STREAM);
    }
}
