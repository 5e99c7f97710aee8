package io.aiperf.core.model;

/**
 * What a request's media tell the image and video metrics: how many images it sent, and what a video job's server
 * reported about its generation. Carried on a record only when one of them is known.
 *
 * @param inputImages           images in the request (AIPerf's {@code num_images}), 0 when none
 * @param videoInferenceTimeSec the video server's {@code inference_time_s}, or null
 * @param videoPeakMemoryMb     the video server's {@code peak_memory_mb}, or null
 */
public record MediaResult(int inputImages, Double videoInferenceTimeSec, Double videoPeakMemoryMb) {

    /** The facts, or null when there are none (nothing to carry). */
    public static MediaResult of(int inputImages, Double videoInferenceTimeSec, Double videoPeakMemoryMb) {
        return inputImages == 0 && videoInferenceTimeSec == null && videoPeakMemoryMb == null ? null
                : new MediaResult(inputImages, videoInferenceTimeSec, videoPeakMemoryMb);
    }
}
