package io.aiperf.core.dataset.media;

import io.aiperf.core.config.MediaConfig;
import io.aiperf.core.dataset.RandomStreams;
import io.aiperf.core.dataset.SeededRandom;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Synthetic videos as data URLs ({@code data:video/webm;base64,…} or {@code video/mp4}): frames drawn by
 * {@link VideoFrames}, encoded by the system ffmpeg ({@link VideoCommand}), optionally with a Gaussian-noise audio
 * track. Made once per dataset entry while the dataset is built, never on the request path.
 *
 * <p>Draws, in order, from {@value RandomStreams#MEDIA_VIDEO}, for each video of each turn: one {@code long}, the
 * seed of its frames, and one {@code long}, the seed of its audio track (drawn even without a track, so turning the
 * track on never changes the pictures). Videos are then encoded in parallel, each from its own draws only. The
 * frames are identical for a seed; the encoded bytes are whatever the installed ffmpeg makes of them.
 */
public final class SyntheticVideos {

    /** The one-line reason a run with video cannot start without ffmpeg (see {@link Ffmpeg#missing}). */
    public static final String NEEDS_FFMPEG = "--video-width needs ffmpeg to encode video";

    /** What one video is to be. */
    record Spec(long frameSeed, long audioSeed) {
    }

    private SyntheticVideos() {
    }

    /**
     * The videos of {@code turns} consecutive turns: {@code batchSize} data URLs each. Empty lists when video is not
     * {@link MediaConfig.Video#enabled() enabled}; otherwise ffmpeg must be on {@code PATH}.
     */
    public static List<List<String>> generate(MediaConfig.Video config, int turns, RandomStreams streams,
                                              int threads) {
        if (!config.enabled()) {
            return MediaBatches.none(turns);
        }
        return generate(config, turns, streams, threads, Ffmpeg.require(NEEDS_FFMPEG));
    }

    static List<List<String>> generate(MediaConfig.Video config, int turns, RandomStreams streams, int threads,
                                       Ffmpeg ffmpeg) {
        if (!config.enabled()) {
            return MediaBatches.none(turns);
        }
        SeededRandom rng = streams.derive(RandomStreams.MEDIA_VIDEO);
        return MediaBatches.generate(turns, config.batchSize(), () -> new Spec(rng.nextLong(), rng.nextLong()),
                spec -> dataUrl(config, spec, ffmpeg), threads, "aiperf-dataset-video");
    }

    static String dataUrl(MediaConfig.Video config, Spec spec, Ffmpeg ffmpeg) {
        return "data:video/" + config.format().cliName() + ";base64,"
                + Base64.getEncoder().encodeToString(encode(config, spec, ffmpeg));
    }

    /** The encoded video file. */
    static byte[] encode(MediaConfig.Video config, Spec spec, Ffmpeg ffmpeg) {
        VideoFrames frames = new VideoFrames(config.width(), config.height(), config.frames(), config.synthType(),
                spec.frameSeed());
        boolean track = config.audioChannels() > 0;
        Path dir = null;
        try {
            dir = Files.createTempDirectory("aiperf-video-");
            Path wav = null;
            if (track) {
                wav = Files.write(dir.resolve("audio.wav"), SyntheticAudio.wav(new SyntheticAudio.Spec(
                        config.durationSec(), config.audioSampleRateHz(), config.audioDepth(),
                        config.audioChannels(), spec.audioSeed())));
            }
            Path out = dir.resolve("video." + config.format().cliName());
            ffmpeg.run(VideoCommand.arguments(config, wav, out), o -> write(frames, o), what(config));
            return Files.readAllBytes(out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot use a temporary folder to encode a video: " + e.getMessage(), e);
        } finally {
            deleteQuietly(dir);
        }
    }

    private static void write(VideoFrames frames, OutputStream out) throws IOException {
        for (int n = 0; n < frames.frameCount(); n++) {
            out.write(frames.frame(n), 0, frames.frameBytes());
        }
    }

    private static String what(MediaConfig.Video config) {
        return "a " + config.width() + "x" + config.height() + " " + config.format().cliName() + " video with "
                + config.codec();
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // A leftover temp folder is not worth failing the run for.
        }
    }
}
