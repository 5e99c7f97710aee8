package io.aiperf.core.config;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * Synthetic images, audio clips and videos attached to every synthetic turn (AIPerf's "Audio / Image / Video Input"
 * group). Nothing is generated unless {@link Images#enabled()}, {@link Audio#enabled()} or {@link Video#enabled()}.
 *
 * @param images {@code --image-*} options
 * @param audio  {@code --audio-*} options
 * @param video  {@code --video-*} options
 */
public record MediaConfig(Images images, Audio audio, Video video) {

    public static final MediaConfig NONE = new MediaConfig(Images.NONE, Audio.NONE, Video.NONE);

    public MediaConfig {
        images = images == null ? Images.NONE : images;
        audio = audio == null ? Audio.NONE : audio;
        video = video == null ? Video.NONE : video;
    }

    /** Images and audio, no video. */
    public MediaConfig(Images images, Audio audio) {
        this(images, audio, Video.NONE);
    }

    /** Whether any medium is generated. */
    public boolean any() {
        return images.enabled() || audio.enabled() || video.enabled();
    }

    /** Whether generating this media needs the system ffmpeg (video, or MP3 clips). */
    public boolean needsFfmpeg() {
        return video.enabled() || (audio.enabled() && audio.format() == AudioFormat.MP3);
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

    /** {@code --video-synth-type}: what the frames show. */
    public enum VideoSynthType {
        MOVING_SHAPES, GRID_CLOCK, NOISE;

        public String cliName() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static VideoSynthType parse(String value) {
            return parseEnum(values(), value, VideoSynthType::cliName, "video synth type",
                    "moving_shapes, grid_clock or noise");
        }
    }

    /** {@code --video-format}: the container, which is also the data URL's {@code video/<format>} type. */
    public enum VideoFormat {
        WEBM, MP4;

        public String cliName() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static VideoFormat parse(String value) {
            return parseEnum(values(), value, VideoFormat::cliName, "video format", "webm or mp4");
        }

        /** The audio codec used when {@code --video-audio-codec} is not given (AIPerf's pairing). */
        public VideoAudioCodec defaultAudioCodec() {
            return this == WEBM ? VideoAudioCodec.LIBVORBIS : VideoAudioCodec.LIBOPUS;
        }
    }

    /** {@code --video-audio-codec}: the ffmpeg encoder of a video's noise track. */
    public enum VideoAudioCodec {
        LIBVORBIS, LIBOPUS, AAC;

        public String cliName() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static VideoAudioCodec parse(String value) {
            return parseEnum(values(), value, VideoAudioCodec::cliName, "video audio codec",
                    "libvorbis, libopus or aac");
        }
    }

    private static <E> E parseEnum(E[] values, String value, Function<E, String> name,
                                   String what, String expected) {
        String v = value.trim().toLowerCase(Locale.ROOT);
        for (E e : values) {
            if (name.apply(e).equals(v)) {
                return e;
            }
        }
        throw new IllegalArgumentException("unknown " + what + " '" + value + "' (expected " + expected + ")");
    }

    /**
     * @param width             {@code --video-width} in pixels (0: no video)
     * @param height            {@code --video-height} in pixels (0: no video)
     * @param batchSize         {@code --video-batch-size}: videos per turn
     * @param durationSec       {@code --video-duration} in seconds
     * @param fps               {@code --video-fps}
     * @param synthType         {@code --video-synth-type}
     * @param format            {@code --video-format}
     * @param codec             {@code --video-codec}: any ffmpeg video encoder
     * @param audioSampleRateHz {@code --video-audio-sample-rate}, in Hz
     * @param audioChannels     {@code --video-audio-num-channels}: 0 (no track), 1 or 2
     * @param audioCodec        {@code --video-audio-codec}; null picks {@link VideoFormat#defaultAudioCodec()}
     * @param audioDepth        {@code --video-audio-depth}: 8, 16, 24 or 32 bits
     */
    public record Video(int width, int height, int batchSize, double durationSec, int fps, VideoSynthType synthType,
                        VideoFormat format, String codec, int audioSampleRateHz, int audioChannels,
                        VideoAudioCodec audioCodec, int audioDepth) {

        public static final String DEFAULT_CODEC = "libvpx-vp9";
        public static final Video NONE = new Video(0, 0, 1, 5.0, 4, VideoSynthType.MOVING_SHAPES, VideoFormat.WEBM,
                DEFAULT_CODEC, 44100, 0, null, 16);

        public Video {
            if (width < 0 || height < 0) {
                throw new IllegalArgumentException("video sizes must not be negative");
            }
            if (batchSize < 0) {
                throw new IllegalArgumentException("video batch size must not be negative: " + batchSize);
            }
            if (!(durationSec > 0) || Double.isInfinite(durationSec)) {
                throw new IllegalArgumentException("video duration must be finite and positive: " + durationSec);
            }
            if (fps < 1) {
                throw new IllegalArgumentException("video fps must be at least 1: " + fps);
            }
            synthType = synthType == null ? VideoSynthType.MOVING_SHAPES : synthType;
            format = format == null ? VideoFormat.WEBM : format;
            codec = codec == null || codec.isBlank() ? DEFAULT_CODEC : codec.trim();
            if (audioChannels < 0 || audioChannels > 2) {
                throw new IllegalArgumentException("video audio channels must be 0, 1 or 2: " + audioChannels);
            }
            if (!Audio.SUPPORTED_DEPTHS.contains(audioDepth)) {
                throw new IllegalArgumentException("video audio depth must be 8, 16, 24 or 32 bits: " + audioDepth);
            }
            if (audioSampleRateHz < 1) {
                throw new IllegalArgumentException("video audio sample rate must be positive: " + audioSampleRateHz);
            }
        }

        /** AIPerf makes videos only when both width and height are set. */
        public boolean enabled() {
            return width > 0 && height > 0 && batchSize > 0;
        }

        /** Frames per video: {@code floor(duration * fps)}, at least one. */
        public int frames() {
            return (int) Math.max(1, Math.floor(durationSec * fps + 1e-9));
        }

        /** The track's codec: the one asked for, or the format's default. */
        public VideoAudioCodec resolvedAudioCodec() {
            return audioCodec != null ? audioCodec : format.defaultAudioCodec();
        }
    }
}
