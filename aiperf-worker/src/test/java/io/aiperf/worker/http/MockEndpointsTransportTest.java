package io.aiperf.worker.http;

import io.aiperf.core.config.ConnectionReuse;
import io.aiperf.core.config.EndpointConfig;
import io.aiperf.core.config.EndpointType;
import io.aiperf.core.endpoint.PayloadFormatter;
import io.aiperf.core.message.Credit;
import io.aiperf.core.message.RequestRecord;
import io.aiperf.core.model.CreditPhase;
import io.aiperf.core.model.ResponseChunk;
import io.aiperf.mock.MockConfig;
import io.aiperf.mock.MockServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** One request per endpoint family through the real transport against the mock server: body, path, parsing. */
class MockEndpointsTransportTest {

    private static MockServer server;

    @BeforeAll
    static void start() {
        server = MockServer.start(MockConfig.ephemeral().withTiming(5, 1));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static RequestRecord run(EndpointType type, boolean streaming, Integer maxTokens) throws Exception {
        EndpointConfig cfg = new EndpointConfig(List.of("mock-model"), type, streaming, List.of(server.baseUrl()),
                null, 10, null, false, false, Map.of(), Map.of(), ConnectionReuse.POOLED);
        String body = PayloadFormatter.format(cfg, "a short prompt for the mock", maxTokens, null);
        CompletableFuture<RequestRecord> done = new CompletableFuture<>();
        try (HttpTransport transport = new HttpTransport(cfg, "w", 1, false, false)) {
            transport.send(Credit.unscheduled(1, CreditPhase.PROFILING, "c", "x", body), System.nanoTime(),
                    done::complete);
            RequestRecord record = done.get(10, TimeUnit.SECONDS);
            assertThat(record.error()).as(type + " error").isNull();
            return record;
        }
    }

    private static String text(RequestRecord record) {
        StringBuilder text = new StringBuilder();
        for (ResponseChunk chunk : record.responses()) {
            if (chunk.text() != null) {
                text.append(chunk.text());
            }
        }
        return text.toString();
    }

    @Test
    void embeddingsFamilyIsOneNonTextResponse() throws Exception {
        for (EndpointType type : List.of(EndpointType.EMBEDDINGS, EndpointType.NIM_EMBEDDINGS,
                EndpointType.CHAT_EMBEDDINGS)) {
            RequestRecord record = run(type, false, null);
            assertThat(record.responses()).as(type.cliName()).hasSize(1);
            assertThat(record.responses().get(0).text()).isNull();
            assertThat(record.usage().promptTokens()).isPositive();
        }
    }

    @Test
    void rankingsFamilyIsOneNonTextResponse() throws Exception {
        for (EndpointType type : List.of(EndpointType.NIM_RANKINGS, EndpointType.HF_TEI_RANKINGS,
                EndpointType.COHERE_RANKINGS)) {
            assertThat(run(type, false, null).responses()).as(type.cliName()).hasSize(1);
        }
    }

    @Test
    void huggingFaceGenerateWholeAndStreamed() throws Exception {
        RequestRecord whole = run(EndpointType.HUGGINGFACE_GENERATE, false, 6);
        assertThat(whole.responses()).hasSize(1);
        RequestRecord streamed = run(EndpointType.HUGGINGFACE_GENERATE, true, 6);
        assertThat(streamed.responses().size()).isBetween(1, 6);
        // The last event's generated_text is not counted again.
        assertThat(text(streamed).split(" ", -1)).hasSize(streamed.responses().size());
        assertThat(server.requestLog().stream().map(r -> r.path())).contains("/generate", "/generate_stream");
    }

    @Test
    void responsesWholeAndStreamed() throws Exception {
        RequestRecord whole = run(EndpointType.RESPONSES, false, 5);
        assertThat(whole.responses()).hasSize(1);
        assertThat(whole.usage().completionTokens()).isEqualTo(text(whole).split(" ", -1).length);
        RequestRecord streamed = run(EndpointType.RESPONSES, true, 5);
        assertThat(streamed.responses().size()).isEqualTo(text(streamed).split(" ", -1).length);
        assertThat(streamed.usage().completionTokens()).isEqualTo(streamed.responses().size());
    }

    @Test
    void solidoRag() throws Exception {
        RequestRecord record = run(EndpointType.SOLIDO_RAG, false, null);
        assertThat(record.responses()).hasSize(1);
        assertThat(text(record)).isNotBlank();
    }

    @Test
    void anAnswerOfTheWrongShapeIsAnErrorRecord() throws Exception {
        // A TEI body to TEI's route, read as NIM rankings (which wants a "rankings" object, not a top-level list).
        EndpointConfig tei = new EndpointConfig(List.of("mock-model"), EndpointType.HF_TEI_RANKINGS, false,
                List.of(server.baseUrl()), null, 10, null, false, false, Map.of(), Map.of(), ConnectionReuse.POOLED);
        String body = PayloadFormatter.format(tei, "q", null, null);
        EndpointConfig nim = new EndpointConfig(List.of("mock-model"), EndpointType.NIM_RANKINGS, false,
                List.of(server.baseUrl()), "/rerank", 10, null, false, false, Map.of(), Map.of(),
                ConnectionReuse.POOLED);
        CompletableFuture<RequestRecord> done = new CompletableFuture<>();
        try (HttpTransport transport = new HttpTransport(nim, "w", 1, false, false)) {
            transport.send(Credit.unscheduled(1, CreditPhase.PROFILING, "c", "x", body), System.nanoTime(),
                    done::complete);
            RequestRecord record = done.get(10, TimeUnit.SECONDS);
            assertThat(record.error()).isNotNull();
            assertThat(record.error().type()).isEqualTo("ResponseParseError");
        }
    }
}
