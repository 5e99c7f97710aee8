package io.aiperf.cli.options;

import io.aiperf.core.config.EndpointType;
import io.aiperf.core.config.MediaConfig;
import io.aiperf.core.dataset.media.Ffmpeg;
import io.aiperf.core.dataset.media.SyntheticAudio;
import io.aiperf.core.dataset.media.SyntheticVideos;
import io.aiperf.core.error.UsageException;

import java.util.ArrayList;
import java.util.List;

import static io.aiperf.cli.options.OptionChecks.atLeast;
import static io.aiperf.cli.options.OptionChecks.nonNegative;
import static io.aiperf.cli.options.OptionChecks.positiveOrNull;

/**
 * Checks the {@code --image-*}/{@code --audio-*}/{@code --video-*} options and decides what synthetic media a run
 * makes: images for endpoints that carry them (chat, chat_embeddings, responses, nim_embeddings, image_retrieval),
 * audio for those that carry it (chat, chat_embeddings, responses), videos for chat and chat_embeddings; nothing with
 * {@code --input-file}, whose rows bring their own media. What is asked for but not sent is reported by
 * {@link #ignored} (the CLI prints it as a warning) rather than refused. Media that needs ffmpeg (video, MP3) is
 * refused here, before anything runs, when ffmpeg is not on {@code PATH}.
 */
public final class MediaConfigResolver {

    private MediaConfigResolver() {
    }

    /** The synthetic media of the run; {@link MediaConfig#NONE} when nothing would be sent. */
    public static MediaConfig resolve(MediaOptions m, EndpointType type, boolean inputFile) {
        return resolve(m, type, inputFile, System.getenv("PATH"));
    }

    /** {@link #resolve(MediaOptions, EndpointType, boolean)} looking for ffmpeg on {@code pathVariable}. */
    static MediaConfig resolve(MediaOptions m, EndpointType type, boolean inputFile, String pathVariable) {
        MediaConfig asked = asked(m);
        if (inputFile) {
            return MediaConfig.NONE;
        }
        if (type == EndpointType.IMAGE_RETRIEVAL && !inputFile && !asked.images().enabled()) {
            throw new UsageException("image_retrieval sends images only: give --image-width-mean and "
                    + "--image-height-mean (synthetic images) or an --input-file whose rows have images");
        }
        MediaConfig sent = new MediaConfig(carriesImages(type) ? asked.images() : MediaConfig.Images.NONE,
                carriesAudio(type) ? asked.audio() : MediaConfig.Audio.NONE,
                carriesVideo(type) ? asked.video() : MediaConfig.Video.NONE);
        if (sent.needsFfmpeg() && Ffmpeg.find(pathVariable).isEmpty()) {
            throw new UsageException(Ffmpeg.missing(sent.video().enabled() ? SyntheticVideos.NEEDS_FFMPEG
                    : SyntheticAudio.MP3_NEEDS_FFMPEG));
        }
        return sent;
    }

    /** A one-line warning naming the media options that the run will not use, or null. */
    public static String ignored(MediaOptions m, EndpointType type, boolean inputFile) {
        MediaConfig asked = asked(m);
        List<String> dropped = new ArrayList<>(3);
        List<String> kinds = new ArrayList<>(3);
        if (asked.images().enabled() && (inputFile || !carriesImages(type))) {
            dropped.add("--image-*");
            kinds.add("images");
        }
        if (asked.audio().enabled() && (inputFile || !carriesAudio(type))) {
            dropped.add("--audio-*");
            kinds.add("audio");
        }
        if (asked.video().enabled() && (inputFile || !carriesVideo(type))) {
            dropped.add("--video-*");
            kinds.add("videos");
        }
        if (dropped.isEmpty()) {
            return null;
        }
        String why = inputFile ? "synthetic media is not made for --input-file (its rows carry their own)"
                : "endpoint type '" + type.cliName() + "' cannot carry " + listed(kinds, " or ");
        return listed(dropped, " and ") + " options ignored: " + why;
    }

    static boolean carriesImages(EndpointType type) {
        return type == EndpointType.CHAT || type == EndpointType.CHAT_EMBEDDINGS || type == EndpointType.RESPONSES
                || type == EndpointType.NIM_EMBEDDINGS || type == EndpointType.IMAGE_RETRIEVAL;
    }

    /** {@code a}, {@code a <last> b}, {@code a, b <last> c}. */
    private static String listed(List<String> items, String last) {
        int n = items.size();
        return n == 1 ? items.get(0) : String.join(", ", items.subList(0, n - 1)) + last + items.get(n - 1);
    }

    static boolean carriesVideo(EndpointType type) {
        return type == EndpointType.CHAT || type == EndpointType.CHAT_EMBEDDINGS;
    }

    static boolean carriesAudio(EndpointType type) {
        return type == EndpointType.CHAT || type == EndpointType.CHAT_EMBEDDINGS || type == EndpointType.RESPONSES;
    }

    /** Every option checked, whatever the endpoint. */
    private static MediaConfig asked(MediaOptions m) {
        nonNegative("--image-width-mean", m.imageWidthMean);
        nonNegative("--image-width-stddev", m.imageWidthStddev);
        nonNegative("--image-height-mean", m.imageHeightMean);
        nonNegative("--image-height-stddev", m.imageHeightStddev);
        atLeast("--image-batch-size", m.imageBatchSize, 0);
        MediaConfig.ImageFormat imageFormat;
        try {
            imageFormat = MediaConfig.ImageFormat.parse(m.imageFormat);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--image-format: " + e.getMessage());
        }
        nonNegative("--audio-length-mean", m.audioLengthMean);
        nonNegative("--audio-length-stddev", m.audioLengthStddev);
        atLeast("--audio-batch-size", m.audioBatchSize, 0);
        MediaConfig.AudioFormat audioFormat;
        try {
            audioFormat = MediaConfig.AudioFormat.parse(m.audioFormat);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--audio-format: " + e.getMessage());
        }
        for (int d : m.audioDepths) {
            if (!MediaConfig.Audio.SUPPORTED_DEPTHS.contains(d)) {
                throw new UsageException("--audio-depths: " + d + " is not a supported bit depth (8, 16, 24 or 32)");
            }
        }
        for (double khz : m.audioSampleRates) {
            if (!(khz >= 1) || khz > 1000) {
                throw new UsageException("--audio-sample-rates: " + PythonFloat.repr(khz)
                        + " kHz is out of range (1 to 1000 kHz)");
            }
        }
        if (m.audioNumChannels != 1 && m.audioNumChannels != 2) {
            throw new UsageException("--audio-num-channels must be 1 or 2 (got " + m.audioNumChannels + ")");
        }
        return new MediaConfig(
                new MediaConfig.Images(m.imageWidthMean, m.imageWidthStddev, m.imageHeightMean, m.imageHeightStddev,
                        m.imageBatchSize, imageFormat),
                new MediaConfig.Audio(m.audioLengthMean, m.audioLengthStddev, m.audioBatchSize, audioFormat,
                        m.audioDepths, m.audioSampleRates, m.audioNumChannels),
                video(m));
    }

    private static MediaConfig.Video video(MediaOptions m) {
        if ((m.videoWidth == null) != (m.videoHeight == null)) {
            throw new UsageException("--video-width and --video-height must be given together");
        }
        if (m.videoWidth != null) {
            atLeast("--video-width", m.videoWidth, 1);
            atLeast("--video-height", m.videoHeight, 1);
        }
        atLeast("--video-batch-size", m.videoBatchSize, 0);
        positiveOrNull("--video-duration", m.videoDuration);
        atLeast("--video-fps", m.videoFps, 1);
        if (m.videoCodec.isBlank()) {
            throw new UsageException("--video-codec must not be empty");
        }
        MediaConfig.VideoSynthType synthType;
        MediaConfig.VideoFormat format;
        MediaConfig.VideoAudioCodec audioCodec;
        try {
            synthType = MediaConfig.VideoSynthType.parse(m.videoSynthType);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--video-synth-type: " + e.getMessage());
        }
        try {
            format = MediaConfig.VideoFormat.parse(m.videoFormat);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--video-format: " + e.getMessage());
        }
        try {
            audioCodec = m.videoAudioCodec == null ? null : MediaConfig.VideoAudioCodec.parse(m.videoAudioCodec);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--video-audio-codec: " + e.getMessage());
        }
        if (m.videoAudioNumChannels < 0 || m.videoAudioNumChannels > 2) {
            throw new UsageException("--video-audio-num-channels must be 0, 1 or 2 (got " + m.videoAudioNumChannels
                    + ")");
        }
        if (audioCodec != null && m.videoAudioNumChannels == 0) {
            throw new UsageException("--video-audio-codec '" + audioCodec.cliName() + "' is set but"
                    + " --video-audio-num-channels is 0 (no audio track); set it to 1 or 2");
        }
        if (!MediaConfig.Audio.SUPPORTED_DEPTHS.contains(m.videoAudioDepth)) {
            throw new UsageException("--video-audio-depth: " + m.videoAudioDepth
                    + " is not a supported bit depth (8, 16, 24 or 32)");
        }
        // AIPerf takes the rate in kHz or Hz alike: a value above 1000 is Hz.
        double hz = m.videoAudioSampleRate > 1000 ? m.videoAudioSampleRate : m.videoAudioSampleRate * 1000;
        if (!(hz >= 8000) || hz > 96000) {
            throw new UsageException("--video-audio-sample-rate: " + PythonFloat.repr(m.videoAudioSampleRate)
                    + " is out of range (8 to 96 kHz)");
        }
        int width = m.videoWidth == null ? 0 : m.videoWidth;
        int height = m.videoHeight == null ? 0 : m.videoHeight;
        return new MediaConfig.Video(width, height, m.videoBatchSize, m.videoDuration, m.videoFps, synthType, format,
                m.videoCodec, (int) Math.round(hz), m.videoAudioNumChannels, audioCodec, m.videoAudioDepth);
    }

}
