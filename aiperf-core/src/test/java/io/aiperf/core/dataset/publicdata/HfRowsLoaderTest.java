package io.aiperf.core.dataset.publicdata;

import io.aiperf.core.dataset.RandomStreams;
import io.aiperf.core.dataset.file.DatasetFileException;
import io.aiperf.core.hub.HubSettings;
import io.aiperf.core.hub.LocalHub;
import io.aiperf.core.model.Conversation;
import io.aiperf.core.model.Turn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static io.aiperf.core.dataset.publicdata.ShareGptFixtures.words;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Each row format on a small fixture in its real shape, read from a local copy (the hub is never reached). */
class HfRowsLoaderTest {

    private static final String PNG_DATA_URL = "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJ"
            + "AAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==";

    @TempDir
    Path tmp;

    private HubSettings offline() throws Exception {
        return new HubSettings(LocalHub.closedEndpoint(), null, tmp.resolve("cache"), null, null);
    }

    private static String fixture(String name) throws URISyntaxException {
        return Path.of(HfRowsLoaderTest.class.getResource("/publicdata/" + name).toURI()).toString();
    }

    private HfRowsLoader.Result load(PublicDataset d, String fixture) throws Exception {
        return HfRowsLoader.builder(d, words()).localPath(fixture(fixture)).hub(offline())
                .streams(new RandomStreams(1L)).load();
    }

    private static List<String> firstTexts(HfRowsLoader.Result r) {
        return r.conversations().stream().map(c -> c.firstTurn().text()).toList();
    }

    @Test
    void instructionRowsSendTheirPromptColumnInFileOrderAndSkipEmptyOnes() throws Exception {
        HfRowsLoader.Result r = load(PublicDataset.AIMO, "aimo.jsonl");

        assertThat(firstTexts(r)).containsExactly("What is the sum of the first ten positive integers?",
                "Find all real x such that x^2 = 4.");
        assertThat(r.rows()).isEqualTo(3);
        assertThat(r.skipped()).isEqualTo(1);
        Turn t = r.conversations().get(0).firstTurn();
        assertThat(t.inputTokens()).isEqualTo(10);
        assertThat(t.maxTokens()).isNull();
        assertThat(t.contents().hasMedia()).isFalse();
    }

    @Test
    void datasetsServerRowsCarryTheirImagesAsDataUrlsOrUrls() throws Exception {
        HfRowsLoader.Result r = load(PublicDataset.MMSTAR, "mmstar-rows.json");

        assertThat(firstTexts(r)).containsExactly("Which animal is shown in the picture? Options: A: cat, B: dog",
                "What colour is the sky in this image?");
        assertThat(r.conversations().get(0).firstTurn().contents().images().get(0).contents())
                .containsExactly(PNG_DATA_URL);
        assertThat(r.conversations().get(1).firstTurn().contents().images().get(0).contents())
                .containsExactly("https://datasets-server.huggingface.co/assets/Lin-Chen/MMStar/--/val/1/image/"
                        + "image.jpg");
        assertThat(r.conversations().get(0).firstTurn().contents().images().get(0).name()).isEqualTo("image_url");
    }

    @Test
    void conversationRowsSendTheFirstUserMessageWithoutImagePlaceholders() throws Exception {
        HfRowsLoader.Result arena = load(PublicDataset.VISION_ARENA, "vision_arena.json");
        HfRowsLoader.Result llava = load(PublicDataset.LLAVA_ONEVISION, "llava.jsonl");

        assertThat(firstTexts(arena)).containsExactly("Describe the chart in two sentences.");
        assertThat(arena.skipped()).isEqualTo(1);
        assertThat(arena.conversations().get(0).firstTurn().contents().images().get(0).contents())
                .containsExactly(PNG_DATA_URL, PNG_DATA_URL);
        assertThat(firstTexts(llava)).containsExactly("What is written on the sign?");
        assertThat(llava.conversations().get(0).firstTurn().contents().images().get(0).contents())
                .containsExactly(PNG_DATA_URL);
    }

    @Test
    void mmvuAppendsItsNonEmptyOptionsAndSendsTheVideoUrl() throws Exception {
        HfRowsLoader.Result r = load(PublicDataset.MMVU, "mmvu.jsonl");

        assertThat(firstTexts(r)).containsExactly("Which instrument is played first? A.piano B.violin D.drums",
                "How many people enter the room?");
        assertThat(r.conversations().get(0).firstTurn().contents().videos().get(0).contents())
                .containsExactly("https://huggingface.co/datasets/yale-nlp/MMVU/resolve/main/videos/Art/1.mp4");
    }

    @Test
    void blazeditFillsVllmsTemplateFromTheRow() throws Exception {
        HfRowsLoader.Result r = load(PublicDataset.BLAZEDIT_5K, "blazedit.jsonl");

        assertThat(firstTexts(r).get(0)).startsWith("Given a code file, please apply the change requests")
                .contains("```python\ndef add(a, b):\n    return a + b\n\n```")
                .contains("Change request:\nRename add to plus.")
                .doesNotContain("{code}", "{change_request}");
    }

    @Test
    void specBenchSendsTheFirstTurnOnly() throws Exception {
        HfRowsLoader.Result r = load(PublicDataset.SPEC_BENCH, "spec_bench.jsonl");

        assertThat(r.conversations()).allSatisfy(c -> assertThat(c.turnCount()).isEqualTo(1));
        assertThat(firstTexts(r)).containsExactly("Compose a travel blog post about a recent trip to Hawaii.",
                "Translate 'good morning' into French.");
    }

    @Test
    void speedBenchKeepsEveryTurnOfItsCategory() throws Exception {
        HfRowsLoader.Result coding = load(PublicDataset.SPEED_BENCH_CODING, "speed_bench.jsonl");
        HfRowsLoader.Result all = load(PublicDataset.SPEED_BENCH_QUALITATIVE, "speed_bench.jsonl");

        assertThat(coding.conversations()).hasSize(1);
        assertThat(coding.conversations().get(0).turns()).extracting(Turn::text).containsExactly(
                "Write a Python function that reverses a linked list.", "Now make it recursive.");
        assertThat(all.conversations()).extracting(Conversation::turnCount).containsExactly(2, 1);
    }

    @Test
    void outputTokensMeanSetsMaxTokensAndTheCapStopsEarly() throws Exception {
        HfRowsLoader.Result r = HfRowsLoader.builder(PublicDataset.AIMO, words()).localPath(fixture("aimo.jsonl"))
                .hub(offline()).outputLength(40, 0).maxConversations(1).load();

        assertThat(r.conversations()).hasSize(1);
        assertThat(r.conversations().get(0).firstTurn().maxTokens()).isEqualTo(40);
    }

    @Test
    void badFilesAreOneLineNamingTheCause() throws Exception {
        assertThatThrownBy(() -> load(PublicDataset.AIMO, "rows.parquet"))
                .isInstanceOf(DatasetFileException.class)
                .hasMessageContaining("is a Parquet file, which is not read here")
                .hasMessageContaining(HfRowsReader.FORMATS);
        assertThatThrownBy(() -> load(PublicDataset.SPEED_BENCH_RAG, "speed_bench_placeholder.jsonl"))
                .isInstanceOf(DatasetFileException.class)
                .hasMessageContaining("row 1 holds SPEED-Bench's placeholder");
        assertThatThrownBy(() -> load(PublicDataset.SPEED_BENCH_WRITING, "speed_bench.jsonl"))
                .isInstanceOf(DatasetFileException.class)
                .hasMessageContaining("no usable speed_bench_writing rows: of 2 rows, 0 have no text in 'messages' "
                        + "and 2 are not in category 'writing'");
        Path notRows = Files.writeString(tmp.resolve("numbers.json"), "[1, 2]");
        assertThatThrownBy(() -> HfRowsLoader.builder(PublicDataset.AIMO, words()).localPath(notRows.toString())
                .hub(offline()).load())
                .isInstanceOf(DatasetFileException.class).hasMessageContaining("row 1 is not a JSON object");
    }

    @Test
    void withoutNetworkOrLocalCopyTheErrorNamesTheDatasetTheUrlAndTheWayOut() throws Exception {
        HubSettings hub = offline();
        assertThatThrownBy(() -> HfRowsLoader.builder(PublicDataset.MMSTAR, words()).hub(hub).load())
                .isInstanceOf(PublicDatasetException.class)
                .hasMessageStartingWith("public dataset mmstar: cannot download " + hub.endpoint()
                        + "/rows?dataset=Lin-Chen%2FMMStar&config=default&split=val&offset=0&length=100")
                .hasMessageContaining("--public-dataset-path PATH")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void hubRowsAreFetchedOnceAndCachedWithTheSubsetAsked() throws Exception {
        byte[] page = Files.readAllBytes(Path.of(fixture("mmstar-rows.json")));
        try (LocalHub hub = LocalHub.start().serve("/rows", page)) {
            HubSettings settings = offline().withEndpoint(hub.endpoint());
            HfRowsLoader.Result first = HfRowsLoader.builder(PublicDataset.MMSTAR, words()).hub(settings)
                    .subset("other").load();
            HfRowsLoader.Result second = HfRowsLoader.builder(PublicDataset.MMSTAR, words()).hub(settings)
                    .subset("other").load();

            assertThat(hub.requests()).hasSize(1);
            assertThat(hub.requests().get(0).path()).isEqualTo("/rows");
            assertThat(firstTexts(second)).isEqualTo(firstTexts(first)).hasSize(2);
            assertThat(second.file()).isEqualTo(tmp.resolve("cache/datasets/mmstar/other-val-100.jsonl"));
        }
    }
}
