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
            description = "wav (mp3 is refused: the JVM has no MP3 encoder) (default: ${DEFAULT-VALUE}).")
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
}
