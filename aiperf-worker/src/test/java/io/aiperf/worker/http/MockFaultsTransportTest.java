package io.aiperf.worker.http;

import io.aiperf.core.config.ConnectionReuse;
import io.aiperf.core.config.EndpointConfig;
import io.aiperf.core.config.EndpointType;
import io.aiperf.core.endpoint.PayloadFormatter;
import io.aiperf.core.message.Credit;
import io.aiperf.core.message.RequestRecord;
import io.aiperf.core.model.CreditPhase;
import io.aiperf.core.model.ErrorDetails;
import io.aiperf.mock.Fault;
import io.aiperf.mock.MockConfig;
import io.aiperf.mock.MockServer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each fault the mock injects (on every request) through the real transport: the record's error is the one
 * docs/errors.md promises, and a stream broken mid-way keeps the responses that arrived before the break.
 */
class MockFaultsTransportTest {

    private static RequestRecord send(Fault fault, boolean streaming, double timeoutSeconds) throws Exception {
        try (MockServer server = MockServer.start(MockConfig.ephemeral().withFast(true).withFault(fault, 100))) {
            EndpointConfig cfg = new EndpointConfig(List.of("m"), EndpointType.CHAT, streaming,
                    List.of(server.baseUrl()), null, timeoutSeconds, null, false, false, Map.of(),
                    Map.of("ignore_eos", true), ConnectionReuse.POOLED);
            String body = PayloadFormatter.format(cfg, "a short prompt for the mock", 8, null);
            CompletableFuture<RequestRecord> done = new CompletableFuture<>();
            try (HttpTransport transport = new HttpTransport(cfg, "w", 1, false, false)) {
                transport.send(Credit.unscheduled(1, CreditPhase.PROFILING, "c", "x", body), System.nanoTime(),
                        done::complete);
                return done.get(10, TimeUnit.SECONDS);
            }
        }
    }

    @ParameterizedTest(name = "{0} stream={1}")
    @CsvSource(nullValues = "null", value = {
            "HTTP_500,       true,  500,  Internal Server Error,       '{\"error\":{\"message\":\"mock injected error\"', 0",
            "HTTP_500,       false, 500,  Internal Server Error,       '{\"error\":{\"message\":\"mock injected error\"', 0",
            "SSE_ERROR,      true,  502,  SSEResponseError,            'Error occurred in SSE response: mock injected error', 4",
            "MALFORMED_JSON, true,  null, ResponseParseError,          'malformed JSON: Unexpected end-of-input', 4",
            "MALFORMED_JSON, false, null, ResponseParseError,          'malformed JSON: Unexpected end-of-input', 0",
            "EMPTY_CHOICES,  true,  null, InvalidInferenceResultError, 'No content responses were received', 0",
            "EMPTY_CHOICES,  false, null, InvalidInferenceResultError, 'No content responses were received', 0",
            "EMPTY_CONTENT,  true,  null, InvalidInferenceResultError, 'No content responses were received', 0",
            "EMPTY_CONTENT,  false, null, InvalidInferenceResultError, 'No content responses were received', 0",
            "RESET,          true,  null, ConnectionResetError,        '', 4",
            "RESET,          false, null, ConnectionResetError,        '', 0",
            "STALL,          true,  null, TimeoutError,                'no complete response within the request timeout of 0.500 s', 0",
    })
    void faultBecomesItsErrorRecord(Fault fault, boolean streaming, Integer code, String type, String messageStart,
                                    int responsesBeforeTheBreak) throws Exception {
        RequestRecord r = send(fault, streaming, 0.5);

        ErrorDetails error = r.error();
        assertThat(error).as("%s stream=%s", fault, streaming).isNotNull();
        assertThat(error.code()).isEqualTo(code);
        assertThat(error.type()).isEqualTo(type);
        assertThat(error.message()).startsWith(messageStart).doesNotContain("\n");
        assertThat(r.responses()).as("responses kept from before the failure").hasSize(responsesBeforeTheBreak);
        assertThat(r.cancelled()).isFalse();
    }
}
