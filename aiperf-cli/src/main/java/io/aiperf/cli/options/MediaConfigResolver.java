package io.aiperf.cli.options;

import io.aiperf.core.config.EndpointType;
import io.aiperf.core.config.MediaConfig;
import io.aiperf.core.dataset.media.SyntheticAudio;
import io.aiperf.core.error.UsageException;

import java.util.ArrayList;
import java.util.List;

import static io.aiperf.cli.options.OptionChecks.atLeast;
import static io.aiperf.cli.options.OptionChecks.nonNegative;

/**
 * Checks the {@code --image-*}/{@code --audio-*} options and decides what synthetic media a run makes: images for
 * endpoints that carry them (chat, chat_embeddings, responses, nim_embeddings, image_retrieval), audio for those that carry it (chat,
 * chat_embeddings, responses); nothing with {@code --input-file}, whose rows bring their own media. What is asked
 * for but not sent is reported by {@link #ignored} (the CLI prints it as a warning) rather than refused.
 */
public final class MediaConfigResolver {

    private MediaConfigResolver() {
    }

    /** The synthetic media of the run; {@link MediaConfig#NONE} when nothing would be sent. */
    public static MediaConfig resolve(MediaOptions m, EndpointType type, boolean inputFile) {
        MediaConfig asked = asked(m);
        if (inputFile) {
            return MediaConfig.NONE;
        }
        if (type == EndpointType.IMAGE_RETRIEVAL && !inputFile && !asked.images().enabled()) {
            throw new UsageException("image_retrieval sends images only: give --image-width-mean and "
                    + "--image-height-mean (synthetic images) or an --input-file whose rows have images");
        }
        return new MediaConfig(carriesImages(type) ? asked.images() : MediaConfig.Images.NONE,
                carriesAudio(type) ? asked.audio() : MediaConfig.Audio.NONE);
    }

    /** A one-line warning naming the media options that the run will not use, or null. */
    public static String ignored(MediaOptions m, EndpointType type, boolean inputFile) {
        MediaConfig asked = asked(m);
        List<String> dropped = new ArrayList<>(2);
        if (asked.images().enabled() && (inputFile || !carriesImages(type))) {
            dropped.add("--image-*");
        }
        if (asked.audio().enabled() && (inputFile || !carriesAudio(type))) {
            dropped.add("--audio-*");
        }
        if (dropped.isEmpty()) {
            return null;
        }
        String why = inputFile ? "synthetic media is not made for --input-file (its rows carry their own)"
                : "endpoint type '" + type.cliName() + "' cannot carry "
                + (dropped.size() == 2 ? "images or audio" : dropped.get(0).equals("--image-*") ? "images" : "audio");
        return String.join(" and ", dropped) + " options ignored: " + why;
    }

    static boolean carriesImages(EndpointType type) {
        return type == EndpointType.CHAT || type == EndpointType.CHAT_EMBEDDINGS || type == EndpointType.RESPONSES
                || type == EndpointType.NIM_EMBEDDINGS || type == EndpointType.IMAGE_RETRIEVAL;
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
        if (audioFormat == MediaConfig.AudioFormat.MP3) {
            throw new UsageException(SyntheticAudio.MP3_UNSUPPORTED);
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
                        m.audioDepths, m.audioSampleRates, m.audioNumChannels));
    }
}
