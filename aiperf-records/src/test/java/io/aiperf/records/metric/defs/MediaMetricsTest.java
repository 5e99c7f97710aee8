package io.aiperf.records.metric.defs;

import io.aiperf.core.config.MetricsConfig;
import io.aiperf.core.model.MediaResult;
import io.aiperf.records.metric.MetricCatalog;
import io.aiperf.records.metric.MetricRecord;
import io.aiperf.records.metric.MetricRegistry;
import io.aiperf.records.metric.MetricSettings;
import io.aiperf.records.metric.MetricUnit;
import io.aiperf.records.metric.RecordMetrics;
import io.aiperf.records.testing.TestRecords;
import org.junit.jupiter.api.Test;

import static io.aiperf.records.testing.TestRecords.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** num_images, image_throughput, image_latency, video_inference_time, video_peak_memory. */
class MediaMetricsTest {

    private static final long MS = 1_000_000L;

    /** A non-token endpoint with the given traits (no streaming, client counts, no goodput). */
    private static RecordMetrics metrics(boolean tokenizesInput, boolean supportsImages, boolean producesVideo) {
        return new RecordMetrics(TestRecords.wordTokenizer(), MetricRegistry.standard(new MetricSettings(false, false,
                false, null, false, MetricsConfig.WarningThresholds.DEFAULT, tokenizesInput, supportsImages,
                producesVideo)));
    }

    private final RecordMetrics imageRetrieval = metrics(false, true, false);
    private final RecordMetrics videoGeneration = metrics(true, false, true);

    @Test
    void imageMetricsDivideByTheImagesTheRequestSent() {
        MetricRecord m = imageRetrieval.compute(request().chunk(200 * MS, null, null)
                .media(new MediaResult(4, null, null)).build(), null);

        assertThat(m.count(MetricCatalog.NUM_IMAGES)).isEqualTo(4);
        assertThat(m.number(MetricCatalog.IMAGE_THROUGHPUT)).isCloseTo(20.0, within(1e-9)); // 4 images / 0.2 s
        assertThat(m.number(MetricCatalog.IMAGE_LATENCY)).isCloseTo(50.0, within(1e-9)); // 200 ms / 4 images
    }

    @Test
    void aRequestWithoutImagesHasNoImageMetrics() {
        MetricRecord m = imageRetrieval.compute(request().chunk(200 * MS, null, null).build(), null);

        assertThat(m.has(MetricCatalog.NUM_IMAGES)).isFalse();
        assertThat(m.has(MetricCatalog.IMAGE_THROUGHPUT)).isFalse();
        assertThat(m.has(MetricCatalog.IMAGE_LATENCY)).isFalse();
        assertThat(m.has(MetricCatalog.REQUEST_LATENCY)).isTrue();
    }

    @Test
    void aNonTokenizingEndpointHasNoInputSequenceLength() {
        MetricRecord m = imageRetrieval.compute(request().chunk(10 * MS, null, null)
                .media(new MediaResult(1, null, null)).build(), 12L);

        assertThat(m.has(MetricCatalog.INPUT_SEQUENCE_LENGTH)).isFalse();
        assertThat(videoGeneration.compute(request().chunk(10 * MS, null, null).build(), 12L)
                .count(MetricCatalog.INPUT_SEQUENCE_LENGTH)).isEqualTo(12);
    }

    @Test
    void videoFiguresAreTheJobsOwnAndShownInMilliseconds() {
        MetricRecord m = videoGeneration.compute(request().chunk(3_000 * MS, null, null)
                .media(MediaResult.of(0, 2.5, 8192.0)).build(), 5L);

        assertThat(m.number(MetricCatalog.VIDEO_INFERENCE_TIME)).isEqualTo(2.5);
        assertThat(m.number(MetricCatalog.VIDEO_PEAK_MEMORY)).isEqualTo(8192.0);
        assertThat(MetricCatalog.VIDEO_INFERENCE_TIME.baseUnit().convert(2.5,
                MetricCatalog.VIDEO_INFERENCE_TIME.displayUnit())).isCloseTo(2500.0, within(1e-9));
        assertThat(MetricCatalog.VIDEO_PEAK_MEMORY.displayUnit()).isEqualTo(MetricUnit.MEGABYTES);
        // A job that reported neither: no video metrics, still a latency.
        MetricRecord bare = videoGeneration.compute(request().chunk(3_000 * MS, null, null).build(), 5L);
        assertThat(bare.has(MetricCatalog.VIDEO_INFERENCE_TIME)).isFalse();
        assertThat(bare.has(MetricCatalog.REQUEST_LATENCY)).isTrue();
    }

    @Test
    void endpointsWithoutTheTraitDropTheMetricsAltogether() {
        RecordMetrics chatLike = metrics(true, false, false);
        MetricRecord m = chatLike.compute(request().chunk(10 * MS, null, null)
                .media(MediaResult.of(2, 1.0, 1.0)).build(), 5L);

        assertThat(m.has(MetricCatalog.NUM_IMAGES)).isFalse();
        assertThat(m.has(MetricCatalog.VIDEO_INFERENCE_TIME)).isFalse();
    }
}
