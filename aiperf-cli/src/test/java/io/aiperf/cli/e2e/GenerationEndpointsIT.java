package io.aiperf.cli.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import io.aiperf.mock.MockConfig;
import io.aiperf.mock.MockServer;
import io.aiperf.mock.RequestRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** image_generation (whole and streamed), image_retrieval and video_generation end to end against the mock. */
class GenerationEndpointsIT {

    @RegisterExtension
    final AiperfRuns aiperf = new AiperfRuns().withoutWorkerWarmup();

    private AiperfRun profile(String type, String... more) throws Exception {
        List<String> args = new ArrayList<>(List.of("-m", "m", "--endpoint-type", type, "--concurrency", "2",
                "--request-count", "4"));
        args.addAll(List.of(more));
        AiperfRun r = aiperf.profile(args);
        assertThat(r.exitCode()).as(r.stderr()).isZero();
        JsonNode summary = r.summary();
        assertThat(summary.at("/request_count/avg").asInt()).as(r.stdout()).isEqualTo(4);
        assertThat(summary.has("error_request_count")).as(r.stdout()).isFalse();
        assertThat(summary.has("request_latency")).isTrue();
        assertThat(summary.has("output_sequence_length")).isFalse();
        assertThat(summary.has("time_to_first_token")).isFalse();
        return r;
    }

    @Test
    void imageGenerationWholeAndStreamed() throws Exception {
        MockServer mock = aiperf.startMock(MockConfig.ephemeral().withFast(true));
        AiperfRun whole = profile("image_generation", "--isl", "16", "--extra-inputs", "size:64x64");
        assertThat(whole.stdout()).contains("Image Generation Metrics");
        assertThat(whole.summary().has("input_sequence_length")).isTrue();
        assertThat(whole.summary().has("image_throughput")).isFalse(); // no input images: AIPerf's rule
        assertThat(mock.requestLog()).hasSize(4).allMatch(r -> r.path().equals("/v1/images/generations")
                && !r.stream() && "b64_json".equals(r.body().path("response_format").asText()));

        AiperfRun streamed = profile("image_generation", "--isl", "16", "--streaming", "--extra-inputs", "size:32x32");
        assertThat(streamed.summary().has("request_latency")).isTrue();
        assertThat(mock.requestLog().stream().filter(RequestRecord::stream).count()).isEqualTo(4);
    }

    @Test
    void imageRetrievalSendsSyntheticImagesAndReportsImageMetrics() throws Exception {
        MockServer mock = aiperf.startMock(MockConfig.ephemeral().withFast(true));
        AiperfRun r = profile("image_retrieval", "--image-width-mean", "32", "--image-height-mean", "32",
                "--image-batch-size", "2");
        assertThat(r.stdout()).contains("Image Retrieval Metrics").contains("Image Throughput");
        JsonNode summary = r.summary();
        assertThat(summary.at("/num_images/avg").asDouble()).isEqualTo(2.0);
        assertThat(summary.at("/image_throughput/avg").asDouble()).isPositive();
        assertThat(summary.at("/image_latency/avg").asDouble()).isPositive();
        assertThat(summary.has("input_sequence_length")).isFalse();
        assertThat(mock.requestLog()).hasSize(4).allMatch(x -> x.path().equals("/v1/infer")
                && x.body().path("input").size() == 2);
    }

    @Test
    void videoGenerationPollsUntilDoneAndDownloadsOnlyWhenAsked() throws Exception {
        MockServer mock = aiperf.startMock(MockConfig.ephemeral().withFast(true));
        AiperfRun r = profile("video_generation", "--isl", "16");
        assertThat(r.stdout()).contains("Video Generation Metrics");
        JsonNode summary = r.summary();
        assertThat(summary.at("/video_inference_time/avg").asDouble()).isPositive();
        assertThat(summary.at("/video_inference_time/unit").asText()).isEqualTo("ms");
        assertThat(summary.at("/video_peak_memory/avg").asDouble()).isPositive();
        List<String> paths = mock.requestLog().stream().map(RequestRecord::path).toList();
        assertThat(paths.stream().filter(p -> p.equals("/v1/videos"))).hasSize(4);
        assertThat(paths.stream().filter(p -> p.matches("/v1/videos/[^/]+")).count()).isGreaterThanOrEqualTo(4);
        assertThat(paths).noneMatch(p -> p.endsWith("/content"));

        aiperf.stopMock();
        MockServer second = aiperf.startMock(MockConfig.ephemeral().withFast(true));
        profile("video_generation", "--isl", "16", "--download-video-content",
                "--request-content-type", "multipart/form-data");
        List<RequestRecord> log = second.requestLog();
        assertThat(log.stream().filter(x -> x.path().endsWith("/content"))).hasSize(4);
        assertThat(log.stream().filter(x -> x.path().equals("/v1/videos")))
                .allMatch(x -> x.header("Content-Type").startsWith("multipart/form-data"));
    }
}
