package io.aiperf.core.dataset.media;

import io.aiperf.core.config.MediaConfig;
import io.aiperf.core.config.MediaConfig.VideoFormat;
import io.aiperf.core.config.MediaConfig.VideoSynthType;
import io.aiperf.core.dataset.RandomStreams;
import org.junit.jupiter.api.Test;

import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SyntheticVideosTest {

    private static MediaConfig.Video video(VideoFormat format, String codec, VideoSynthType type, int channels) {
        return new MediaConfig.Video(64, 48, 1, 1.0, 4, type, format, codec, 44100, channels, null, 16);
    }

    private static byte[] decode(String url, String mime) {
        String prefix = "data:" + mime + ";base64,";
        assertThat(url).startsWith(prefix);
        return Base64.getDecoder().decode(url.substring(prefix.length()));
    }

    @Test
    void webmIsVp9OfTheAskedSizeRateAndLength() throws Exception {
        Ffmpeg ffmpeg = FfmpegForTests.orSkip();
        List<List<String>> videos = SyntheticVideos.generate(
                video(VideoFormat.WEBM, "libvpx-vp9", VideoSynthType.MOVING_SHAPES, 0), 2, new RandomStreams(1L), 2,
                ffmpeg);
        assertThat(videos).hasSize(2).allSatisfy(turn -> assertThat(turn).hasSize(1));
        byte[] webm = decode(videos.get(0).get(0), "video/webm");
        assertThat(webm).startsWith(0x1A, 0x45, 0xDF, 0xA3);
        FfmpegForTests.Probe p = FfmpegForTests.probe(webm);
        assertThat(p.codec()).isEqualTo("vp9");
        assertThat(p.width()).isEqualTo(64);
        assertThat(p.height()).isEqualTo(48);
        assertThat(p.frameRate()).isEqualTo("4/1");
        assertThat(p.durationSec()).isBetween(0.9, 1.1);
        assertThat(p.streamTypes()).containsExactly("video");
        assertThat(videos.get(1).get(0)).as("each video has its own seed").isNotEqualTo(videos.get(0).get(0));
    }

    @Test
    void aNoiseTrackIsMuxedWhenChannelsAreAsked() throws Exception {
        Ffmpeg ffmpeg = FfmpegForTests.orSkip();
        String url = SyntheticVideos.generate(video(VideoFormat.WEBM, "libvpx-vp9", VideoSynthType.GRID_CLOCK, 2),
                1, new RandomStreams(1L), 1, ffmpeg).get(0).get(0);
        assertThat(FfmpegForTests.probe(decode(url, "video/webm")).streamTypes()).containsExactly("video", "audio");
    }

    @Test
    void mp4IsWrittenThroughAFile() throws Exception {
        Ffmpeg ffmpeg = FfmpegForTests.orSkip();
        String url = SyntheticVideos.generate(video(VideoFormat.MP4, "libx264", VideoSynthType.NOISE, 1), 1,
                new RandomStreams(1L), 1, ffmpeg).get(0).get(0);
        FfmpegForTests.Probe p = FfmpegForTests.probe(decode(url, "video/mp4"));
        assertThat(p.codec()).isEqualTo("h264");
        assertThat(p.width()).isEqualTo(64);
        assertThat(p.streamTypes()).containsExactly("video", "audio");
    }

    @Test
    void anUnknownCodecIsFfmpegsOwnComplaint() {
        Ffmpeg ffmpeg = FfmpegForTests.orSkip();
        assertThatThrownBy(() -> SyntheticVideos.generate(
                video(VideoFormat.WEBM, "no-such-codec", VideoSynthType.NOISE, 0), 1, new RandomStreams(1L), 1,
                ffmpeg))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("ffmpeg failed to encode a 64x48 webm video with no-such-codec (exit ")
                .hasMessageContaining("no-such-codec")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void nothingWithoutWidthAndHeight() {
        assertThat(SyntheticVideos.generate(MediaConfig.Video.NONE, 2, new RandomStreams(1L), 1))
                .containsExactly(List.of(), List.of());
    }
}
