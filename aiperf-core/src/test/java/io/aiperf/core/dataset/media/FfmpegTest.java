package io.aiperf.core.dataset.media;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FfmpegTest {

    @TempDir
    Path dir;

    @Test
    void foundOnlyAsAnExecutableOnThePath() throws Exception {
        Path empty = Files.createDirectories(dir.resolve("empty"));
        Path notExecutable = Files.createDirectories(dir.resolve("plain"));
        Files.writeString(notExecutable.resolve("ffmpeg"), "");
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path exe = Files.writeString(bin.resolve("ffmpeg"), "#!/bin/sh\n");
        Files.setPosixFilePermissions(exe, PosixFilePermissions.fromString("rwxr-xr-x"));

        assertThat(Ffmpeg.find(empty + File.pathSeparator + notExecutable)).isEmpty();
        assertThat(Ffmpeg.find("")).isEmpty();
        assertThat(Ffmpeg.find(null)).isEmpty();
        assertThat(Ffmpeg.find(empty + File.pathSeparator + notExecutable + File.pathSeparator + bin))
                .hasValueSatisfying(f -> assertThat(f.executable()).isEqualTo(exe));
    }

    @Test
    void theMissingMessageNamesTheInstallCommand() {
        assertThat(Ffmpeg.missing(SyntheticVideos.NEEDS_FFMPEG)).isEqualTo("--video-width needs ffmpeg to encode"
                + " video; install it with: apt-get install ffmpeg (or put ffmpeg on PATH)");
    }

    @Test
    void aFailureIsOneLineWithFfmpegsLastWords() throws Exception {
        Path fake = Files.writeString(dir.resolve("ffmpeg"),
                "#!/bin/sh\ncat >/dev/null\necho 'first complaint' >&2\necho 'Unknown encoder nope' >&2\nexit 8\n");
        Files.setPosixFilePermissions(fake, PosixFilePermissions.fromString("rwxr-xr-x"));
        assertThatThrownBy(() -> new Ffmpeg(fake).run(List.of(), new byte[1 << 20], "a test video"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("ffmpeg failed to encode a test video (exit 8): Unknown encoder nope");
    }

    @Test
    void stdinGoesInAndStdoutComesBackEvenWhenBothAreLarge() throws Exception {
        Path cat = Files.writeString(dir.resolve("ffmpeg"), "#!/bin/sh\nexec cat\n");
        Files.setPosixFilePermissions(cat, PosixFilePermissions.fromString("rwxr-xr-x"));
        byte[] input = new byte[3 << 20];
        for (int i = 0; i < input.length; i++) {
            input[i] = (byte) (i * 31);
        }
        assertThat(new Ffmpeg(cat).run(List.of(), input, "bytes")).isEqualTo(input);
    }

    @Test
    void lastLineSkipsTrailingBlanks() {
        assertThat(Ffmpeg.lastLine("a\nb  \n\n")).isEqualTo("b");
        assertThat(Ffmpeg.lastLine("")).isEqualTo("(no message)");
    }
}
