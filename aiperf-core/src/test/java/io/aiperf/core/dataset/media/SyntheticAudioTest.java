package io.aiperf.core.dataset.media;

import io.aiperf.core.config.MediaConfig;
import io.aiperf.core.dataset.RandomStreams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import java.io.ByteArrayInputStream;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SyntheticAudioTest {

    private static MediaConfig.Audio audio(double mean, double sd, int batch, List<Integer> depths,
                                           List<Double> ratesKhz, int channels) {
        return new MediaConfig.Audio(mean, sd, batch, MediaConfig.AudioFormat.WAV, depths, ratesKhz, channels);
    }

    /** The WAV file inside a {@code "wav,<base64>"} content, read back by Java Sound. */
    static AudioInputStream read(String content) throws Exception {
        assertThat(content).startsWith("wav,");
        byte[] bytes = Base64.getDecoder().decode(content.substring(4));
        AudioFileFormat file = AudioSystem.getAudioFileFormat(new ByteArrayInputStream(bytes));
        assertThat(file.getType()).isEqualTo(AudioFileFormat.Type.WAVE);
        return AudioSystem.getAudioInputStream(new ByteArrayInputStream(bytes));
    }

    @ParameterizedTest(name = "{0} bits, {1} kHz, {2} channel(s)")
    @CsvSource({"8, 8.0, 1", "16, 16.0, 1", "16, 44.1, 2", "24, 22.05, 1", "32, 48.0, 2"})
    void wavHasTheAskedRateDepthChannelsAndLength(int depth, double khz, int channels) throws Exception {
        String clip = SyntheticAudio.generate(audio(0.5, 0, 1, List.of(depth), List.of(khz), channels), 1,
                new RandomStreams(3L), 1).get(0).get(0);
        try (AudioInputStream in = read(clip)) {
            AudioFormat f = in.getFormat();
            assertThat(f.getSampleRate()).isEqualTo((float) Math.round(khz * 1000));
            assertThat(f.getSampleSizeInBits()).isEqualTo(depth);
            assertThat(f.getChannels()).isEqualTo(channels);
            assertThat(f.getEncoding()).isEqualTo(depth == 8 ? AudioFormat.Encoding.PCM_UNSIGNED
                    : AudioFormat.Encoding.PCM_SIGNED);
            assertThat(in.getFrameLength()).isEqualTo(Math.round(0.5 * Math.round(khz * 1000)));
            byte[] pcm = in.readAllBytes();
            assertThat(pcm.length).isEqualTo(in.getFrameLength() * channels * (depth / 8));
            Set<Byte> values = new HashSet<>();
            for (int i = 0; i < Math.min(pcm.length, 4000); i++) {
                values.add(pcm[i]);
            }
            assertThat(values.size()).as("noise, not silence").isGreaterThan(20);
        }
    }

    @Test
    void lengthsRatesAndDepthsAreDrawnFromTheLists() throws Exception {
        List<List<String>> clips = SyntheticAudio.generate(audio(0.2, 0.05, 2, List.of(8, 16), List.of(8.0, 16.0), 1),
                20, new RandomStreams(5L), 2);
        assertThat(clips).hasSize(20).allSatisfy(b -> assertThat(b).hasSize(2));
        Set<Float> rates = new HashSet<>();
        Set<Integer> depths = new HashSet<>();
        Set<Long> frames = new HashSet<>();
        for (List<String> batch : clips) {
            for (String c : batch) {
                try (AudioInputStream in = read(c)) {
                    rates.add(in.getFormat().getSampleRate());
                    depths.add(in.getFormat().getSampleSizeInBits());
                    double seconds = in.getFrameLength() / in.getFormat().getSampleRate();
                    assertThat(seconds).isPositive().isLessThan(0.6);
                    frames.add(in.getFrameLength());
                }
            }
        }
        assertThat(rates).containsExactlyInAnyOrder(8000f, 16000f);
        assertThat(depths).containsExactlyInAnyOrder(8, 16);
        assertThat(frames.size()).as("lengths vary with a stddev").isGreaterThan(10);
    }

    @Test
    void sameSeedSameClipsWhateverTheThreadCount() {
        MediaConfig.Audio cfg = audio(0.1, 0.02, 1, List.of(16, 24), List.of(16.0, 8.0), 2);
        assertThat(SyntheticAudio.generate(cfg, 8, new RandomStreams(9L), 2))
                .isEqualTo(SyntheticAudio.generate(cfg, 8, new RandomStreams(9L), 1))
                .isNotEqualTo(SyntheticAudio.generate(cfg, 8, new RandomStreams(10L), 1));
    }

    @Test
    void mp3ClipsAreLameFramesOfTheAskedRate() throws Exception {
        Ffmpeg ffmpeg = FfmpegForTests.orSkip();
        MediaConfig.Audio mp3 = new MediaConfig.Audio(0.5, 0, 2, MediaConfig.AudioFormat.MP3, null,
                List.of(22.05), 1);
        List<List<String>> clips = SyntheticAudio.generate(mp3, 1, new RandomStreams(1L), 2, ffmpeg);
        assertThat(clips.get(0)).hasSize(2).allSatisfy(c -> assertThat(c).startsWith("mp3,"));
        byte[] bytes = Base64.getDecoder().decode(clips.get(0).get(0).substring(4));
        boolean id3 = bytes[0] == 'I' && bytes[1] == 'D' && bytes[2] == '3';
        boolean frameSync = (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xE0) == 0xE0;
        assertThat(id3 || frameSync).as("starts with an ID3 tag or an MPEG audio frame sync").isTrue();
        FfmpegForTests.Probe probe = FfmpegForTests.probe(bytes);
        assertThat(probe.codec()).isEqualTo("mp3");
        assertThat(probe.sampleRate()).isEqualTo(22050);
        assertThat(probe.durationSec()).isBetween(0.45, 0.6);
        assertThat(clips.get(0).get(1)).as("each clip has its own noise").isNotEqualTo(clips.get(0).get(0));
    }

    @Test
    void mp3WithoutFfmpegIsTheInstallHint() {
        assertThat(Ffmpeg.missing(SyntheticAudio.MP3_NEEDS_FFMPEG)).isEqualTo("--audio-format mp3 needs ffmpeg to"
                + " encode MP3; install it with: apt-get install ffmpeg (or put ffmpeg on PATH)");
    }

    @Test
    void nothingWhenTheMeanIsZero() {
        assertThat(SyntheticAudio.generate(MediaConfig.Audio.NONE, 3, new RandomStreams(1L), 1))
                .containsExactly(List.of(), List.of(), List.of());
    }

    @Test
    void badOptionsAreRefused() {
        assertThatThrownBy(() -> audio(1, 0, 1, List.of(12), null, 1)).hasMessageContaining("8, 16, 24 or 32");
        assertThatThrownBy(() -> audio(1, 0, 1, null, List.of(0.0), 1)).hasMessageContaining("sample rates");
        assertThatThrownBy(() -> audio(1, 0, 1, null, null, 3)).hasMessageContaining("1 or 2");
    }
}
