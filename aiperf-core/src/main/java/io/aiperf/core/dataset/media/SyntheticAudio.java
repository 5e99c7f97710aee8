package io.aiperf.core.dataset.media;

import io.aiperf.core.config.MediaConfig;
import io.aiperf.core.dataset.PositiveNormal;
import io.aiperf.core.dataset.RandomStreams;
import io.aiperf.core.dataset.SeededRandom;

import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Base64;
import java.util.List;

/**
 * Synthetic audio clips: Gaussian noise as RIFF/WAV PCM, in AIPerf's content encoding {@code "wav,<base64>"} (which
 * the chat and responses endpoints send as {@code input_audio{data, format}}); with {@code --audio-format mp3} the
 * WAV is piped through the system ffmpeg's LAME encoder and sent as {@code "mp3,<base64>"}.
 *
 * <p>Draws, in order, from {@value RandomStreams#MEDIA_AUDIO}, for each clip of each turn: its length in seconds
 * ({@link PositiveNormal#sample} of the mean and stddev), its sample rate and bit depth (one {@code nextInt} each
 * over the configured lists), and one {@code long}, the seed of its samples. Clips are then made in parallel; each
 * depends only on its own draws. 8-bit WAV is unsigned (as the format requires); 16, 24 and 32 bits are signed
 * little-endian.
 *
 * <p>MP3 needs ffmpeg (the JDK has no MP3 encoder, and Maven Central offers only unmaintained ports of LAME); the
 * MP3 bytes are whatever the installed LAME makes of the seeded WAV.
 */
public final class SyntheticAudio {

    /** The one-line reason MP3 clips cannot be made without ffmpeg (see {@link Ffmpeg#missing}). */
    public static final String MP3_NEEDS_FFMPEG = "--audio-format mp3 needs ffmpeg to encode MP3";

    /** Noise amplitude as a fraction of full scale: loud enough to be audio, far from clipping. */
    private static final double NOISE_STDDEV = 0.3;

    /** What one clip is to be; everything random about it is fixed here. */
    record Spec(double seconds, int sampleRateHz, int depthBits, int channels, long seed) {
    }

    private SyntheticAudio() {
    }

    /**
     * The clips of {@code turns} consecutive turns: {@code batchSize} contents each, in draw order. Empty lists when
     * audio is not {@link MediaConfig.Audio#enabled() enabled}. MP3 needs ffmpeg on {@code PATH}.
     */
    public static List<List<String>> generate(MediaConfig.Audio config, int turns, RandomStreams streams,
                                              int threads) {
        if (!config.enabled()) {
            return MediaBatches.none(turns);
        }
        Ffmpeg ffmpeg = config.format() == MediaConfig.AudioFormat.MP3 ? Ffmpeg.require(MP3_NEEDS_FFMPEG) : null;
        return generate(config, turns, streams, threads, ffmpeg);
    }

    /** @param ffmpeg the encoder of MP3 clips (unused, may be null, for WAV) */
    static List<List<String>> generate(MediaConfig.Audio config, int turns, RandomStreams streams, int threads,
                                       Ffmpeg ffmpeg) {
        if (!config.enabled()) {
            return MediaBatches.none(turns);
        }
        SeededRandom rng = streams.derive(RandomStreams.MEDIA_AUDIO);
        boolean mp3 = config.format() == MediaConfig.AudioFormat.MP3;
        return MediaBatches.generate(turns, config.batchSize(), () -> spec(rng, config),
                spec -> mp3 ? mp3Content(spec, ffmpeg) : content(spec), threads, "aiperf-dataset-audio");
    }

    static Spec spec(SeededRandom rng, MediaConfig.Audio config) {
        double seconds = PositiveNormal.sample(rng, config.lengthMeanSec(), config.lengthStddevSec());
        double khz = config.sampleRatesKhz().get(rng.nextInt(config.sampleRatesKhz().size()));
        int depth = config.depths().get(rng.nextInt(config.depths().size()));
        return new Spec(seconds, (int) Math.round(khz * 1000), depth, config.channels(), rng.nextLong());
    }

    static String content(Spec spec) {
        return "wav," + Base64.getEncoder().encodeToString(wav(spec));
    }

    static String mp3Content(Spec spec, Ffmpeg ffmpeg) {
        return "mp3," + Base64.getEncoder().encodeToString(mp3(spec, ffmpeg));
    }

    /** The clip's WAV encoded by LAME. */
    static byte[] mp3(Spec spec, Ffmpeg ffmpeg) {
        return ffmpeg.run(VideoCommand.mp3Arguments(), wav(spec), "an MP3 clip at " + spec.sampleRateHz() + " Hz");
    }

    /** A WAV file of {@code round(seconds * rate)} frames (at least one) of noise drawn from the spec's seed. */
    static byte[] wav(Spec spec) {
        int bytesPerSample = spec.depthBits() / 8;
        long frames = Math.max(1, Math.round(spec.seconds() * spec.sampleRateHz()));
        long size = frames * spec.channels() * bytesPerSample;
        if (size > Integer.MAX_VALUE - 64) {
            throw new IllegalArgumentException("a synthetic audio clip of " + spec.seconds() + " s at "
                    + spec.sampleRateHz() + " Hz is too large");
        }
        byte[] pcm = new byte[(int) size];
        SeededRandom r = new SeededRandom(spec.seed());
        long full = (1L << (spec.depthBits() - 1)) - 1;
        int at = 0;
        for (long s = 0, n = frames * spec.channels(); s < n; s++) {
            double v = Math.max(-1.0, Math.min(1.0, r.nextGaussian() * NOISE_STDDEV));
            long q = Math.round(v * full);
            if (bytesPerSample == 1) {
                pcm[at++] = (byte) (q + 128);
            } else {
                for (int b = 0; b < bytesPerSample; b++) {
                    pcm[at++] = (byte) (q >> (8 * b));
                }
            }
        }
        AudioFormat format = new AudioFormat(
                bytesPerSample == 1 ? AudioFormat.Encoding.PCM_UNSIGNED : AudioFormat.Encoding.PCM_SIGNED,
                spec.sampleRateHz(), spec.depthBits(), spec.channels(), spec.channels() * bytesPerSample,
                spec.sampleRateHz(), false);
        ByteArrayOutputStream out = new ByteArrayOutputStream(pcm.length + 64);
        try (AudioInputStream in = new AudioInputStream(new ByteArrayInputStream(pcm), format, frames)) {
            AudioSystem.write(in, AudioFileFormat.Type.WAVE, out);
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalStateException("cannot write a " + spec.depthBits() + "-bit WAV clip: " + e.getMessage(),
                    e);
        }
        return out.toByteArray();
    }
}
