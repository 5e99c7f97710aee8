package io.aiperf.mock;

import static io.aiperf.mock.TestHttp.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Base64;
import java.util.List;
import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Image generation, image retrieval and the video job routes. */
class GenerationRoutesTest {

    private static MockServer server;

    @BeforeAll
    static void start() {
        server = MockServer.start(MockConfig.ephemeral().withTiming(5, 2).withLatencies(
                new MockConfig.ItemLatencies(0, 0, 0, 0, 1, 1, 200)));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static BufferedImage decode(String b64) throws IOException {
        return ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(b64)));
    }

    @Test
    void imagesComeAsPngsOfTheRequestedSize() throws IOException {
        HttpResponse<String> r = TestHttp.post(server, ImagesRoute.PATH,
                "{\"prompt\":\"a cat\",\"model\":\"m\",\"size\":\"64x32\",\"n\":2,\"response_format\":\"b64_json\"}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode body = json(r);
        assertThat(body.path("data")).hasSize(2);
        BufferedImage image = decode(body.path("data").path(0).path("b64_json").asText());
        assertThat(image.getWidth()).isEqualTo(64);
        assertThat(image.getHeight()).isEqualTo(32);
        assertThat(body.path("usage").path("input_tokens").asInt()).isPositive();

        assertThat(TestHttp.post(server, ImagesRoute.PATH, "{\"prompt\":\"x\",\"size\":\"big\"}").statusCode())
                .isEqualTo(400);
        assertThat(TestHttp.post(server, ImagesRoute.PATH, "{\"size\":\"8x8\"}").statusCode()).isEqualTo(400);
    }

    @Test
    void aStreamedImageSendsItsPartialImagesThenTheFinalOne() throws IOException {
        List<TestHttp.SseEvent> events = TestHttp.stream(server, ImagesRoute.PATH,
                "{\"prompt\":\"a dog\",\"size\":\"16x16\",\"stream\":true,\"partial_images\":3}");
        assertThat(events).hasSize(4);
        for (int i = 0; i < 3; i++) {
            JsonNode partial = json(events.get(i).data());
            assertThat(partial.path("type").asText()).isEqualTo("image_generation.partial_image");
            assertThat(partial.path("partial_image_index").asInt()).isEqualTo(i);
        }
        JsonNode done = json(events.get(3).data());
        assertThat(done.path("type").asText()).isEqualTo("image_generation.completed");
        assertThat(decode(done.path("b64_json").asText()).getWidth()).isEqualTo(16);
        assertThat(done.has("usage")).isTrue();
    }

    @Test
    void imageRetrievalAnswersOneEntryPerImageOnBothPaths() {
        String image = "data:image/png;base64," + ImagesRoute.png(4, 4, false);
        String body = "{\"input\":[{\"type\":\"image_url\",\"url\":\"" + image + "\"},"
                + "{\"type\":\"image_url\",\"url\":\"" + image + "\"}]}";
        for (String path : List.of(ImageRetrievalRoute.PATH, ImageRetrievalRoute.MOCK_PATH)) {
            HttpResponse<String> r = TestHttp.post(server, path, body);
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            assertThat(json(r).path("data")).hasSize(2);
        }
        assertThat(TestHttp.post(server, ImageRetrievalRoute.PATH, "{\"input\":[{\"url\":\"http://x\"}]}")
                .statusCode()).isEqualTo(400);
    }

    @Test
    void aVideoJobGoesFromQueuedToCompletedAndThenHasContent() throws Exception {
        HttpResponse<String> submitted = TestHttp.post(server, VideosRoute.PATH,
                "{\"prompt\":\"waves\",\"model\":\"v\",\"seconds\":\"4\"}");
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(200);
        JsonNode job = json(submitted);
        assertThat(job.path("status").asText()).isEqualTo("queued");
        String id = job.path("id").asText();
        assertThat(TestHttp.get(server, VideosRoute.PREFIX + id + VideosRoute.CONTENT).statusCode())
                .isEqualTo(409);

        JsonNode state;
        do {
            Thread.sleep(20);
            state = json(TestHttp.get(server, VideosRoute.PREFIX + id));
            assertThat(state.path("status").asText()).isIn("queued", "in_progress", "completed");
        } while (!state.path("status").asText().equals("completed"));
        assertThat(state.path("progress").asInt()).isEqualTo(100);
        assertThat(state.path("inference_time_s").asDouble()).isEqualTo(0.2);
        assertThat(state.path("peak_memory_mb").asDouble()).isEqualTo(VideosRoute.PEAK_MEMORY_MB);

        HttpResponse<byte[]> video = TestHttp.client().send(
                TestHttp.request(server, VideosRoute.PREFIX + id + VideosRoute.CONTENT).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(video.statusCode()).isEqualTo(200);
        assertThat(video.headers().firstValue("content-type")).hasValue("video/mp4");
        assertThat(video.body()).hasSize(VideosRoute.VIDEO_BYTES);
        assertThat(TestHttp.get(server, VideosRoute.PREFIX + "nope").statusCode()).isEqualTo(404);
    }

    @Test
    void aVideoJobCanBeSubmittedAsAMultipartForm() {
        String boundary = "b0undary";
        String form = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"prompt\"\r\n\r\nclouds\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"model\"\r\n\r\nvm\r\n"
                + "--" + boundary + "--\r\n";
        HttpResponse<String> r = TestHttp.send(TestHttp.request(server, VideosRoute.PATH)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(form)).build());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(json(r).path("model").asText()).isEqualTo("vm");
        RequestRecord logged = server.requestLog().stream().filter(x -> x.path().equals(VideosRoute.PATH))
                .filter(x -> x.body() != null && "clouds".equals(x.body().path("prompt").asText())).findFirst()
                .orElseThrow();
        assertThat(logged.model()).isEqualTo("vm");
    }
}
