package io.aiperf.core.endpoint;

import io.aiperf.core.config.EndpointType;
import io.aiperf.core.message.TurnInput;
import io.aiperf.core.model.NamedContents;
import io.aiperf.core.model.TurnContents;
import io.aiperf.core.model.Usage;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.aiperf.core.endpoint.PayloadFormatterTest.config;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Bodies and parsers of image_generation, video_generation and image_retrieval (AIPerf reference §2.3). */
class GenerationEndpointsTest {

    private static ParsedResponse parse(EndpointType type, String json) throws ResponseParseException {
        return ResponseParser.forType(type).parse(json);
    }

    @Test
    void imageGenerationAsksForBase64AndStreamsOnlyWhenAsked() {
        assertThat(PayloadFormatter.format(config(EndpointType.IMAGE_GENERATION, false, false, true,
                Map.of("size", "512x512")), "a red fox", null, null))
                .isEqualTo("{\"prompt\":\"a red fox\",\"model\":\"model-a\",\"response_format\":\"b64_json\","
                        + "\"size\":\"512x512\"}");
        assertThat(PayloadFormatter.format(config(EndpointType.IMAGE_GENERATION, true, false, true, Map.of()),
                "a red fox", 100, "model-b"))
                .isEqualTo("{\"prompt\":\"a red fox\",\"model\":\"model-b\",\"response_format\":\"b64_json\","
                        + "\"stream\":true}");
    }

    @Test
    void videoGenerationSendsThePromptAndModelThenTheExtras() {
        assertThat(PayloadFormatter.format(config(EndpointType.VIDEO_GENERATION, false, false, true,
                Map.of("seconds", "8")), "waves at night", null, null))
                .isEqualTo("{\"prompt\":\"waves at night\",\"model\":\"model-a\",\"seconds\":\"8\"}");
    }

    @Test
    void imageRetrievalSendsEachImageAsAnInputItemAndNoText() {
        TurnInput in = new TurnInput("ignored text", new TurnContents(List.of(),
                List.of(NamedContents.of("images", "data:image/png;base64,AAA", "data:image/png;base64,BBB")),
                List.of(), List.of()), null, null);
        assertThat(PayloadFormatter.format(config(EndpointType.IMAGE_RETRIEVAL, false, false, true, Map.of()), in,
                null, null))
                .isEqualTo("{\"input\":[{\"type\":\"image_url\",\"url\":\"data:image/png;base64,AAA\"},"
                        + "{\"type\":\"image_url\",\"url\":\"data:image/png;base64,BBB\"}]}");
    }

    @Test
    void aWholeImageAnswerIsOneNonTextResponse() throws Exception {
        ParsedResponse r = parse(EndpointType.IMAGE_GENERATION, "{\"created\":1,\"data\":[{\"b64_json\":\"iVBO\"}],"
                + "\"usage\":{\"input_tokens\":5,\"output_tokens\":272,\"total_tokens\":277}}");
        assertThat(r.hasContent()).isTrue();
        assertThat(r.text()).isNull();
        assertThat(r.usage()).isEqualTo(new Usage(5L, 272L, 277L, null));
        assertThat(parse(EndpointType.IMAGE_GENERATION, "{\"data\":[{\"url\":\"https://x/i.png\"}]}").hasContent())
                .isTrue();
        assertThat(parse(EndpointType.IMAGE_GENERATION, "{\"data\":[]}").hasContent()).isFalse();
        assertThatThrownBy(() -> parse(EndpointType.IMAGE_GENERATION, "{\"data\":[{\"revised_prompt\":\"x\"}]}"))
                .isInstanceOf(ResponseParseException.class);
        assertThatThrownBy(() -> parse(EndpointType.IMAGE_GENERATION, "{\"images\":[]}"))
                .isInstanceOf(ResponseParseException.class);
    }

    @Test
    void streamedPartialAndFinalImagesAreContentOtherEventsAreNot() throws Exception {
        assertThat(parse(EndpointType.IMAGE_GENERATION, "{\"type\":\"image_generation.partial_image\","
                + "\"b64_json\":\"AA\",\"partial_image_index\":0}").hasContent()).isTrue();
        ParsedResponse done = parse(EndpointType.IMAGE_GENERATION, "{\"type\":\"image_generation.completed\","
                + "\"b64_json\":\"AA\",\"usage\":{\"input_tokens\":2,\"output_tokens\":3,\"total_tokens\":5}}");
        assertThat(done.hasContent()).isTrue();
        assertThat(done.usage().completionTokens()).isEqualTo(3L);
        assertThat(parse(EndpointType.IMAGE_GENERATION, "{\"type\":\"image_generation.started\"}").hasContent())
                .isFalse();
    }

    @Test
    void imageRetrievalNeedsADataList() throws Exception {
        assertThat(parse(EndpointType.IMAGE_RETRIEVAL, "{\"data\":[{\"index\":0}]}").hasContent()).isTrue();
        assertThat(parse(EndpointType.IMAGE_RETRIEVAL, "{\"data\":[]}").hasContent()).isFalse();
        assertThatThrownBy(() -> parse(EndpointType.IMAGE_RETRIEVAL, "{\"results\":[]}"))
                .isInstanceOf(ResponseParseException.class);
    }

    @Test
    void aVideoJobReadsItsStateAndTheServersFigures() throws Exception {
        VideoJob queued = VideoJob.parse("{\"id\":\"v1\",\"object\":\"video\",\"status\":\"queued\",\"progress\":0}");
        assertThat(queued.completed()).isFalse();
        assertThat(queued.failed()).isFalse();
        assertThat(queued.progress()).isEqualTo(0.0);
        VideoJob done = VideoJob.parse("{\"id\":\"v1\",\"status\":\"COMPLETED\",\"progress\":100,"
                + "\"inference_time_s\":12.5,\"peak_memory_mb\":8192,\"url\":\"/files/v1.mp4\"}");
        assertThat(done.completed()).isTrue();
        assertThat(done.inferenceTimeSec()).isEqualTo(12.5);
        assertThat(done.peakMemoryMb()).isEqualTo(8192.0);
        assertThat(done.url()).isEqualTo("/files/v1.mp4");
        VideoJob failed = VideoJob.parse("{\"id\":\"v2\",\"status\":\"failed\",\"error\":{\"message\":\"OOM\"}}");
        assertThat(failed.failed()).isTrue();
        assertThat(failed.error()).isEqualTo("OOM");
        assertThatThrownBy(() -> VideoJob.parse("[]")).isInstanceOf(ResponseParseException.class);

        assertThat(parse(EndpointType.VIDEO_GENERATION, "{\"id\":\"v1\",\"status\":\"completed\"}").hasContent())
                .isTrue();
        assertThat(parse(EndpointType.VIDEO_GENERATION, "{\"id\":\"v1\",\"status\":\"in_progress\"}").hasContent())
                .isFalse();
    }

    @Test
    void onlyImageRetrievalSkipsTokenizingItsInput() {
        assertThat(EndpointType.IMAGE_RETRIEVAL.tokenizesInput()).isFalse();
        assertThat(EndpointType.IMAGE_GENERATION.tokenizesInput()).isTrue();
        assertThat(EndpointType.CHAT.tokenizesInput()).isTrue();
        assertThat(EndpointType.VIDEO_GENERATION.producesVideo()).isTrue();
        assertThat(EndpointType.IMAGE_GENERATION.supportsStreaming()).isTrue();
        assertThat(EndpointType.VIDEO_GENERATION.supportsStreaming()).isFalse();
        assertThat(EndpointType.fromCli("image-retrieval").defaultPath()).isEqualTo("/v1/infer");
    }
}
