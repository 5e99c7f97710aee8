package io.aiperf.records.metric.defs;

import io.aiperf.core.model.MediaResult;
import io.aiperf.records.metric.MetricCatalog;
import io.aiperf.records.metric.RecordInputs;
import io.aiperf.records.metric.RecordMetricDefinition;

/**
 * Per-request image and video metrics (AIPerf's image and video metrics): images counted in the request the worker
 * sent, video figures as the finished job reported them. All absent for a request without the fact they read.
 */
public final class MediaMetrics {

    private MediaMetrics() {
    }

    /** Images in the request; absent when it sent none. */
    public static final class NumImages extends RecordMetricDefinition {
        public NumImages() {
            super(MetricCatalog.NUM_IMAGES);
        }

        @Override
        public Object compute(RecordInputs in) {
            int images = in.record().inputImages();
            return images > 0 ? (long) images : null;
        }
    }

    /** num_images / request_latency in seconds; needs a latency &gt; 0. */
    public static final class ImageThroughput extends RecordMetricDefinition {
        public ImageThroughput() {
            super(MetricCatalog.IMAGE_THROUGHPUT, MetricCatalog.NUM_IMAGES.tag(), MetricCatalog.REQUEST_LATENCY.tag());
        }

        @Override
        public Object compute(RecordInputs in) {
            Long images = in.count(MetricCatalog.NUM_IMAGES.tag());
            Long latencyNs = in.count(MetricCatalog.REQUEST_LATENCY.tag());
            return images == null || latencyNs == null || latencyNs <= 0 ? null : images / (latencyNs / 1e9);
        }
    }

    /** request_latency in ms / num_images. */
    public static final class ImageLatency extends RecordMetricDefinition {
        public ImageLatency() {
            super(MetricCatalog.IMAGE_LATENCY, MetricCatalog.NUM_IMAGES.tag(), MetricCatalog.REQUEST_LATENCY.tag());
        }

        @Override
        public Object compute(RecordInputs in) {
            Long images = in.count(MetricCatalog.NUM_IMAGES.tag());
            Long latencyNs = in.count(MetricCatalog.REQUEST_LATENCY.tag());
            return images == null || images == 0 || latencyNs == null ? null : (latencyNs / 1e6) / images;
        }
    }

    /** The job's {@code inference_time_s}, in seconds. */
    public static final class VideoInferenceTime extends RecordMetricDefinition {
        public VideoInferenceTime() {
            super(MetricCatalog.VIDEO_INFERENCE_TIME);
        }

        @Override
        public Object compute(RecordInputs in) {
            MediaResult media = in.record().media();
            return media == null ? null : media.videoInferenceTimeSec();
        }
    }

    /** The job's {@code peak_memory_mb}. */
    public static final class VideoPeakMemory extends RecordMetricDefinition {
        public VideoPeakMemory() {
            super(MetricCatalog.VIDEO_PEAK_MEMORY);
        }

        @Override
        public Object compute(RecordInputs in) {
            MediaResult media = in.record().media();
            return media == null ? null : media.videoPeakMemoryMb();
        }
    }
}
