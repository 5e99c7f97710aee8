package io.aiperf.worker.http;

import io.aiperf.core.config.ConnectionReuse;
import io.aiperf.core.config.EndpointConfig;
import io.aiperf.core.config.EndpointType;
import io.aiperf.core.endpoint.ResponseParser;
import io.aiperf.core.message.Credit;
import io.aiperf.core.message.RequestRecord;
import io.aiperf.core.model.CreditPhase;
import io.aiperf.core.model.ErrorDetails;
import io.aiperf.core.model.ResponseChunk;
import io.aiperf.core.model.Usage;
import io.aiperf.core.testing.Fuzz;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.util.ReferenceCountUtil;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fuzzes the worker's whole response path: the bytes a server sends, cut into reads at random places, go through
 * the real client pipeline ({@link ClientPoolHandler} builds it: SocketStamper, HttpClientCodec, SseDecoder,
 * ResponseHandler with the endpoint's real {@link ResponseParser}) on an {@link EmbeddedChannel}, and the server
 * closes the connection at the end. Whatever the bytes, the request ends as exactly one record, with parsed content
 * or an error (type and one-line message); no exception escapes, no buffer stays unreleased (paranoid leak detector
 * on, {@link LeakWatch}).
 */
class ResponsePipelineFuzzTest {

    /** A small per-response cap, so garbage with a huge line also takes the response-too-large path. */
    private static final int MAX_BODY_BYTES = 256 * 1024;
    /** The errors a response whose HTTP framing is valid may end with: all about its content. */
    private static final Set<String> CONTENT_ERRORS = Set.of(Failures.RESPONSE_PARSE, Failures.SSE_RESPONSE,
            Failures.RESPONSE_TOO_LARGE, "InvalidInferenceResultError");

    private static HttpTransport transport;

    @BeforeAll
    static void start() {
        LeakWatch.install();
        // Only for the Exchange's bookkeeping (worker id, in-flight count): it never connects anywhere.
        EndpointConfig cfg = new EndpointConfig(List.of("m"), EndpointType.CHAT, true, List.of("http://127.0.0.1:9"),
                null, 0, "key", false, false, Map.of(), Map.of(), ConnectionReuse.NEVER);
        transport = new HttpTransport(cfg, "worker-fuzz", 1, false, false);
    }

    @AfterAll
    static void stop() throws InterruptedException {
        transport.close();
        LeakWatch.assertNoLeaks();
    }

    /** What a record says about the response, without its timestamps. */
    record Outcome(int status, ErrorDetails error, List<String> texts, Usage usage) {
        static Outcome of(RequestRecord r) {
            List<String> texts = r.responses().stream().map(ResponseChunk::text)
                    .collect(Collectors.toCollection(ArrayList::new));
            return new Outcome(r.httpStatus(), r.error(), texts, r.usage());
        }
    }

    /** The bytes one server sent for an endpoint, and where the reads cut them. */
    record Wire(EndpointType type, byte[] bytes, List<Integer> cuts) {
        @Override
        public String toString() {
            return type + " " + FuzzInputs.show(bytes) + " cut at " + cuts;
        }

        List<Wire> smaller() {
            return Stream.concat(FuzzInputs.fewerCuts(cuts).stream().map(c -> new Wire(type, bytes, c)),
                    FuzzInputs.smaller(bytes).stream().map(b -> new Wire(type, b, List.of()))).toList();
        }
    }

    /** A valid response and where it is cut. */
    record ValidCase(RandomHttpResponse response, Wire wire) {
        @Override
        public String toString() {
            return wire + " expecting " + response.texts();
        }
    }

    @Test
    void validResponseCutAnywhereGivesTheTextItWasWrittenWith() {
        Fuzz.forAll(300, r -> {
            RandomHttpResponse response = RandomHttpResponse.of(r);
            byte[] bytes = response.wire(r, response.body(r), framing(r));
            return new ValidCase(response, new Wire(response.type(), bytes, FuzzInputs.cuts(r, bytes)));
        }, c -> FuzzInputs.fewerCuts(c.wire().cuts()).stream()
                .map(cuts -> new ValidCase(c.response(), new Wire(c.wire().type(), c.wire().bytes(), cuts))).toList(),
                c -> {
                    Outcome outcome = run(c.wire());
                    assertThat(outcome.status()).isEqualTo(200);
                    if (c.response().texts().isEmpty()) {
                        assertThat(outcome.error()).isNotNull();
                        assertThat(outcome.error().type()).isEqualTo("InvalidInferenceResultError");
                    } else {
                        assertThat(outcome.error()).isNull();
                    }
                    assertThat(outcome.texts()).containsExactlyElementsOf(c.response().texts());
                    assertThat(outcome.usage()).isEqualTo(c.response().usage());
                });
    }

    @Test
    void brokenPayloadsInValidFramingEndAsContentErrorsOrContentAlikeHoweverCut() {
        Fuzz.forAll(300, r -> {
            RandomHttpResponse response = RandomHttpResponse.of(r).withPayloads(p -> brokenPayload(r, p));
            byte[] bytes = response.wire(r, response.body(r), framing(r));
            return new Wire(response.type(), bytes, FuzzInputs.cuts(r, bytes));
        }, wire -> FuzzInputs.fewerCuts(wire.cuts()).stream().map(c -> new Wire(wire.type(), wire.bytes(), c))
                .toList(), wire -> {
                    Outcome outcome = run(wire);
                    assertThat(outcome).isEqualTo(run(new Wire(wire.type(), wire.bytes(), List.of())));
                    assertThat(outcome.status()).isEqualTo(200);
                    if (outcome.error() == null) {
                        assertThat(outcome.texts()).isNotEmpty();
                    } else {
                        assertThat(outcome.error().type()).isIn(CONTENT_ERRORS);
                    }
                });
    }

    @Test
    void anyBytesFromTheServerEndAsOneRecordWithoutAnEscapedException() {
        Fuzz.forAll(300, r -> {
            byte[] bytes;
            EndpointType type;
            if (r.nextInt(4) == 0) {
                type = EndpointType.values()[r.nextInt(EndpointType.values().length)];
                bytes = FuzzInputs.concat(FuzzInputs.bytes(r.nextBoolean() ? "HTTP/1.1 200 OK\r\n" : ""),
                        FuzzInputs.garbage(r, 40));
            } else {
                RandomHttpResponse response = RandomHttpResponse.of(r);
                type = response.type();
                bytes = response.wire(r, response.body(r), framing(r));
                for (int edits = 1 + r.nextInt(3); edits > 0; edits--) {
                    bytes = FuzzInputs.mutate(r, bytes);
                }
            }
            return new Wire(type, bytes, FuzzInputs.cuts(r, bytes));
        }, Wire::smaller, wire -> run(wire)); // run() checks one record, released buffers, no escaped exception
    }

    private static RandomHttpResponse.Framing framing(Random r) {
        RandomHttpResponse.Framing[] all = RandomHttpResponse.Framing.values();
        return all[r.nextInt(all.length)];
    }

    /** A payload, often broken: truncated, edited, nested too deep, replaced by garbage or by another JSON value. */
    private static String brokenPayload(Random r, String payload) {
        return switch (r.nextInt(6)) {
            case 0 -> payload;
            case 1 -> new String(FuzzInputs.mutate(r, FuzzInputs.bytes(payload)), StandardCharsets.UTF_8);
            case 2 -> new String(FuzzInputs.garbage(r, 8), StandardCharsets.UTF_8);
            case 3 -> "[".repeat(1 + r.nextInt(3000)) + "]".repeat(r.nextInt(3000));
            case 4 -> List.of("null", "1", "\"s\"", "[]", "{}", "true", "{\"object\":null}", "{\"choices\":null}",
                    "{\"usage\":{\"prompt_tokens\":1e999}}", "{\"choices\":[{\"delta\":[]}],\"object\":{}}",
                    "{\"data\":[1]}", "[{}]", "{\"token\":null,\"generated_text\":7}").get(r.nextInt(13));
            default -> payload.substring(0, r.nextInt(payload.length() + 1));
        };
    }

    /**
     * Sends one request through a fresh real pipeline, feeds it the server's bytes as cut, closes the connection,
     * and returns what the one record says. Checks: exactly one record; no exception reached the pipeline's tail;
     * no message left over in the channel; every buffer fed in released; an error has a type and a one-line message,
     * and is never an internal error.
     */
    private static Outcome run(Wire wire) {
        ClientPoolHandler pipeline = new ClientPoolHandler(EndpointUrl.of("http://127.0.0.1:9", "/v1/x"), null,
                ResponseParser.forType(wire.type()), MAX_BODY_BYTES, 0, false);
        pipeline.connections(new TargetConnections(ConnectionReuse.NEVER, null, null));
        EmbeddedChannel ch = new EmbeddedChannel();
        pipeline.channelCreated(ch);
        List<RequestRecord> records = new ArrayList<>();
        long now = System.nanoTime();
        Exchange ex = new Exchange(transport, Credit.unscheduled(1, CreditPhase.PROFILING, "conv", "corr", "{}"),
                "{}", null, now, now, "request-1", (credit, record) -> records.add(record));
        ch.pipeline().get(ResponseHandler.class).start(ex, new DefaultFullHttpRequest(HttpVersion.HTTP_1_1,
                HttpMethod.POST, "/v1/x", Unpooled.copiedBuffer("{}", StandardCharsets.UTF_8)), 0);
        releaseOutbound(ch);

        List<ByteBuf> fed = new ArrayList<>();
        for (byte[] part : FuzzInputs.split(wire.bytes(), wire.cuts())) {
            ByteBuf buf = ch.alloc().buffer(part.length).writeBytes(part);
            fed.add(buf);
            if (ch.isOpen()) {
                ch.writeInbound(buf);
            } else {
                buf.release(); // the client closed the connection: the rest of the bytes never arrive
            }
        }
        ch.close(); // the server's close ends a close-delimited body, or cuts the response short
        ch.runPendingTasks();
        ch.checkException();
        releaseOutbound(ch);
        assertThat(ch.finish()).as("messages left in the channel").isFalse();
        assertThat(fed).allSatisfy(buf -> assertThat(buf.refCnt()).as("inbound buffer released").isZero());

        assertThat(records).as("records for one request").hasSize(1);
        RequestRecord record = records.get(0);
        ErrorDetails error = record.error();
        if (error == null) {
            assertThat(record.responses()).as("a record without error has content").isNotEmpty();
        } else {
            assertThat(error.type()).as("error type").isNotNull().isNotEqualTo("InternalError");
            assertThat(error.message()).as("error message").isNotBlank().doesNotContain("\n", "\r");
            if (error.code() == null) {
                assertThat(error.type()).as("type of a failure below HTTP").endsWith("Error");
            }
        }
        return Outcome.of(record);
    }

    private static void releaseOutbound(EmbeddedChannel ch) {
        for (Object o; (o = ch.readOutbound()) != null; ) {
            ReferenceCountUtil.release(o);
        }
    }
}
