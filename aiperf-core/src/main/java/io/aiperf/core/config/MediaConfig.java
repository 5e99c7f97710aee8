package io.aiperf.core.config;

import java.util.List;
import java.util.Locale;

/**
 * Synthetic images and audio clips attached to every synthetic turn (AIPerf's "Audio / Image / Video Input" group).
 * Nothing is generated unless {@link Images#enabled()} or {@link Audio#enabled()}.
 *
 * @param images {@code --image-*} options
 * @param audio  {@code --audio-*} options
 */
public record MediaConfig(Images images, Audio audio) {

    public static final MediaConfig NONE = new MediaConfig(Images.NONE, Audio.NONE);

    public MediaConfig {
        images = images == null ? Images.NONE : images;
        audio = audio == null ? Audio.NONE : audio;
    }

    /** {@code --image-format}. */
    public enum ImageFormat {
        PNG, JPEG, RANDOM;

        public String cliName() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** Case-insensitive; {@code jpg} is taken for {@code jpeg}. */
        public static ImageFormat parse(String value) {
            String v = value.trim().toLowerCase(Locale.ROOT);
            switch (v) {
                case "png":
                    return PNG;
                case "jpeg":
                case "jpg":
                    return JPEG;
                case "random":
                    return RANDOM;
                default:
                    throw new IllegalArgumentException("unknown image format '" + value
                            + "' (expected png, jpeg or random)");
            }
        }
    }

    /** {@code --audio-format}. */
    public enum AudioFormat {
        WAV, MP3;

        public String cliName() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static AudioFormat parse(String value) {
            String v = value.trim().toLowerCase(Locale.ROOT);
            for (AudioFormat f : values()) {
                if (f.cliName().equals(v)) {
                    return f;
                }
            }
            throw new IllegalArgumentException("unknown audio format '" + value + "' (expected wav or mp3)");
        }
    }

    /**
     * @param widthMean    {@code --image-width-mean} in pixels
     * @param widthStddev  {@code --image-width-stddev}
     * @param heightMean   {@code --image-height-mean}
     * @param heightStddev {@code --image-height-stddev}
     * @param batchSize    {@code --image-batch-size}: images per turn
     * @param format       {@code --image-format}
     */
    public record Images(double widthMean, double widthStddev, double heightMean, double heightStddev,
                         int batchSize, ImageFormat format) {

        public static final Images NONE = new Images(0, 0, 0, 0, 1, ImageFormat.PNG);

        public Images {
            for (double v : new double[] {widthMean, widthStddev, heightMean, heightStddev}) {
                if (!(v >= 0) || Double.isInfinite(v)) {
                    throw new IllegalArgumentException("image sizes must be finite and non-negative");
                }
            }
            if (batchSize < 0) {
                throw new IllegalArgumentException("image batch size must not be negative: " + batchSize);
            }
            format = format == null ? ImageFormat.PNG : format;
        }

        /** AIPerf makes images only when both mean sizes are positive. */
        public boolean enabled() {
            return widthMean > 0 && heightMean > 0 && batchSize > 0;
        }
    }

    /**
     * @param lengthMeanSec   {@code --audio-length-mean} in seconds
     * @param lengthStddevSec {@code --audio-length-stddev}
     * @param batchSize       {@code --audio-batch-size}: clips per turn
     * @param format          {@code --audio-format}
     * @param depths          {@code --audio-depths}: bits per sample to draw from (8, 16, 24, 32)
     * @param sampleRatesKhz  {@code --audio-sample-rates} in kHz to draw from
     * @param channels        {@code --audio-num-channels}: 1 or 2
     */
    public record Audio(double lengthMeanSec, double lengthStddevSec, int batchSize, AudioFormat format,
                        List<Integer> depths, List<Double> sampleRatesKhz, int channels) {

        public static final List<Integer> DEFAULT_DEPTHS = List.of(16);
        public static final List<Double> DEFAULT_SAMPLE_RATES_KHZ = List.of(16.0);
        public static final List<Integer> SUPPORTED_DEPTHS = List.of(8, 16, 24, 32);
        public static final Audio NONE = new Audio(0, 0, 1, AudioFormat.WAV, DEFAULT_DEPTHS,
                DEFAULT_SAMPLE_RATES_KHZ, 1);

        public Audio {
            if (!(lengthMeanSec >= 0) || Double.isInfinite(lengthMeanSec)
                    || !(lengthStddevSec >= 0) || Double.isInfinite(lengthStddevSec)) {
                throw new IllegalArgumentException("audio lengths must be finite and non-negative");
            }
            if (batchSize < 0) {
                throw new IllegalArgumentException("audio batch size must not be negative: " + batchSize);
            }
            format = format == null ? AudioFormat.WAV : format;
            depths = depths == null || depths.isEmpty() ? DEFAULT_DEPTHS : List.copyOf(depths);
            sampleRatesKhz = sampleRatesKhz == null || sampleRatesKhz.isEmpty() ? DEFAULT_SAMPLE_RATES_KHZ
                    : List.copyOf(sampleRatesKhz);
            for (int d : depths) {
                if (!SUPPORTED_DEPTHS.contains(d)) {
                    throw new IllegalArgumentException("audio depth must be 8, 16, 24 or 32 bits: " + d);
                }
            }
            for (double r : sampleRatesKhz) {
                if (!(r >= 1) || r > 1000) {
                    throw new IllegalArgumentException("audio sample rates must be between 1 and 1000 kHz: " + r);
                }
            }
            if (channels != 1 && channels != 2) {
                throw new IllegalArgumentException("audio channels must be 1 or 2: " + channels);
            }
        }

        /** AIPerf makes clips only when the mean length is positive. */
        public boolean enabled() {
            return lengthMeanSec > 0 && batchSize > 0;
        }
    }
}
