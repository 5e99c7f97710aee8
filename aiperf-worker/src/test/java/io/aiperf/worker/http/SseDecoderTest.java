package io.aiperf.worker.http;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.DecoderResult;
import io.netty.handler.codec.PrematureChannelClosureException;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.DefaultLastHttpContent;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class SseDecoderTest {

    @BeforeAll
    static void watchLeaks() {
        LeakWatch.install();
    }

    @AfterAll
    static void noLeaks() throws InterruptedException {
        LeakWatch.assertNoLeaks();
    }

    /** A realistic stream: every line-ending style, comments, no-space data, id/retry, multi-line data, errors. */
    private static final String STREAM = ""
            + ": keep-alive comment\r\n"
            + "\r\n"
            + "data: {\"object\":\"chat.completion.chunk\",\"choices\":[{\"delta\":{\"role\":\"assistant\"}}]}\r\n"
            + "\r\n"
            + "data:{\"object\":\"chat.completion.chunk\",\"choices\":[{\"delta\":{\"content\":\"Hé → 世界\"}}]}\n"
            + "\n"
            + "id: 7\r"
            + "retry: 1000\r"
            + "data: line one\r"
            + "data:  line two keeps one space\r"
            + "data\r"
            + "\r"
            + "event: error\n"
            + ":upstream exploded\n"
            + "\n"
            + "event: error\r\n"
            + "data: {\"message\":\"bad\"}\r\n"
            + "\r\n"
            + "event: message\r\n"
            + "data: [DONE]\r\n"
            + "\r\n"
            + "data: trailing event without terminator";

    private static final List<SseEvent> EXPECTED = List.of(
            new SseEvent("message", null, "keep-alive comment"),
            new SseEvent("message",
                    "{\"object\":\"chat.completion.chunk\",\"choices\":[{\"delta\":{\"role\":\"assistant\"}}]}", null),
            new SseEvent("message",
                    "{\"object\":\"chat.completion.chunk\",\"choices\":[{\"delta\":{\"content\":\"Hé → 世界\"}}]}", null),
            new SseEvent("message", "line one\n line two keeps one space\n", null),
            new SseEvent("error", null, "upstream exploded"),
            new SseEvent("error", "{\"message\":\"bad\"}", null),
            new SseEvent("message", "[DONE]", null),
            new SseEvent("message", "trailing event without terminator", null));

    private static final byte[] BYTES = STREAM.getBytes(StandardCharsets.UTF_8);

    @Test
    void oneBufferDecodesAllEvents() {
        assertThat(decode(List.of(BYTES), false)).containsExactlyElementsOf(EXPECTED);
        assertThat(EXPECTED.get(4).isError()).isTrue();
        assertThat(EXPECTED.get(6).isDone()).isTrue();
    }

    @Test
    void splitAtEveryBytePositionGivesIdenticalEvents() {
        for (int split = 0; split <= BYTES.length; split++) {
            List<byte[]> parts = List.of(Arrays.copyOfRange(BYTES, 0, split),
                    Arrays.copyOfRange(BYTES, split, BYTES.length));
            assertThat(decode(parts, false)).as("split at %d", split).containsExactlyElementsOf(EXPECTED);
            assertThat(decode(parts, true)).as("split at %d, tail in LastHttpContent", split)
                    .containsExactlyElementsOf(EXPECTED);
        }
    }

    @Test
    void oneBufferPerByteGivesIdenticalEvents() {
        List<byte[]> parts = new ArrayList<>();
        for (byte b : BYTES) {
            parts.add(new byte[] {b});
        }
        assertThat(decode(parts, false)).containsExactlyElementsOf(EXPECTED);
    }

    @Test
    void randomThreeWaySplitsGiveIdenticalEvents() {
        Random random = new Random(42);
        for (int i = 0; i < 500; i++) {
            int a = random.nextInt(BYTES.length + 1);
            int b = a + random.nextInt(BYTES.length - a + 1);
            List<byte[]> parts = List.of(Arrays.copyOfRange(BYTES, 0, a), Arrays.copyOfRange(BYTES, a, b),
                    Arrays.copyOfRange(BYTES, b, BYTES.length));
            assertThat(decode(parts, i % 2 == 0)).as("split at %d,%d", a, b).containsExactlyElementsOf(EXPECTED);
        }
    }

    @Test
    void crAtEndOfOneBufferAndLfAtStartOfNextIsOneLineEnd() {
        List<byte[]> parts = List.of(bytes("data: a\r"), bytes("\ndata: b\r"), bytes("\n\r"), bytes("\n"));
        assertThat(decode(parts, false)).containsExactly(new SseEvent("message", "a\nb", null));
    }

    @Test
    void blankLineRightAfterSplitCrrlfEndsTheEvent() {
        // "\r" | "\r\n": the first CR ends the data line, the following CRLF is the blank line.
        List<byte[]> parts = List.of(bytes("data: x\r"), bytes("\r\ndata: y\n\n"));
        assertThat(decode(parts, false))
                .containsExactly(new SseEvent("message", "x", null), new SseEvent("message", "y", null));
    }

    @Test
    void nonEventStreamContentPassesThroughUntouched() {
        EmbeddedChannel ch = new EmbeddedChannel(new SseDecoder(new SocketStamper(false)));
        HttpResponse response = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK);
        response.headers().set(HttpHeaderNames.CONTENT_TYPE, "application/json");
        ByteBuf body = Unpooled.copiedBuffer("data: not sse\n\n", StandardCharsets.UTF_8);
        ch.writeInbound(response, new DefaultLastHttpContent(body));
        assertThat((Object) ch.readInbound()).isSameAs(response);
        HttpContent content = ch.readInbound();
        assertThat(content.content().toString(StandardCharsets.UTF_8)).isEqualTo("data: not sse\n\n");
        assertThat(content.refCnt()).isEqualTo(1);
        content.release();
        assertThat(body.refCnt()).isZero();
        assertThat(ch.finish()).isFalse();
    }

    @Test
    void errorStatusIsNotDecodedAsEventStream() {
        EmbeddedChannel ch = new EmbeddedChannel(new SseDecoder(new SocketStamper(false)));
        HttpResponse response = eventStreamResponse(HttpResponseStatus.SERVICE_UNAVAILABLE);
        ch.writeInbound(response, new DefaultLastHttpContent(Unpooled.copiedBuffer("busy", StandardCharsets.UTF_8)));
        assertThat((Object) ch.readInbound()).isSameAs(response);
        LastHttpContent last = ch.readInbound();
        assertThat(last.content().toString(StandardCharsets.UTF_8)).isEqualTo("busy");
        last.release();
        assertThat(ch.finish()).isFalse();
    }

    @Test
    void failedDecoderResultIsForwardedAndDropsPartialState() {
        EmbeddedChannel ch = new EmbeddedChannel(new SseDecoder(new SocketStamper(false)));
        ByteBuf partial = Unpooled.copiedBuffer("data: half an ev", StandardCharsets.UTF_8);
        LastHttpContent broken = new DefaultLastHttpContent(Unpooled.EMPTY_BUFFER);
        broken.setDecoderResult(DecoderResult.failure(new PrematureChannelClosureException("closed")));
        ch.writeInbound(eventStreamResponse(HttpResponseStatus.OK), new DefaultHttpContent(partial), broken);
        assertThat((Object) ch.readInbound()).isInstanceOf(HttpResponse.class);
        LastHttpContent forwarded = ch.readInbound();
        assertThat(forwarded.decoderResult().isFailure()).isTrue();
        forwarded.release();
        assertThat((Object) ch.readInbound()).isNull();
        assertThat(partial.refCnt()).isZero();
        assertThat(ch.finish()).isFalse();
    }

    @Test
    void fullResponseCarryingAnEventStreamIsSplitIntoHeadersAndEvents() {
        EmbeddedChannel ch = new EmbeddedChannel(new SseDecoder(new SocketStamper(false)));
        ByteBuf body = Unpooled.copiedBuffer("data: a\n\ndata: b", StandardCharsets.UTF_8);
        FullHttpResponse full = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK, body);
        full.headers().set(HttpHeaderNames.CONTENT_TYPE, "text/event-stream");
        ch.writeInbound(full);
        HttpResponse head = ch.readInbound();
        assertThat(head).isNotInstanceOf(FullHttpResponse.class);
        assertThat(head.headers().get(HttpHeaderNames.CONTENT_TYPE)).isEqualTo("text/event-stream");
        assertThat((Object) ch.readInbound()).isEqualTo(new SseEvent("message", "a", null));
        assertThat((Object) ch.readInbound()).isEqualTo(new SseEvent("message", "b", null));
        assertThat((Object) ch.readInbound()).isSameAs(LastHttpContent.EMPTY_LAST_CONTENT);
        assertThat(body.refCnt()).isZero();
        assertThat(ch.finish()).isFalse();
    }

    @Test
    void aStreamPastItsCapBecomesOneStreamTooLargeAndTheRestIsDropped() {
        EmbeddedChannel ch = new EmbeddedChannel(new SseDecoder(new SocketStamper(false), 20));
        ByteBuf first = Unpooled.copiedBuffer("data: a\n\n", StandardCharsets.UTF_8); // 9 bytes: within the cap
        ByteBuf endless = Unpooled.copiedBuffer("data: " + "x".repeat(30), StandardCharsets.UTF_8); // one long line
        ByteBuf more = Unpooled.copiedBuffer("xxxx\n\ndata: b\n\n", StandardCharsets.UTF_8);
        ch.writeInbound(eventStreamResponse(HttpResponseStatus.OK), new DefaultHttpContent(first),
                new DefaultHttpContent(endless), new DefaultHttpContent(more), new DefaultLastHttpContent());
        assertThat((Object) ch.readInbound()).isInstanceOf(HttpResponse.class);
        assertThat((Object) ch.readInbound()).isEqualTo(new SseEvent("message", "a", null));
        assertThat((Object) ch.readInbound()).isEqualTo(new StreamTooLarge(20));
        assertThat((Object) ch.readInbound()).as("nothing of the rest is parsed")
                .isSameAs(LastHttpContent.EMPTY_LAST_CONTENT);
        assertThat(first.refCnt() + endless.refCnt() + more.refCnt()).isZero();

        // The next response on the connection starts with a fresh count.
        ch.writeInbound(eventStreamResponse(HttpResponseStatus.OK),
                new DefaultLastHttpContent(Unpooled.copiedBuffer("data: c\n\n", StandardCharsets.UTF_8)));
        assertThat((Object) ch.readInbound()).isInstanceOf(HttpResponse.class);
        assertThat((Object) ch.readInbound()).isEqualTo(new SseEvent("message", "c", null));
        assertThat((Object) ch.readInbound()).isSameAs(LastHttpContent.EMPTY_LAST_CONTENT);
        assertThat(ch.finish()).isFalse();
    }

    @Test
    void keepAliveConnectionCarriesTwoStreams() {
        EmbeddedChannel ch = new EmbeddedChannel(new SseDecoder(new SocketStamper(false)));
        List<SseEvent> events = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            ch.writeInbound(eventStreamResponse(HttpResponseStatus.OK),
                    new DefaultHttpContent(Unpooled.copiedBuffer("data: " + i + "\n\ndata: par", StandardCharsets.UTF_8)),
                    new DefaultLastHttpContent(Unpooled.copiedBuffer("tial\n", StandardCharsets.UTF_8)));
            for (Object o; (o = ch.readInbound()) != null; ) {
                if (o instanceof SseEvent e) {
                    events.add(e);
                }
            }
        }
        assertThat(events).containsExactly(new SseEvent("message", "0", null), new SseEvent("message", "partial", null),
                new SseEvent("message", "1", null), new SseEvent("message", "partial", null));
        assertThat(ch.finish()).isFalse();
    }

    /**
     * Feeds the response headers, then the parts as HttpContents, then an empty LastHttpContent (or, with
     * {@code lastCarriesTail}, the final part inside the LastHttpContent); checks the framing (headers, events, one
     * end marker), that no exception reached the pipeline's tail and that every buffer fed in was released. The fuzz
     * tests use it too.
     */
    static List<SseEvent> decode(List<byte[]> parts, boolean lastCarriesTail) {
        EmbeddedChannel ch = new EmbeddedChannel(new SseDecoder(new SocketStamper(false)));
        List<ByteBuf> written = new ArrayList<>();
        HttpResponse response = eventStreamResponse(HttpResponseStatus.OK);
        ch.writeInbound(response);
        for (int i = 0; i < parts.size(); i++) {
            ByteBuf buf = Unpooled.buffer(parts.get(i).length).writeBytes(parts.get(i)); // never the shared EMPTY_BUFFER
            written.add(buf);
            boolean last = lastCarriesTail && i == parts.size() - 1;
            ch.writeInbound(last ? new DefaultLastHttpContent(buf) : new DefaultHttpContent(buf));
        }
        if (!lastCarriesTail) {
            ByteBuf empty = Unpooled.buffer(0);
            written.add(empty);
            ch.writeInbound(new DefaultLastHttpContent(empty));
        }
        ch.checkException();
        assertThat((Object) ch.readInbound()).isSameAs(response);
        List<SseEvent> events = new ArrayList<>();
        Object msg;
        while ((msg = ch.readInbound()) instanceof SseEvent event) {
            events.add(event);
        }
        assertThat(msg).as("end of stream marker").isSameAs(LastHttpContent.EMPTY_LAST_CONTENT);
        assertThat((Object) ch.readInbound()).isNull();
        assertThat(written).allSatisfy(buf -> assertThat(buf.refCnt()).as("inbound buffer released").isZero());
        assertThat(ch.finish()).isFalse();
        return events;
    }

    private static HttpResponse eventStreamResponse(HttpResponseStatus status) {
        HttpResponse response = new DefaultHttpResponse(HttpVersion.HTTP_1_1, status);
        response.headers().set(HttpHeaderNames.CONTENT_TYPE, "text/event-stream; charset=utf-8");
        return response;
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
