package io.aiperf.cli.options;

import io.aiperf.core.config.BenchmarkConfig;
import io.aiperf.core.config.EndpointType;
import io.aiperf.core.config.RequestContentType;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** --request-content-type, --download-video-content and the image_retrieval input rule. */
class GenerationEndpointOptionsTest {

    @Test
    void defaultsAreJsonBodiesAndNoDownload() {
        BenchmarkConfig c = Cli.m("--endpoint-type", "video_generation");
        assertThat(c.endpoint().type()).isEqualTo(EndpointType.VIDEO_GENERATION);
        assertThat(c.endpoint().requestContentType()).isEqualTo(RequestContentType.APPLICATION_JSON);
        assertThat(c.endpoint().downloadVideoContent()).isFalse();
        assertThat(c.endpoint().path()).isEqualTo("/v1/videos");
    }

    @Test
    void aVideoRunMayAskForAFormAndTheDownload() {
        BenchmarkConfig c = Cli.m("--endpoint-type", "video_generation", "--request-content-type",
                "Multipart/Form-Data", "--download-video-content");
        assertThat(c.endpoint().requestContentType()).isEqualTo(RequestContentType.MULTIPART_FORM_DATA);
        assertThat(c.endpoint().downloadVideoContent()).isTrue();
        // The redacted copy written into exports keeps both.
        assertThat(c.redacted().endpoint().requestContentType()).isEqualTo(RequestContentType.MULTIPART_FORM_DATA);
        assertThat(c.redacted().endpoint().downloadVideoContent()).isTrue();
    }

    @Test
    void aFormIsRefusedWhereTheEndpointSendsNone() {
        Cli.rejects("--endpoint-type", "chat", "--request-content-type", "multipart/form-data")
                .hasMessage("--request-content-type multipart/form-data is only supported by the video_generation "
                        + "endpoint, not chat");
        Cli.rejects("--request-content-type", "text/plain")
                .hasMessageStartingWith("--request-content-type: unknown request content type 'text/plain'");
    }

    @Test
    void imageRetrievalNeedsImagesAndGetsTheSyntheticOnes() {
        Cli.rejects("--endpoint-type", "image_retrieval").hasMessageContaining("image_retrieval sends images only");
        Cli.rejects("--endpoint-type", "image_retrieval", "--image-width-mean", "8", "--image-height-mean", "8",
                "--isl", "64").hasMessage("--synthetic-input-tokens-mean cannot be used with --endpoint-type "
                + "image_retrieval: its input is images only");
        BenchmarkConfig c = Cli.m("--endpoint-type", "image_retrieval", "--image-width-mean", "32",
                "--image-height-mean", "16");
        assertThat(c.input().media().images().enabled()).isTrue();
        assertThat(c.endpoint().path()).isEqualTo("/v1/infer");
    }

    @Test
    void imageGenerationKeepsStreamingVideoGenerationDropsIt() {
        assertThat(Cli.m("--endpoint-type", "image_generation", "--streaming").endpoint().streaming()).isTrue();
        assertThat(Cli.m("--endpoint-type", "video_generation", "--streaming").endpoint().streaming()).isFalse();
    }
}
