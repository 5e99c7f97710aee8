package io.aiperf.mock;

import com.fasterxml.jackson.databind.JsonNode;
import io.aiperf.mock.RawHttpConnection.Response;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The server's own clock in the request log: when it wrote each part of an answer, and on which connection. */
class ResponseWritesTest {

    private static final long TTFT_NS = 20_000_000;
    private static final long ITL_NS = 5_000_000;
    private static final String STREAM_FOUR_TOKENS = """
            {"model":"m","stream":true,"max_tokens":4,"ignore_eos":true,"stream_options":{"include_usage":true},
             "messages":[{"role":"user","content":"hi"}]}""";

    @Test
    void aStreamStampsItsHeadersEveryEventAndItsEndOnTheSchedule() {
        try (MockServer server = MockServer.start(MockConfig.ephemeral().withTiming(20, 5))) {
            TestHttp.stream(server, "/v1/chat/completions", STREAM_FOUR_TOKENS);
            assertThat(TestHttp.eventually(() -> server.inFlight() == 0)).isTrue();

            RequestRecord record = server.requestLog().get(0);
            ResponseWrites writes = record.writes();
            // Four tokens, the usage chunk, [DONE].
            assertThat(writes.events()).isEqualTo(6);
            long[] events = writes.eventNs();
            assertThat(events).hasSize(6).isSorted();
            assertThat(writes.responseNs()).isBetween(record.arrivalNs(), events[0]);
            // The schedule is absolute from arrival, so no write can come before its deadline.
            assertThat(events[0]).isEqualTo(writes.firstEventNs()).isGreaterThanOrEqualTo(record.arrivalNs() + TTFT_NS);
            assertThat(events[3]).isGreaterThanOrEqualTo(record.arrivalNs() + TTFT_NS + 3 * ITL_NS);
            assertThat(writes.lastEventNs()).isEqualTo(events[5]);
            assertThat(writes.endNs()).isGreaterThanOrEqualTo(events[5]);
        }
    }

    @Test
    void aWholeResponseIsOneWriteWithNoEvents() {
        try (MockServer server = MockServer.start(MockConfig.ephemeral().withTiming(20, 5))) {
            TestHttp.post(server, "/v1/completions", "{\"prompt\":\"x\",\"max_tokens\":2,\"ignore_eos\":true}");
            assertThat(TestHttp.eventually(() -> server.inFlight() == 0)).isTrue();

            RequestRecord record = server.requestLog().get(0);
            ResponseWrites writes = record.writes();
            assertThat(writes.events()).isZero();
            assertThat(writes.eventNs()).isEmpty();
            assertThat(writes.firstEventNs()).isEqualTo(-1);
            assertThat(writes.endNs()).isEqualTo(writes.responseNs())
                    .isGreaterThanOrEqualTo(record.arrivalNs() + TTFT_NS + 2 * ITL_NS);
        }
    }

    @Test
    void servedOverHttpWithTheSameStampsAndTheRequestId() {
        try (MockServer server = MockServer.start(MockConfig.ephemeral().withFast(true))) {
            TestHttp.send(TestHttp.request(server, "/v1/chat/completions").header("X-Request-ID", "r-7")
                    .POST(HttpRequest.BodyPublishers.ofString(STREAM_FOUR_TOKENS)).build());
            TestHttp.post(server, "/v1/completions", "{\"prompt\":\"x\",\"max_tokens\":1}");
            assertThat(TestHttp.eventually(() -> server.inFlight() == 0)).isTrue();

            JsonNode listed = TestHttp.json(TestHttp.get(server, "/mock/requests")).path("requests");
            ResponseWrites stream = server.requestLog().get(0).writes();
            JsonNode first = listed.path(0);
            assertThat(first.path("x_request_id").asText()).isEqualTo("r-7");
            assertThat(first.path("response_ns").asLong()).isEqualTo(stream.responseNs());
            assertThat(first.path("events").asInt()).isEqualTo(6);
            assertThat(first.path("first_event_ns").asLong()).isEqualTo(stream.firstEventNs());
            assertThat(first.path("last_event_ns").asLong()).isEqualTo(stream.lastEventNs());
            assertThat(first.path("end_ns").asLong()).isEqualTo(stream.endNs());
            assertThat(first.path("event_ns")).hasSize(6);
            assertThat(first.path("event_ns").path(2).asLong()).isEqualTo(stream.eventNs()[2]);
            JsonNode whole = listed.path(1);
            assertThat(whole.path("first_event_ns").isNull()).isTrue();
            assertThat(whole.path("end_ns").asLong()).isEqualTo(whole.path("response_ns").asLong()).isPositive();
            assertThat(whole.path("event_ns")).isEmpty();
        }
    }

    @Test
    void requestsOnOneConnectionShareItsNumber() throws Exception {
        try (MockServer server = MockServer.start(MockConfig.ephemeral().withFast(true));
             RawHttpConnection a = new RawHttpConnection(server.port());
             RawHttpConnection b = new RawHttpConnection(server.port())) {
            String body = "{\"prompt\":\"x\",\"max_tokens\":1}";
            for (RawHttpConnection connection : List.of(a, a, b)) {
                Response response = connection.exchange("POST", "/v1/completions", body);
                assertThat(response.status()).isEqualTo(200);
            }
            List<RequestRecord> log = server.requestLog();
            assertThat(log.get(0).connection()).isPositive().isEqualTo(log.get(1).connection());
            assertThat(log.get(2).connection()).isNotEqualTo(log.get(0).connection());
        }
    }

    @Test
    void eventStampsGrowPastTheExpectedCountUpToTheCap() {
        ResponseWrites writes = new ResponseWrites();
        writes.keepEventStamps();
        writes.expectEvents(2);
        for (long t = 1; t <= ResponseWrites.MAX_EVENT_STAMPS + 10; t++) {
            writes.event(t);
        }
        assertThat(writes.events()).isEqualTo(ResponseWrites.MAX_EVENT_STAMPS + 10);
        assertThat(writes.eventNs()).hasSize(ResponseWrites.MAX_EVENT_STAMPS).startsWith(1, 2, 3);
        assertThat(writes.eventNs()[ResponseWrites.MAX_EVENT_STAMPS - 1]).isEqualTo(ResponseWrites.MAX_EVENT_STAMPS);
        // Past the cap only the count and the last stamp move on.
        assertThat(writes.firstEventNs()).isEqualTo(1);
        assertThat(writes.lastEventNs()).isEqualTo(ResponseWrites.MAX_EVENT_STAMPS + 10);
    }

    @Test
    void recordsPastTheStampedOnesKeepOnlyFirstAndLast() {
        RequestLog log = new RequestLog();
        for (int i = 0; i <= RequestLog.MAX_STAMPED; i++) {
            log.arrived(new RequestRecord(i, i, "/v1/completions", null, true, null, null, 0, 0, 0, null, null, 1,
                    new ResponseWrites(), null), io.netty.handler.codec.http.EmptyHttpHeaders.INSTANCE);
        }
        List<RequestRecord> records = log.snapshot();
        ResponseWrites lastStamped = records.get(RequestLog.MAX_STAMPED - 1).writes();
        ResponseWrites unstamped = records.get(RequestLog.MAX_STAMPED).writes();
        for (ResponseWrites writes : List.of(lastStamped, unstamped)) {
            writes.event(10);
            writes.event(20);
        }
        assertThat(lastStamped.eventNs()).containsExactly(10, 20);
        assertThat(unstamped.eventNs()).isNull();
        assertThat(unstamped.events()).isEqualTo(2);
        assertThat(unstamped.firstEventNs()).isEqualTo(10);
        assertThat(unstamped.lastEventNs()).isEqualTo(20);
    }
}
