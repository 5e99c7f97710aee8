package io.aiperf.mock;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** Chat and Responses bodies with media parts are answered, counted in the request log, and refused when broken. */
class MediaPartsTest {

    private static final String PNG = "data:image/png;base64,iVBORw0KGgo=";

    private static String chat(String parts) {
        return "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":[" + parts + "]}],\"max_tokens\":3}";
    }

    @Test
    void chatPartsAreAnsweredAndCounted() {
        try (MockServer server = MockServer.start(MockConfig.ephemeral().withFast(true))) {
            HttpResponse<String> r = TestHttp.post(server, "/v1/chat/completions", chat(
                    "{\"type\":\"text\",\"text\":\"describe\"},"
                            + "{\"type\":\"image_url\",\"image_url\":{\"url\":\"" + PNG + "\"}},"
                            + "{\"type\":\"image_url\",\"image_url\":{\"url\":\"https://example.invalid/a.png\"}},"
                            + "{\"type\":\"input_audio\",\"input_audio\":{\"data\":\"UklGRg==\",\"format\":\"wav\"}},"
                            + "{\"type\":\"video_url\",\"video_url\":{\"url\":\"data:video/mp4;base64,AAAA\"}}"));
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            // only the text part is prompt text: prompt_tokens as for a plain "describe"
            HttpResponse<String> plain = TestHttp.post(server, "/v1/chat/completions",
                    "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"describe\"}],\"max_tokens\":3}");
            assertThat(TestHttp.json(r.body()).at("/usage/prompt_tokens").asInt())
                    .isEqualTo(TestHttp.json(plain.body()).at("/usage/prompt_tokens").asInt());

            RequestRecord rec = server.requestLog().get(0);
            assertThat(rec.images()).isEqualTo(2);
            assertThat(rec.audios()).isEqualTo(1);
            assertThat(rec.videos()).isEqualTo(1);
            assertThat(server.requestLog().get(1).images()).isZero();
            assertThat(TestHttp.json(TestHttp.get(server, "/mock/requests").body()).at("/requests/0/audios").asInt())
                    .isEqualTo(1);
        }
    }

    @Test
    void responsesAndNimEmbeddingsMediaAreCounted() {
        try (MockServer server = MockServer.start(MockConfig.ephemeral().withFast(true))) {
            HttpResponse<String> r = TestHttp.post(server, "/v1/responses", "{\"model\":\"m\",\"input\":[{\"role\":"
                    + "\"user\",\"content\":[{\"type\":\"input_text\",\"text\":\"hi\"},{\"type\":\"input_image\","
                    + "\"image_url\":\"" + PNG + "\"}]}]}");
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            HttpResponse<String> e = TestHttp.post(server, "/v1/embeddings", "{\"model\":\"m\",\"input\":["
                    + "\"a <img src='" + PNG + "'/>\",\"<img src='" + PNG + "'/>\"]}");
            assertThat(e.statusCode()).as(e.body()).isEqualTo(200);
            assertThat(server.requestLog()).extracting(RequestRecord::images).containsExactly(1, 2);
        }
    }

    @Test
    void brokenMediaIsRefusedWith400() {
        try (MockServer server = MockServer.start(MockConfig.ephemeral().withFast(true))) {
            HttpResponse<String> badData = TestHttp.post(server, "/v1/chat/completions", chat(
                    "{\"type\":\"input_audio\",\"input_audio\":{\"data\":\"not base64!\",\"format\":\"wav\"}}"));
            assertThat(badData.statusCode()).isEqualTo(400);
            assertThat(TestHttp.json(badData.body()).at("/error/message").asText())
                    .startsWith("messages[0].content[0].input_audio.data is not valid base64");
            HttpResponse<String> noFormat = TestHttp.post(server, "/v1/chat/completions", chat(
                    "{\"type\":\"input_audio\",\"input_audio\":{\"data\":\"UklGRg==\"}}"));
            assertThat(TestHttp.json(noFormat.body()).at("/error/message").asText())
                    .isEqualTo("messages[0].content[0].input_audio.format must be a non-empty string");
            HttpResponse<String> badUrl = TestHttp.post(server, "/v1/chat/completions", chat(
                    "{\"type\":\"image_url\",\"image_url\":{\"url\":\"cat.png\"}}"));
            assertThat(badUrl.statusCode()).isEqualTo(400);
            assertThat(TestHttp.json(badUrl.body()).at("/error/message").asText())
                    .isEqualTo("messages[0].content[0].image_url.url must be an http(s) URL or a base64 data URL");
            assertThat(server.requestLog()).as("refused requests are still logged").hasSize(3);
        }
    }
}
