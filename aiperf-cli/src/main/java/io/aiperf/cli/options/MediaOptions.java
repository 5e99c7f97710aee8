package io.aiperf.cli.options;

import picocli.CommandLine.Option;

import java.util.ArrayList;
import java.util.List;

/** AIPerf's "Audio / Image / Video Input" group: synthetic media sent with every synthetic turn. */
public final class MediaOptions {

    @Option(names = "--image-width-mean", paramLabel = "PX", defaultValue = "0", converter = PythonFloat.class,
            description = "Mean width of synthetic images; images are made only when both width and height means "
                    + "are greater than 0 (default: ${DEFAULT-VALUE}).")
    public double imageWidthMean;

    @Option(names = "--image-width-stddev", paramLabel = "PX", defaultValue = "0", converter = PythonFloat.class,
            description = "Standard deviation of the image width (default: ${DEFAULT-VALUE}).")
    public double imageWidthStddev;

    @Option(names = "--image-height-mean", paramLabel = "PX", defaultValue = "0", converter = PythonFloat.class,
            description = "Mean height of synthetic images (default: ${DEFAULT-VALUE}).")
    public double imageHeightMean;

    @Option(names = "--image-height-stddev", paramLabel = "PX", defaultValue = "0", converter = PythonFloat.class,
            description = "Standard deviation of the image height (default: ${DEFAULT-VALUE}).")
    public double imageHeightStddev;

    @Option(names = {"--image-batch-size", "--batch-size-image"}, paramLabel = "N", defaultValue = "1",
            description = "Images per request (default: ${DEFAULT-VALUE}).")
    public int imageBatchSize;

    @Option(names = "--image-format", paramLabel = "FORMAT", defaultValue = "png",
            description = "png, jpeg or random (each image one of the two) (default: ${DEFAULT-VALUE}).")
    public String imageFormat;

    @Option(names = {"--audio-batch-size", "--batch-size-audio"}, paramLabel = "N", defaultValue = "1",
            description = "Audio clips per request (default: ${DEFAULT-VALUE}).")
    public int audioBatchSize;

    @Option(names = "--audio-length-mean", paramLabel = "SECONDS", defaultValue = "0", converter = PythonFloat.class,
            description = "Mean length of synthetic audio clips (noise); clips are made only when greater than 0 "
                    + "(default: ${DEFAULT-VALUE}).")
    public double audioLengthMean;

    @Option(names = "--audio-length-stddev", paramLabel = "SECONDS", defaultValue = "0",
            converter = PythonFloat.class,
            description = "Standard deviation of the clip length (default: ${DEFAULT-VALUE}).")
    public double audioLengthStddev;

    @Option(names = "--audio-format", paramLabel = "FORMAT", defaultValue = "wav",
            description = "wav or mp3 (mp3 is encoded by the system ffmpeg) (default: ${DEFAULT-VALUE}).")
    public String audioFormat;

    @Option(names = "--audio-depths", paramLabel = "BITS", split = ",", arity = "1..*",
            description = "Bit depths to draw each clip's from: 8, 16, 24, 32 (default: 16).")
    public List<Integer> audioDepths = new ArrayList<>();

    @Option(names = "--audio-sample-rates", paramLabel = "KHZ", split = ",", arity = "1..*",
            converter = PythonFloat.class,
            description = "Sample rates in kHz to draw each clip's from (default: 16.0).")
    public List<Double> audioSampleRates = new ArrayList<>();

    @Option(names = "--audio-num-channels", paramLabel = "N", defaultValue = "1",
            description = "1 (mono) or 2 (stereo) (default: ${DEFAULT-VALUE}).")
    public int audioNumChannels;

    @Option(names = {"--video-batch-size", "--batch-size-video"}, paramLabel = "N", defaultValue = "1",
            description = "Videos per request; videos are made only when --video-width and --video-height are set "
                    + "(default: ${DEFAULT-VALUE}).")
    public int videoBatchSize;

    @Option(names = "--video-duration", paramLabel = "SECONDS", defaultValue = "5.0", converter = PythonFloat.class,
            description = "Length of each synthetic video (default: ${DEFAULT-VALUE}).")
    public double videoDuration;

    @Option(names = "--video-fps", paramLabel = "N", defaultValue = "4",
            description = "Frames per second (default: ${DEFAULT-VALUE}).")
    public int videoFps;

    @Option(names = "--video-width", paramLabel = "PX",
            description = "Width of synthetic videos; give --video-height too. Needs ffmpeg on PATH.")
    public Integer videoWidth;

    @Option(names = "--video-height", paramLabel = "PX",
            description = "Height of synthetic videos; give --video-width too.")
    public Integer videoHeight;

    @Option(names = "--video-synth-type", paramLabel = "TYPE", defaultValue = "moving_shapes",
            description = "What the frames show: moving_shapes, grid_clock or noise (default: ${DEFAULT-VALUE}).")
    public String videoSynthType;

    @Option(names = "--video-format", paramLabel = "FORMAT", defaultValue = "webm",
            description = "Container: webm or mp4 (default: ${DEFAULT-VALUE}).")
    public String videoFormat;

    @Option(names = "--video-codec", paramLabel = "CODEC", defaultValue = "libvpx-vp9",
            description = "Any ffmpeg video encoder, e.g. libvpx-vp9, libvpx, libx264 (default: ${DEFAULT-VALUE}).")
    public String videoCodec;

    @Option(names = "--video-audio-sample-rate", paramLabel = "RATE", defaultValue = "44100",
            converter = PythonFloat.class,
            description = "Sample rate of the videos' noise track, in Hz (or kHz when at most 1000, as 44.1) "
                    + "(default: ${DEFAULT-VALUE}).")
    public double videoAudioSampleRate;

    @Option(names = "--video-audio-num-channels", paramLabel = "N", defaultValue = "0",
            description = "0 (no audio track), 1 or 2 (default: ${DEFAULT-VALUE}).")
    public int videoAudioNumChannels;

    @Option(names = "--video-audio-codec", paramLabel = "CODEC",
            description = "libvorbis, libopus or aac (default: libvorbis for webm, libopus for mp4).")
    public String videoAudioCodec;

    @Option(names = "--video-audio-depth", paramLabel = "BITS", defaultValue = "16",
            description = "Bit depth of the noise track: 8, 16, 24 or 32 (default: ${DEFAULT-VALUE}).")
    public int videoAudioDepth;
}
