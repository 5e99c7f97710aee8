package io.aiperf.cli.options;

import io.aiperf.core.config.EndpointType;
import io.aiperf.core.config.MediaConfig;
import io.aiperf.core.error.UsageException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import io.aiperf.core.error.UsageException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The --image-* and --audio-* options: parsed, checked, and dropped (with a warning) where nothing carries them. */
class MediaOptionsTest {

    @TempDir
    Path dir;

    private static MediaOptions parse(String... args) {
        InputOptions in = new InputOptions();
        new CommandLine(in).parseArgs(args);
        return in.media;
    }

    @Test
    void defaultsMakeNoMedia() {
        MediaConfig media = Cli.m().input().media();
        assertThat(media.images().enabled()).isFalse();
        assertThat(media.audio().enabled()).isFalse();
        assertThat(media.images().format()).isEqualTo(MediaConfig.ImageFormat.PNG);
        assertThat(media.audio().depths()).containsExactly(16);
        assertThat(media.audio().sampleRatesKhz()).containsExactly(16.0);
        assertThat(media.audio().channels()).isEqualTo(1);
    }

    @Test
    void optionsAndAliasesReachTheConfig() {
        MediaConfig media = Cli.m("--image-width-mean", "64", "--image-width-stddev", "4", "--image-height-mean",
                "48", "--image-height-stddev", "2", "--batch-size-image", "3", "--image-format", "JPEG",
                "--audio-length-mean", "0.5", "--audio-length-stddev", "0.1", "--batch-size-audio", "2",
                "--audio-depths", "8,24", "--audio-depths", "32", "--audio-sample-rates", "8", "44.1",
                "--audio-num-channels", "2").input().media();
        assertThat(media.images()).isEqualTo(new MediaConfig.Images(64, 4, 48, 2, 3, MediaConfig.ImageFormat.JPEG));
        assertThat(media.audio()).isEqualTo(new MediaConfig.Audio(0.5, 0.1, 2, MediaConfig.AudioFormat.WAV,
                List.of(8, 24, 32), List.of(8.0, 44.1), 2));
        assertThat(Cli.m("--image-batch-size", "2", "--audio-batch-size", "4").input().media())
                .extracting(m -> m.images().batchSize(), m -> m.audio().batchSize()).containsExactly(2, 4);
    }

    @Test
    void badValuesAreRejectedWithTheOptionNamed() {
        Cli.rejects("--audio-format", "ogg").hasMessage("--audio-format: unknown audio format 'ogg' (expected wav or"
                + " mp3)");
        Cli.rejects("--image-format", "gif").hasMessage("--image-format: unknown image format 'gif' (expected png,"
                + " jpeg or random)");
        Cli.rejects("--audio-depths", "12").hasMessage("--audio-depths: 12 is not a supported bit depth (8, 16, 24 or"
                + " 32)");
        Cli.rejects("--audio-sample-rates", "0").hasMessage("--audio-sample-rates: 0.0 kHz is out of range (1 to 1000"
                + " kHz)");
        Cli.rejects("--audio-num-channels", "3").hasMessage("--audio-num-channels must be 1 or 2 (got 3)");
        Cli.rejects("--image-width-mean", "-1").hasMessage("--image-width-mean must not be negative (got -1.0)");
        Cli.rejects("--audio-length-mean", "inf").hasMessageStartingWith("--audio-length-mean");
        Cli.rejects("--image-batch-size", "-1").hasMessage("--image-batch-size must be at least 0 (got -1)");
    }

    @Test
    void mediaIsMadeOnlyForEndpointsThatCarryIt() {
        String[] both = {"--image-width-mean", "8", "--image-height-mean", "8", "--audio-length-mean", "0.1"};
        for (String type : List.of("chat", "chat_embeddings", "responses")) {
            MediaConfig m = Cli.m(concat(both, "--endpoint-type", type)).input().media();
            assertThat(m.images().enabled()).as(type).isTrue();
            assertThat(m.audio().enabled()).as(type).isTrue();
            assertThat(MediaConfigResolver.ignored(parse(both), EndpointType.fromCli(type), false)).isNull();
        }
        MediaConfig nim = Cli.m(concat(both, "--endpoint-type", "nim_embeddings")).input().media();
        assertThat(nim.images().enabled()).isTrue();
        assertThat(nim.audio().enabled()).isFalse();
        assertThat(MediaConfigResolver.ignored(parse(both), EndpointType.NIM_EMBEDDINGS, false))
                .isEqualTo("--audio-* options ignored: endpoint type 'nim_embeddings' cannot carry audio");
        for (String type : List.of("completions", "embeddings", "nim_rankings", "huggingface_generate",
                "solido_rag")) {
            MediaConfig m = Cli.m(concat(both, "--endpoint-type", type)).input().media();
            assertThat(m).as(type).isEqualTo(MediaConfig.NONE);
        }
        assertThat(MediaConfigResolver.ignored(parse(both), EndpointType.COMPLETIONS, false))
                .isEqualTo("--image-* and --audio-* options ignored: endpoint type 'completions' cannot carry images"
                        + " or audio");
        assertThat(MediaConfigResolver.ignored(parse("--image-width-mean", "8", "--image-height-mean", "8"),
                EndpointType.HUGGINGFACE_GENERATE, false))
                .isEqualTo("--image-* options ignored: endpoint type 'huggingface_generate' cannot carry images");
        assertThat(MediaConfigResolver.ignored(parse("--image-width-mean", "8"), EndpointType.COMPLETIONS, false))
                .as("a width alone makes no images, so nothing is ignored").isNull();
    }

    @Test
    void anInputFileBringsItsOwnMedia() throws IOException {
        Path rows = Files.writeString(dir.resolve("rows.jsonl"), "{\"text\": \"hi\"}\n");
        String[] args = {"--input-file", rows.toString(), "--image-width-mean", "8", "--image-height-mean", "8"};
        assertThat(Cli.m(args).input().media()).isEqualTo(MediaConfig.NONE);
        assertThat(MediaConfigResolver.ignored(parse(args), EndpointType.CHAT, true))
                .isEqualTo("--image-* options ignored: synthetic media is not made for --input-file (its rows carry"
                        + " their own)");
    }

    @Test
    void videoOptionsAndTheAliasReachTheConfig() {
        assertThat(Cli.m().input().media().video()).isEqualTo(MediaConfig.Video.NONE);
        MediaConfig.Video v = MediaConfigResolver.resolve(parse("--video-width", "64", "--video-height", "48",
                "--batch-size-video", "2", "--video-duration", "1.5", "--video-fps", "8", "--video-synth-type",
                "GRID_CLOCK", "--video-format", "mp4", "--video-codec", "libx264", "--video-audio-sample-rate", "48",
                "--video-audio-num-channels", "2", "--video-audio-codec", "aac", "--video-audio-depth", "24"),
                EndpointType.CHAT, false, ffmpegDir()).video();
        assertThat(v).isEqualTo(new MediaConfig.Video(64, 48, 2, 1.5, 8, MediaConfig.VideoSynthType.GRID_CLOCK,
                MediaConfig.VideoFormat.MP4, "libx264", 48000, 2, MediaConfig.VideoAudioCodec.AAC, 24));
        assertThat(MediaConfigResolver.resolve(parse("--video-width", "8", "--video-height", "8",
                "--video-audio-sample-rate", "22050"), EndpointType.CHAT, false, ffmpegDir()).video()
                .audioSampleRateHz()).as("a rate above 1000 is Hz").isEqualTo(22050);
    }

    @Test
    void badVideoValuesAreRejectedWithTheOptionNamed() {
        Cli.rejects("--video-width", "64").hasMessage("--video-width and --video-height must be given together");
        Cli.rejects("--video-height", "64").hasMessage("--video-width and --video-height must be given together");
        Cli.rejects("--video-width", "0", "--video-height", "4").hasMessage("--video-width must be at least 1 (got 0)");
        Cli.rejects("--video-fps", "0").hasMessage("--video-fps must be at least 1 (got 0)");
        Cli.rejects("--video-duration", "0").hasMessage("--video-duration must be greater than 0 (got 0.0)");
        Cli.rejects("--video-synth-type", "waves").hasMessage("--video-synth-type: unknown video synth type 'waves'"
                + " (expected moving_shapes, grid_clock or noise)");
        Cli.rejects("--video-format", "avi").hasMessage("--video-format: unknown video format 'avi' (expected webm or"
                + " mp4)");
        Cli.rejects("--video-audio-codec", "mp3", "--video-audio-num-channels", "1").hasMessage("--video-audio-codec:"
                + " unknown video audio codec 'mp3' (expected libvorbis, libopus or aac)");
        Cli.rejects("--video-audio-codec", "aac").hasMessage("--video-audio-codec 'aac' is set but"
                + " --video-audio-num-channels is 0 (no audio track); set it to 1 or 2");
        Cli.rejects("--video-audio-num-channels", "3").hasMessage("--video-audio-num-channels must be 0, 1 or 2 (got"
                + " 3)");
        Cli.rejects("--video-audio-depth", "12").hasMessage("--video-audio-depth: 12 is not a supported bit depth (8,"
                + " 16, 24 or 32)");
        Cli.rejects("--video-audio-sample-rate", "200000").hasMessage("--video-audio-sample-rate: 200000.0 is out of"
                + " range (8 to 96 kHz)");
    }

    @Test
    void withoutFfmpegVideoAndMp3AreRefusedWithTheInstallCommand() throws IOException {
        String noFfmpeg = Files.createDirectories(dir.resolve("empty")).toString();
        String[] video = {"--video-width", "64", "--video-height", "48"};
        assertThatThrownBy(() -> MediaConfigResolver.resolve(parse(video), EndpointType.CHAT, false, noFfmpeg))
                .isInstanceOf(UsageException.class)
                .hasMessage("--video-width needs ffmpeg to encode video; install it with: apt-get install ffmpeg (or"
                        + " put ffmpeg on PATH)");
        assertThatThrownBy(() -> MediaConfigResolver.resolve(parse("--audio-length-mean", "1", "--audio-format",
                "mp3"), EndpointType.CHAT, false, noFfmpeg))
                .hasMessage("--audio-format mp3 needs ffmpeg to encode MP3; install it with: apt-get install ffmpeg"
                        + " (or put ffmpeg on PATH)");
        assertThat(MediaConfigResolver.resolve(parse(video), EndpointType.COMPLETIONS, false, noFfmpeg))
                .as("video that is not sent needs no ffmpeg").isEqualTo(MediaConfig.NONE);
        assertThat(MediaConfigResolver.resolve(parse(video), EndpointType.CHAT, false, ffmpegDir()).video().enabled())
                .isTrue();
    }

    @Test
    void videoIsMadeForChatOnlyAndIgnoredElsewhereWithAWarning() {
        String[] all = {"--image-width-mean", "8", "--image-height-mean", "8", "--audio-length-mean", "0.1",
                "--video-width", "8", "--video-height", "8"};
        assertThat(MediaConfigResolver.resolve(parse(all), EndpointType.CHAT_EMBEDDINGS, false, ffmpegDir()).video()
                .enabled()).isTrue();
        assertThat(MediaConfigResolver.resolve(parse(all), EndpointType.RESPONSES, false, ffmpegDir()).video()
                .enabled()).isFalse();
        assertThat(MediaConfigResolver.ignored(parse(all), EndpointType.RESPONSES, false))
                .isEqualTo("--video-* options ignored: endpoint type 'responses' cannot carry videos");
        assertThat(MediaConfigResolver.ignored(parse(all), EndpointType.COMPLETIONS, false))
                .isEqualTo("--image-*, --audio-* and --video-* options ignored: endpoint type 'completions' cannot"
                        + " carry images, audio or videos");
    }

    /** A folder holding an executable named ffmpeg, as a PATH value: the check only looks for the file. */
    private String ffmpegDir() {
        try {
            Path bin = Files.createDirectories(dir.resolve("bin"));
            Path exe = bin.resolve("ffmpeg");
            if (!Files.exists(exe)) {
                Files.writeString(exe, "#!/bin/sh\nexit 1\n");
                Files.setPosixFilePermissions(exe, PosixFilePermissions.fromString("rwxr-xr-x"));
            }
            return bin.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String[] concat(String[] a, String... b) {
        String[] out = new String[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
