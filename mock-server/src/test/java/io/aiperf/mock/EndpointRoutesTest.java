package io.aiperf.mock;

import static io.aiperf.mock.TestHttp.json;
import static io.aiperf.mock.TestHttp.millis;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The routes beyond chat and completions: bodies, determinism and latencies. */
class EndpointRoutesTest {

    private static MockServer server;

    @BeforeAll
    static void start() {
        server = MockServer.start(MockConfig.ephemeral().withTiming(40, 10));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static JsonNode ok(String path, String body) {
        HttpResponse<String> response = TestHttp.post(server, path, body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json(response);
    }

    private static double timedMs(Runnable call) {
        long start = System.nanoTime();
        call.run();
        return millis(System.nanoTime() - start);
    }

    @Test
    void embeddingsAreDeterministicUnitVectorsAfterBasePlusPerInputLatency() {
        String body = "{\"model\":\"e\",\"input\":[\"a\",\"b\",\"a\"]}";
        JsonNode r = ok("/v1/embeddings", body);
        assertThat(r.path("object").asText()).isEqualTo("list");
        assertThat(r.path("data")).hasSize(3);
        JsonNode first = r.path("data").path(0);
        assertThat(first.path("object").asText()).isEqualTo("embedding");
        assertThat(first.path("embedding")).hasSize(768);
        assertThat(r.path("data").path(2).path("embedding")).isEqualTo(first.path("embedding"));
        assertThat(r.path("data").path(1).path("embedding")).isNotEqualTo(first.path("embedding"));
        double norm = 0;
        for (JsonNode v : first.path("embedding")) {
            norm += v.asDouble() * v.asDouble();
        }
        assertThat(norm).isBetween(0.999, 1.001);
        assertThat(r.path("usage").path("prompt_tokens").asInt()).isEqualTo(3);

        String many = "{\"input\":[" + "\"x\",".repeat(49) + "\"x\"]}";
        assertThat(timedMs(() -> ok("/v1/embeddings", many))).isGreaterThanOrEqualTo(10 + 2 * 50 - 1);
        assertThat(ok("/v1/embeddings", "{\"input\":\"one\"}").path("data")).hasSize(1);
        assertThat(ok("/v1/embeddings", "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}")
                .path("data")).hasSize(1);
        assertThat(TestHttp.post(server, "/v1/embeddings", "{\"input\":5}").statusCode()).isEqualTo(400);
        assertThat(TestHttp.post(server, "/v1/embeddings", "[1]").statusCode()).isEqualTo(400);
    }

    @Test
    void rankingsInEachShape() {
        JsonNode nim = ok("/v1/ranking", "{\"model\":\"r\",\"query\":{\"text\":\"q\"},"
                + "\"passages\":[{\"text\":\"a\"},{\"text\":\"b\"}]}");
        assertThat(nim.path("rankings")).hasSize(2);
        assertThat(nim.path("rankings").path(0).has("logit")).isTrue();
        assertThat(nim.path("rankings").path(0).path("logit").asDouble())
                .isGreaterThanOrEqualTo(nim.path("rankings").path(1).path("logit").asDouble());

        JsonNode tei = ok("/rerank", "{\"query\":\"q\",\"texts\":[\"a\",\"b\",\"c\"]}");
        assertThat(tei.isArray()).isTrue();
        assertThat(tei).hasSize(3);
        assertThat(tei.path(0).has("score")).isTrue();

        JsonNode cohere = ok("/v2/rerank", "{\"model\":\"r\",\"query\":\"q\",\"documents\":[\"a\"]}");
        assertThat(cohere.path("results").path(0).path("index").asInt()).isZero();
        assertThat(cohere.path("results").path(0).path("relevance_score").asDouble()).isBetween(0.0, 1.0);
        assertThat(ok("/v2/rerank", "{\"model\":\"r\",\"query\":\"q\",\"documents\":[\"a\"]}").path("results"))
                .isEqualTo(cohere.path("results"));

        String many = "{\"query\":\"q\",\"texts\":[" + "\"x\",".repeat(59) + "\"x\"]}";
        assertThat(timedMs(() -> ok("/rerank", many))).isGreaterThanOrEqualTo(10 + 60 - 1);
        assertThat(TestHttp.post(server, "/rerank", "{\"query\":\"q\",\"texts\":[]}").statusCode()).isEqualTo(400);
        assertThat(TestHttp.post(server, "/v1/ranking", "{\"passages\":[{\"text\":\"a\"}]}").statusCode())
                .isEqualTo(400);
    }

    @Test
    void tgiGenerateWaitsTtftPlusItlPerToken() {
        String body = "{\"inputs\":\"hello there\",\"parameters\":{\"max_new_tokens\":6}}";
        long start = System.nanoTime();
        JsonNode r = ok("/generate", body);
        double ms = millis(System.nanoTime() - start);
        String text = r.path("generated_text").asText();
        int tokens = text.split(" ", -1).length;
        assertThat(tokens).isBetween(1, 6);
        assertThat(ms).isGreaterThanOrEqualTo(40 + 10 * tokens - 1);
        assertThat(ok("/generate", body).path("generated_text").asText()).isEqualTo(text);
        assertThat(TestHttp.post(server, "/generate", "{\"inputs\":[1]}").statusCode()).isEqualTo(400);
    }

    @Test
    void tgiGenerateStreamSendsOneTokenPerEventOnTheSchedule() {
        long start = System.nanoTime();
        List<TestHttp.SseEvent> events = TestHttp.stream(server, "/generate_stream",
                "{\"inputs\":\"hello there\",\"parameters\":{\"max_new_tokens\":8}}");
        assertThat(events).isNotEmpty();
        StringBuilder joined = new StringBuilder();
        for (int i = 0; i < events.size(); i++) {
            JsonNode e = json(events.get(i).data());
            assertThat(e.path("index").asInt()).isEqualTo(i);
            joined.append(e.path("token").path("text").asText());
            if (i < events.size() - 1) {
                assertThat(e.path("generated_text").isNull()).isTrue();
            } else {
                assertThat(e.path("generated_text").asText()).isEqualTo(joined.toString());
            }
        }
        assertThat(millis(events.get(0).receivedNs() - start)).isGreaterThanOrEqualTo(39);
        assertThat(millis(events.get(events.size() - 1).receivedNs() - start))
                .isGreaterThanOrEqualTo(40 + 10 * (events.size() - 1) - 1);
    }

    @Test
    void responsesStreamingEventsAndUsage() {
        List<TestHttp.SseEvent> events = TestHttp.stream(server, "/v1/responses",
                "{\"input\":[{\"role\":\"user\",\"content\":\"tell me\"}],\"model\":\"m\",\"stream\":true,"
                        + "\"max_output_tokens\":5}");
        assertThat(json(events.get(0).data()).path("type").asText()).isEqualTo("response.created");
        StringBuilder text = new StringBuilder();
        int deltas = 0;
        for (TestHttp.SseEvent event : events) {
            JsonNode e = json(event.data());
            if ("response.output_text.delta".equals(e.path("type").asText())) {
                text.append(e.path("delta").asText());
                deltas++;
            }
        }
        JsonNode done = json(events.get(events.size() - 2).data());
        assertThat(done.path("type").asText()).isEqualTo("response.output_text.done");
        assertThat(done.path("text").asText()).isEqualTo(text.toString());
        JsonNode completed = json(events.get(events.size() - 1).data());
        assertThat(completed.path("type").asText()).isEqualTo("response.completed");
        assertThat(completed.path("response").path("usage").path("output_tokens").asInt()).isEqualTo(deltas);
        assertThat(completed.path("response").path("usage").path("input_tokens").asInt()).isEqualTo(2);
    }

    @Test
    void responsesWholeBody() {
        JsonNode r = ok("/v1/responses", "{\"input\":\"tell me\",\"model\":\"m\",\"max_output_tokens\":4}");
        assertThat(r.path("object").asText()).isEqualTo("response");
        assertThat(r.path("status").asText()).isEqualTo("completed");
        JsonNode part = r.path("output").path(0).path("content").path(0);
        assertThat(part.path("type").asText()).isEqualTo("output_text");
        assertThat(part.path("text").asText().split(" ", -1).length)
                .isEqualTo(r.path("usage").path("output_tokens").asInt());
    }

    @Test
    void solidoRag() {
        long start = System.nanoTime();
        JsonNode r = ok("/rag/api/prompt", "{\"query\":[\"what is SDE\"],\"filters\":{\"family\":\"Solido\","
                + "\"tool\":\"SDE\"},\"inference_model\":\"m\"}");
        double ms = millis(System.nanoTime() - start);
        int tokens = r.path("content").asText().split(" ", -1).length;
        assertThat(tokens).isGreaterThanOrEqualTo(16);
        assertThat(ms).isGreaterThanOrEqualTo(40 + 10 * tokens - 1);
        assertThat(r.path("sources")).isNotEmpty();
        assertThat(TestHttp.post(server, "/rag/api/prompt", "{\"query\":\"x\"}").statusCode()).isEqualTo(400);
    }

    @Test
    void customMultimodalCountsWhatItReceivedAndAnswersText() {
        long start = System.nanoTime();
        JsonNode r = ok("/v1/custom-multimodal", "{\"modality_bundle\":{\"text\":[\"describe the picture\"],"
                + "\"images\":[\"data:image/png;base64,iVBORw0KGgo=\",\"https://example.invalid/a.jpg\"],"
                + "\"audios\":[\"wav,UklGRg==\"]},\"inference_params\":{\"model_id\":\"m\",\"max_tokens\":7}}");
        double ms = millis(System.nanoTime() - start);
        String text = r.path("text").asText();
        int tokens = text.split(" ", -1).length;
        assertThat(tokens).isEqualTo(r.path("usage").path("completion_tokens").asInt()).isBetween(1, 7);
        assertThat(r.path("completion").path("generated_text").asText()).isEqualTo(text);
        assertThat(r.path("completion").path("metadata").path("tokens_used").path("output").asInt()).isEqualTo(tokens);
        assertThat(r.path("received").toString()).isEqualTo("{\"texts\":1,\"images\":2,\"audios\":1,\"videos\":0}");
        assertThat(r.path("usage").path("prompt_tokens").asInt()).isEqualTo(5);
        assertThat(ms).isGreaterThanOrEqualTo(40 + 10 * tokens - 1);

        JsonNode aiperfNames = ok("/v1/custom-multimodal", "{\"modality_bundle\":{\"text_fragments\":[\"a\",\"b\"],"
                + "\"visual_assets\":{\"videos\":[\"data:video/mp4;base64,AAAA\"]},"
                + "\"audio_streams\":[\"data:audio/wav;base64,UklGRg==\"]}}");
        assertThat(aiperfNames.path("received").toString())
                .isEqualTo("{\"texts\":2,\"images\":0,\"audios\":1,\"videos\":1}");
    }

    @Test
    void customMultimodalRefusesWrongShapes() {
        for (String body : List.of("{\"text\":[\"x\"]}", "{\"modality_bundle\":{}}",
                "{\"modality_bundle\":{\"text\":[1]}}",
                "{\"modality_bundle\":{\"text\":[\"x\"],\"images\":[\"iVBORw0KGgo=\"]}}",
                "{\"modality_bundle\":{\"text\":[\"x\"],\"audios\":[\"UklGRg==\"]}}")) {
            HttpResponse<String> response = TestHttp.post(server, "/v1/custom-multimodal", body);
            assertThat(response.statusCode()).as(body).isEqualTo(400);
        }
    }
}
