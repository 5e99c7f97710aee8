package io.aiperf.core.dataset.media;

import io.aiperf.core.config.MediaConfig;
import io.aiperf.core.config.MediaConfig.VideoAudioCodec;
import io.aiperf.core.config.MediaConfig.VideoFormat;
import io.aiperf.core.config.MediaConfig.VideoSynthType;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class VideoCommandTest {

    private static MediaConfig.Video video(VideoFormat format, String codec, int channels, VideoAudioCodec audio) {
        return new MediaConfig.Video(64, 48, 1, 1.0, 4, VideoSynthType.NOISE, format, codec, 44100, channels, audio,
                16);
    }

    @Test
    void webmWithoutAudioStreamsRawFramesInAndWritesAFile() {
        assertThat(String.join(" ", VideoCommand.arguments(video(VideoFormat.WEBM, "libvpx-vp9", 0, null), null,
                Path.of("/tmp/v/video.webm")))).isEqualTo("-hide_banner -loglevel error -f rawvideo -pix_fmt bgr24"
                + " -s 64x48 -r 4 -i pipe:0 -c:v libvpx-vp9 -pix_fmt yuv420p -f webm -y /tmp/v/video.webm");
    }

    @Test
    void anAudioTrackIsASecondInputWithTheFormatsDefaultCodec() {
        Path wav = Path.of("/tmp/x/audio.wav");
        assertThat(String.join(" ", VideoCommand.arguments(video(VideoFormat.WEBM, "libvpx-vp9", 2, null), wav,
                Path.of("v.webm")))).contains("-i pipe:0 -i /tmp/x/audio.wav -c:v libvpx-vp9 -pix_fmt yuv420p"
                + " -c:a libvorbis -shortest -f webm -y v.webm");
        assertThat(VideoCommand.arguments(video(VideoFormat.MP4, "libx264", 1, null), wav, Path.of("o.mp4")))
                .containsSequence("-c:a", "libopus");
        assertThat(VideoCommand.arguments(video(VideoFormat.MP4, "libx264", 1, VideoAudioCodec.AAC), wav,
                Path.of("o.mp4"))).containsSequence("-c:a", "aac");
    }

    @Test
    void mp4GoesToASeekableFileWithItsIndexInFront() {
        assertThat(String.join(" ", VideoCommand.arguments(video(VideoFormat.MP4, "libx264", 0, null), null,
                Path.of("/tmp/v/video.mp4")))).endsWith("-c:v libx264 -pix_fmt yuv420p -movflags +faststart -f mp4"
                + " -y /tmp/v/video.mp4");
    }

    @Test
    void mp3IsLameFromWavOnStdin() {
        assertThat(String.join(" ", VideoCommand.mp3Arguments()))
                .isEqualTo("-hide_banner -loglevel error -f wav -i pipe:0 -c:a libmp3lame -f mp3 pipe:1");
    }
}
