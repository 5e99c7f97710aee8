package io.aiperf.core.tokenizer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TokenizerLoaderTest {

    /** Hub settings with {@code endpoint} and a private cache; no Hugging Face cache is looked at. */
    static io.aiperf.core.hub.HubSettings settings(String endpoint, Path cache) {
        return new io.aiperf.core.hub.HubSettings(endpoint, null, cache, null, null);
    }

    private static Path fixture() throws Exception {
        return Path.of(TokenizerLoaderTest.class.getResource("/tokenizer/wordlevel-tokenizer.json").toURI());
    }

    @Test
    void wordLevelFixtureIgnoresItsTruncationAndSpecialTokens() throws Exception {
        LoadedTokenizer loaded = TokenizerLoader.load(fixture().toString(), null, "some/model");

        assertThat(loaded.warning()).isNull();
        TextTokenizer tokenizer = loaded.tokenizer();
        // the file says: truncate at 4, prepend [BOS]; a token counter must do neither
        assertThat(tokenizer.encode("Hello world, the QUICK brown fox!")).containsExactly(1, 2, 0, 3, 4, 5, 6, 0);
        assertThat(tokenizer.countTokens("")).isZero();
        assertThat(tokenizer.countTokens(null)).isZero();
        assertThat(tokenizer.decode(new int[] {1, 2})).contains("hello").contains("world");
    }

    @Test
    void folderWithTokenizerJsonLoads(@TempDir Path dir) throws Exception {
        Files.copy(fixture(), dir.resolve("tokenizer.json"), StandardCopyOption.REPLACE_EXISTING);

        LoadedTokenizer loaded = TokenizerLoader.load(dir.toString(), "main", "m");

        assertThat(loaded.tokenizer().countTokens("the quick brown fox")).isEqualTo(4);
        assertThat(loaded.tokenizer().name()).endsWith("tokenizer.json");
    }

    @Test
    void folderWithoutTokenizerJsonIsAnExplicitError(@TempDir Path dir) {
        assertThatThrownBy(() -> TokenizerLoader.load(dir.toString(), null, "m"))
                .isInstanceOf(TokenizerLoadException.class)
                .hasMessage("tokenizer folder has no tokenizer.json: " + dir);
    }

    @Test
    void brokenTokenizerFileIsAnExplicitError(@TempDir Path dir) throws Exception {
        Path broken = Files.writeString(dir.resolve("tokenizer.json"), "{not json");

        assertThatThrownBy(() -> TokenizerLoader.load(broken.toString(), null, "m"))
                .isInstanceOf(TokenizerLoadException.class)
                .hasMessageStartingWith("cannot load tokenizer file " + broken)
                .hasMessageNotContaining("\n");
    }

    @Test
    void nonexistentPathIsAnError() {
        assertThatThrownBy(() -> TokenizerLoader.load("./no/such/tokenizer.json", null, "m"))
                .isInstanceOf(TokenizerLoadException.class)
                .hasMessage("tokenizer path does not exist: ./no/such/tokenizer.json");
        assertThatThrownBy(() -> TokenizerLoader.load("/definitely/not/here", null, "m"))
                .hasMessage("tokenizer path does not exist: /definitely/not/here");
        assertThatThrownBy(() -> TokenizerLoader.load("~/definitely-not-here-aiperf", null, "m"))
                .hasMessage("tokenizer path does not exist: ~/definitely-not-here-aiperf");
    }

    @Test
    void builtinIsTiktokenO200k() {
        LoadedTokenizer loaded = TokenizerLoader.load("builtin", null, "m");

        assertThat(loaded.warning()).isNull();
        assertThat(loaded.tokenizer()).isSameAs(TiktokenTextTokenizer.o200kBase());
        assertThat(loaded.tokenizer().name()).isEqualTo("builtin (tiktoken o200k_base)");
        int[] ids = loaded.tokenizer().encode("Hello, world!");
        assertThat(ids).hasSize(4);
        assertThat(loaded.tokenizer().decode(ids)).isEqualTo("Hello, world!");
        // special-token text is ordinary text, never an error
        assertThat(loaded.tokenizer().countTokens("<|endoftext|>")).isGreaterThan(1);
        assertThat(TokenizerLoader.load("BUILTIN", null, "m").tokenizer()).isSameAs(TiktokenTextTokenizer.o200kBase());
    }

    @Test
    void explicitUnknownHubIdFailsFastWithOneLine(@TempDir Path cache) throws Exception {
        try (FakeHub hub = new FakeHub()) {
            long start = System.nanoTime();

            assertThatThrownBy(() -> TokenizerLoader.load("no-such-org-aiperf/no-such-model", null, "m",
                    settings(hub.endpoint(), cache), Duration.ofSeconds(10)))
                    .isInstanceOf(TokenizerLoadException.class)
                    .hasMessage("cannot load tokenizer 'no-such-org-aiperf/no-such-model': not a local tokenizer.json"
                            + " or folder, and cannot download " + hub.endpoint()
                            + "/no-such-org-aiperf/no-such-model/resolve/main/tokenizer.json: HTTP 404 (not found);"
                            + " pass a local path with --tokenizer PATH");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        }
    }

    @Test
    void hubAttemptIsBoundedByTheTimeout(@TempDir Path cache) throws Exception {
        try (FakeHub hub = new FakeHub().stalling()) {
            long start = System.nanoTime();

            LoadedTokenizer loaded = TokenizerLoader.load(null, null, "org/slow", settings(hub.endpoint(), cache),
                    Duration.ofMillis(300));

            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
            assertThat(loaded.tokenizer()).isSameAs(TiktokenTextTokenizer.o200kBase());
            assertThat(loaded.warning()).contains("'org/slow'").contains("not complete within 1 s");
            assertThat(HubTokenizerFile.cached(settings(hub.endpoint(), cache), "org/slow", "main")).doesNotExist();
        }
    }

    @Test
    void implicitModelNameFallsBackToBuiltinWithWarning(@TempDir Path cache) throws Exception {
        String offline = FakeHub.closedEndpoint();
        LoadedTokenizer loaded = TokenizerLoader.load(null, null, "no-such-org-aiperf/no-such-model",
                settings(offline, cache), Duration.ofSeconds(10));

        assertThat(loaded.tokenizer()).isSameAs(TiktokenTextTokenizer.o200kBase());
        assertThat(loaded.warning())
                .isEqualTo("tokenizer for model 'no-such-org-aiperf/no-such-model' could not be loaded (cannot "
                        + "download " + offline + "/no-such-org-aiperf/no-such-model/resolve/main/tokenizer.json: "
                        + "connection refused (offline, or nothing listening?)); using builtin tiktoken o200k_base"
                        + " — token counts are approximate; pass --tokenizer PATH for exact counts");
    }

    @Test
    void implicitModelNameThatIsALocalTokenizerLoadsIt() throws Exception {
        LoadedTokenizer loaded = TokenizerLoader.load(null, null, fixture().toString());

        assertThat(loaded.warning()).isNull();
        assertThat(loaded.tokenizer()).isInstanceOf(HuggingFaceTextTokenizer.class);
    }

    @Test
    void implicitMissingPathFallsBackWithWarning() {
        LoadedTokenizer loaded = TokenizerLoader.load(null, null, "/models/not-here");

        assertThat(loaded.tokenizer()).isSameAs(TiktokenTextTokenizer.o200kBase());
        assertThat(loaded.warning()).contains("'/models/not-here'").contains("no such file or folder");
    }

    @Test
    void qwen3CountsWithoutTruncationOrSpecialTokens() {
        TextTokenizer qwen = TokenizerLoader.load(SharedTokenizers.require("qwen3").toString(), null, "m").tokenizer();
        assertNoTruncation(qwen);
        // Qwen3 has no BOS; a post-processor adding <|im_start|> etc. would show up here
        assertThat(qwen.countTokens("hello")).isEqualTo(1);
    }

    @Test
    void llama2CountsWithoutTruncationOrSpecialTokens() {
        TextTokenizer llama = TokenizerLoader.load(SharedTokenizers.require("llama2").getParent().toString(), null, "m")
                .tokenizer();
        assertNoTruncation(llama);
        // Llama 2 adds <s> (id 1) when special tokens are on
        int[] ids = llama.encode("the");
        assertThat(ids).hasSize(1).doesNotContain(1);
    }

    @Test
    void tokenizersAreSafeToShareBetweenThreads() throws Exception {
        TextTokenizer qwen = TokenizerLoader.loadLocal(SharedTokenizers.require("qwen3"), "qwen3");
        String text = "The quick brown fox jumps over the lazy dog. ".repeat(50);
        int expected = qwen.countTokens(text);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> counts = pool.invokeAll(java.util.Collections.nCopies(64, () -> qwen.countTokens(text)));
            for (Future<Integer> count : counts) {
                assertThat(count.get()).isEqualTo(expected);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** ~2,000+ tokens of varied text must count in full, not 512. */
    private static void assertNoTruncation(TextTokenizer tokenizer) {
        StringBuilder text = new StringBuilder();
        int i = 0;
        while (tokenizer.countTokens(text.toString()) < 2_000) {
            text.append("Sentence number ").append(i++).append(" talks about benchmarks, GPUs and latency. ");
        }
        int count = tokenizer.countTokens(text.toString());
        assertThat(count).isGreaterThanOrEqualTo(2_000);
        assertThat(tokenizer.encode(text.toString())).hasSize(count);
        // counting is additive over independent sentences (no cap anywhere)
        String doubled = text + " " + text;
        assertThat(tokenizer.countTokens(doubled)).isGreaterThan(2 * count - 5);
        assertThat(Arrays.stream(tokenizer.encode(text.toString())).min().orElse(0)).isGreaterThanOrEqualTo(0);
    }
}
