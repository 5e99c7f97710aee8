package io.aiperf.cli.options;

import io.aiperf.core.config.EndpointType;
import io.aiperf.core.config.MediaConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

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
        Cli.rejects("--audio-format", "mp3").hasMessage("--audio-format mp3 is not supported: the JVM has no MP3"
                + " encoder (use wav)");
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

    private static String[] concat(String[] a, String... b) {
        String[] out = new String[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
