package io.aiperf.core.dataset;

import io.aiperf.core.dataset.file.DatasetFileException;
import io.aiperf.core.dataset.file.DatasetFormat;
import io.aiperf.core.dataset.file.FileDataset;
import io.aiperf.core.dataset.file.FileDatasetLoader;
import io.aiperf.core.model.Conversation;
import io.aiperf.core.model.Turn;
import io.aiperf.core.model.TurnContents;
import io.aiperf.core.tokenizer.TextTokenizer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Rows carrying images, audio and videos: URLs and data URLs kept, local files encoded, bad ones refused. */
class FileMediaRowsTest {

    private static final TextTokenizer TOK = new WhitespaceTokenizer();

    @TempDir
    Path dir;

    private Path write(Path file, String... lines) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
        return file;
    }

    private static void png(Path file, int w, int h) throws IOException {
        Files.createDirectories(file.getParent());
        assertThat(ImageIO.write(new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB), "png", file.toFile())).isTrue();
    }

    private static void wav(Path file, float rate, int frames) throws IOException {
        Files.createDirectories(file.getParent());
        AudioFormat f = new AudioFormat(rate, 16, 1, true, false);
        AudioSystem.write(new AudioInputStream(new ByteArrayInputStream(new byte[frames * 2]), f, frames),
                javax.sound.sampled.AudioFileFormat.Type.WAVE, file.toFile());
    }

    private FileDataset load(Path file, DatasetFormat format) {
        return FileDatasetLoader.builder(file, TOK).format(format).streams(new RandomStreams(1L)).load();
    }

    private static BufferedImage decodeImage(String dataUrl) throws IOException {
        String prefix = "data:image/png;base64,";
        assertThat(dataUrl).startsWith(prefix);
        return ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(dataUrl.substring(prefix.length()))));
    }

    @Test
    void localFilesAreEncodedAndUrlsKept() throws Exception {
        png(dir.resolve("data/img/cat.png"), 7, 5);
        wav(dir.resolve("data/a.wav"), 8000f, 400);
        Files.write(dir.resolve("data/clip.mp4"), new byte[] {0, 0, 0, 24, 'f', 't', 'y', 'p'});
        Path file = write(dir.resolve("data/rows.jsonl"),
                "{\"text\": \"look at this\", \"image\": \"img/cat.png\"}",
                "{\"texts\": [\"hear\"], \"audio\": \"a.wav\", \"video\": \"clip.mp4\"}",
                "{\"images\": [\"https://example.invalid/x.jpg\", \"data:image/gif;base64,R0lGOD\"],"
                        + " \"audios\": [\"mp3,SUQz\", \"data:audio/wav;base64,UklGRg==\"]}",
                "{\"text\": \"named\", \"images\": [{\"name\": \"shots\", \"contents\": [\"" + dir.resolve(
                        "data/img/cat.png") + "\"]}]}");
        List<Conversation> convs = load(file, DatasetFormat.SINGLE_TURN).conversations();
        assertThat(convs).hasSize(4);

        Turn t0 = convs.get(0).firstTurn();
        assertThat(t0.text()).isEqualTo("look at this");
        assertThat(t0.inputTokens()).as("the ISL counts texts only").isEqualTo(3);
        String cat = TurnContents.flatten(t0.contents().images()).get(0);
        BufferedImage img = decodeImage(cat);
        assertThat(img.getWidth()).isEqualTo(7);
        assertThat(img.getHeight()).isEqualTo(5);
        assertThat(t0.contents().images().get(0).name()).isEqualTo("image_url");

        Turn t1 = convs.get(1).firstTurn();
        String audio = TurnContents.flatten(t1.contents().audios()).get(0);
        assertThat(audio).startsWith("wav,");
        try (AudioInputStream in = AudioSystem.getAudioInputStream(
                new ByteArrayInputStream(Base64.getDecoder().decode(audio.substring(4))))) {
            assertThat(in.getFormat().getSampleRate()).isEqualTo(8000f);
            assertThat(in.getFrameLength()).isEqualTo(400);
        }
        assertThat(TurnContents.flatten(t1.contents().videos()))
                .containsExactly("data:video/mp4;base64," + Base64.getEncoder().encodeToString(
                        new byte[] {0, 0, 0, 24, 'f', 't', 'y', 'p'}));

        Turn t2 = convs.get(2).firstTurn();
        assertThat(t2.text()).as("a media-only row sends no text").isEmpty();
        assertThat(t2.inputTokens()).isZero();
        assertThat(TurnContents.flatten(t2.contents().images()))
                .containsExactly("https://example.invalid/x.jpg", "data:image/gif;base64,R0lGOD");
        assertThat(TurnContents.flatten(t2.contents().audios())).containsExactly("mp3,SUQz", "wav,UklGRg==");

        Turn t3 = convs.get(3).firstTurn();
        assertThat(t3.contents().images()).hasSize(1);
        assertThat(t3.contents().images().get(0).name()).isEqualTo("shots");
        assertThat(t3.contents().images().get(0).contents().get(0))
                .as("the same file, by relative or absolute path, is read once").isSameAs(cat);
    }

    @Test
    void multiTurnAndRandomPoolRowsCarryMedia() throws IOException {
        png(dir.resolve("p.png"), 3, 3);
        Path multi = write(dir.resolve("multi.jsonl"),
                "{\"session_id\": \"s\", \"turns\": [{\"text\": \"one\", \"image\": \"p.png\"}, {\"text\": \"two\"}]}");
        Conversation c = load(multi, DatasetFormat.MULTI_TURN).conversations().get(0);
        assertThat(c.turns().get(0).contents().images()).hasSize(1);
        assertThat(c.turns().get(1).contents().hasMedia()).isFalse();

        Path poolDir = dir.resolve("pool");
        write(poolDir.resolve("a.jsonl"), "{\"text\": \"q\"}");
        write(poolDir.resolve("b.jsonl"), "{\"image\": \"../p.png\"}");
        FileDataset pool = FileDatasetLoader.builder(poolDir, TOK).streams(new RandomStreams(1L)).conversations(3)
                .load();
        assertThat(pool.conversations()).hasSize(3).allSatisfy(conv -> {
            Turn t = conv.firstTurn();
            assertThat(t.text()).isEqualTo("q");
            assertThat(TurnContents.flatten(t.contents().images())).hasSize(1)
                    .allSatisfy(u -> assertThat(u).startsWith("data:image/png;base64,"));
        });
    }

    @Test
    void aMissingLocalFileNamesTheRowAndWhereRelativePathsAreRead() throws IOException {
        Path file = write(dir.resolve("d/rows.jsonl"), "{\"text\": \"a\"}", "{\"text\": \"b\", \"image\": \"no.png\"}");
        assertThatThrownBy(() -> load(file, DatasetFormat.SINGLE_TURN))
                .isInstanceOf(DatasetFileException.class)
                .hasMessage(file + ":2: 'image': no such image file: " + dir.resolve("d/no.png")
                        + " (relative paths are read from the dataset file's folder)");
        Path multi = write(dir.resolve("m.jsonl"),
                "{\"turns\": [{\"text\": \"a\", \"audios\": [\"" + dir.resolve("gone.wav") + "\"]}]}");
        assertThatThrownBy(() -> load(multi, DatasetFormat.MULTI_TURN))
                .hasMessage(multi + ":1: turns[0]: 'audios[0]': no such audio file: " + dir.resolve("gone.wav"));
    }

    @Test
    void anUnknownExtensionIsRefused() throws IOException {
        Files.writeString(dir.resolve("notes.txt"), "hello");
        Path file = write(dir.resolve("rows.jsonl"), "{\"image\": \"notes.txt\"}");
        assertThatThrownBy(() -> load(file, DatasetFormat.SINGLE_TURN))
                .hasMessage(file + ":1: 'image': cannot tell the image type of 'notes.txt' from its extension"
                        + " (bmp, gif, jpeg, jpg, png, tif, tiff, webp)");
        Path audio = write(dir.resolve("rows2.jsonl"), "{\"text\": \"x\", \"audio\": \"data:text/plain;base64,aGk=\"}");
        assertThatThrownBy(() -> load(audio, DatasetFormat.SINGLE_TURN))
                .hasMessage(audio + ":1: 'audio' is a data URL of type 'text/plain', not audio/...");
    }

    @Test
    void formatDetectionTakesAMediaOnlyRowAsSingleTurn() throws IOException {
        png(dir.resolve("x.png"), 2, 2);
        Path file = write(dir.resolve("rows.jsonl"), "{\"image\": \"x.png\"}");
        FileDataset ds = FileDatasetLoader.builder(file, TOK).streams(new RandomStreams(1L)).load();
        assertThat(ds.format()).isEqualTo(DatasetFormat.SINGLE_TURN);
        assertThat(ds.conversations().get(0).firstTurn().contents().hasMedia()).isTrue();
    }
}
