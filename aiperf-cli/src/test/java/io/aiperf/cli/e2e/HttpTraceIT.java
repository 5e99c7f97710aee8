package io.aiperf.cli.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import io.aiperf.mock.MockConfig;
import io.aiperf.mock.RequestRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * {@code --export-http-trace}, {@code --show-trace-timing} and {@code --connection-reuse-strategy} through the real
 * CLI against the mock server: the {@code http_req_*} metrics and {@code trace_data} of every record, the console's
 * trace timing table, and which connection each request used.
 */
class HttpTraceIT {

    private static final int REQUESTS = 12;
    private static final long MS = 1_000_000L;

    @RegisterExtension
    final AiperfRuns aiperf = new AiperfRuns().within(120);

    private AiperfRun profile(String... extra) throws Exception {
        List<String> args = new ArrayList<>(List.of("-m", "mock-model", "--streaming", "--isl", "16", "--osl", "6",
                "--extra-inputs", "ignore_eos:true", "--concurrency", "2", "--ui", "none"));
        args.addAll(List.of(extra));
        return aiperf.profile(args);
    }

    private static double metric(JsonNode record, String tag) {
        JsonNode value = record.at("/metrics/" + tag + "/value");
        assertThat(value.isMissingNode()).as(tag + " in " + record).isFalse();
        return value.asDouble();
    }

    @Test
    void neverOpensANewConnectionForEachRequestAndEveryRecordCarriesItsTrace() throws Exception {
        aiperf.startMock(MockConfig.ephemeral().withTiming(20, 2));
        AiperfRun r = profile("--request-count", String.valueOf(REQUESTS), "--export-http-trace",
                "--show-trace-timing", "--connection-reuse-strategy", "never");

        assertThat(r.exitCode()).as(r.stderr()).isZero();
        Map<String, RequestRecord> seen = aiperf.requestsById();
        List<JsonNode> records = r.records();
        assertThat(records).hasSize(REQUESTS);
        Set<Integer> localPorts = new HashSet<>();
        for (JsonNode rec : records) {
            assertThat(rec.get("error").isNull()).as(rec.toString()).isTrue();
            assertThat(metric(rec, "http_req_connection_reused")).isZero();
            assertThat(metric(rec, "http_req_connecting")).isPositive();
            assertThat(metric(rec, "http_req_dns_lookup")).isZero();
            // The mock's first token comes 20 ms after the request: the wait for the first body byte holds it. The
            // end of sending is stamped after the write returns, which a descheduled event loop on the 2-core CI
            // machine did 2.5 ms after the mock had the request: 5 ms of slack, and a wait without the TTFT is ~0.
            assertThat(metric(rec, "http_req_waiting")).isGreaterThanOrEqualTo(15.0);
            assertThat(metric(rec, "http_req_receiving")).isNotNegative();
            assertThat(metric(rec, "http_req_total")).as("last byte, after the last token")
                    .isGreaterThanOrEqualTo(metric(rec, "request_latency"));
            // The six phases account for the whole request, start to last byte.
            double phases = metric(rec, "http_req_blocked") + metric(rec, "http_req_dns_lookup")
                    + metric(rec, "http_req_connecting") + metric(rec, "http_req_sending")
                    + metric(rec, "http_req_waiting") + metric(rec, "http_req_receiving");
            assertThat(phases).isCloseTo(metric(rec, "http_req_total"), within(1e-6));
            assertThat(metric(rec, "http_req_total")).isCloseTo((rec.at("/metadata/request_end_ns").asLong()
                    - rec.at("/metadata/request_start_ns").asLong()) / 1e6, within(1e-3));
            assertThat(metric(rec, "http_req_connection_overhead")).isCloseTo(
                    metric(rec, "http_req_blocked") + metric(rec, "http_req_connecting"), within(1e-6));
            assertThat(rec.at("/metrics/http_req_data_sent/unit").asText()).isEqualTo("KB");
            assertThat(metric(rec, "http_req_chunks_received")).isGreaterThanOrEqualTo(2);

            JsonNode t = rec.get("trace_data");
            assertThat(t.get("trace_type").asText()).isEqualTo("netty");
            long start = rec.at("/metadata/request_start_ns").asLong();
            long end = rec.at("/metadata/request_end_ns").asLong();
            assertThat(t.get("tcp_connect_start_ns").asLong()).isBetween(start, t.get("tcp_connect_end_ns").asLong());
            assertThat(t.get("request_send_start_ns").asLong()).isGreaterThanOrEqualTo(t.get("tcp_connect_end_ns")
                    .asLong());
            assertThat(t.get("response_receive_start_ns").asLong())
                    .isBetween(t.get("request_send_end_ns").asLong(), end);
            assertThat(t.get("response_receive_end_ns").asLong()).isEqualTo(end);
            assertThat(t.has("connection_reused_ns")).isFalse();
            assertThat(t.get("response_status_code").asInt()).isEqualTo(200);
            assertThat(t.get("request_bytes_total").asLong()).isGreaterThan(100);
            assertThat(t.get("remote_port").asInt()).isEqualTo(aiperf.mock().port());
            localPorts.add(t.get("local_port").asInt());
            // The server had the whole request between the client's send start and its first body byte.
            RequestRecord arrived = seen.get(rec.at("/metadata/x_request_id").asText());
            // (Two clocks, each process's wall-clock anchor: a little slack.)
            assertThat(arrived.arrivalEpochNs()).isBetween(t.get("request_send_start_ns").asLong() - 2 * MS,
                    t.get("response_receive_start_ns").asLong() + 2 * MS);
        }
        assertThat(localPorts).as("a connection of its own for every request").hasSize(REQUESTS);

        JsonNode summary = r.summary();
        assertThat(summary.at("/http_req_connection_reused/avg").asDouble()).isZero();
        assertThat(summary.at("/http_req_waiting/unit").asText()).isEqualTo("ms");
        assertThat(summary.at("/input_config/endpoint/connection_reuse_strategy").asText()).isEqualTo("never");
        assertThat(summary.at("/input_config/output/export_http_trace").asBoolean()).isTrue();
        assertThat(r.stdout()).contains("HTTP Trace Timing").containsSubsequence("LLM Metrics", "HTTP Trace Timing",
                "HTTP Blocked (ms)", "HTTP Connecting (ms)", "HTTP Waiting (TTFB) (ms)", "HTTP Total Time (ms)");
    }

    @Test
    void pooledReusesConnectionsAndPrintsNoTraceTableWithoutBeingAsked() throws Exception {
        aiperf.startMock(MockConfig.ephemeral().withFast(true));
        AiperfRun r = profile("--request-count", String.valueOf(REQUESTS), "--export-http-trace");

        assertThat(r.exitCode()).as(r.stderr()).isZero();
        List<JsonNode> records = r.records();
        assertThat(records).hasSize(REQUESTS);
        long reused = records.stream().filter(rec -> metric(rec, "http_req_connection_reused") == 1.0).count();
        // Two at a time on one worker: two connections are opened, every later request takes one of them.
        assertThat(reused).isGreaterThanOrEqualTo(REQUESTS - 4);
        for (JsonNode rec : records) {
            boolean isReused = metric(rec, "http_req_connection_reused") == 1.0;
            assertThat(rec.at("/trace_data/connection_reused_ns").isMissingNode()).isEqualTo(!isReused);
            if (isReused) {
                assertThat(metric(rec, "http_req_connecting")).isZero();
            }
        }
        assertThat(r.stdout()).doesNotContain("HTTP Trace Timing");
        assertThat(r.summary().at("/input_config/endpoint/connection_reuse_strategy").isMissingNode()).isTrue();
    }

    @Test
    void stickyUserSessionsKeepEachConversationOnItsOwnConnection() throws Exception {
        aiperf.startMock(MockConfig.ephemeral().withFast(true));
        AiperfRun r = profile("--conversation-num", "4", "--conversation-turn-mean", "3", "--workers-max", "1",
                "--export-http-trace", "--connection-reuse-strategy", "sticky-user-sessions");

        assertThat(r.exitCode()).as(r.stderr()).isZero();
        Map<String, List<JsonNode>> byConversation = new LinkedHashMap<>();
        for (JsonNode rec : r.records()) {
            byConversation.computeIfAbsent(rec.at("/metadata/x_correlation_id").asText(), k -> new ArrayList<>())
                    .add(rec);
        }
        assertThat(byConversation).hasSize(4);
        Set<Integer> ports = new HashSet<>();
        for (List<JsonNode> turns : byConversation.values()) {
            turns.sort((a, b) -> a.at("/metadata/turn_index").asInt() - b.at("/metadata/turn_index").asInt());
            assertThat(turns).hasSize(3);
            int port = turns.get(0).at("/trace_data/local_port").asInt();
            assertThat(ports.add(port)).as("a conversation's first turn opens a connection of its own").isTrue();
            for (JsonNode turn : turns) {
                int index = turn.at("/metadata/turn_index").asInt();
                assertThat(turn.at("/trace_data/local_port").asInt()).as("turn " + index).isEqualTo(port);
                assertThat(metric(turn, "http_req_connection_reused")).isEqualTo(index == 0 ? 0.0 : 1.0);
            }
        }
    }
}
