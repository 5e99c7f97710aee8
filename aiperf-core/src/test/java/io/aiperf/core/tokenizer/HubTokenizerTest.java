package io.aiperf.core.tokenizer;

import io.aiperf.core.hub.HubSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Hub tokenizers at a pinned {@code --tokenizer-revision}, against an in-process hub serving the shared Qwen3 file at
 * revision {@code abc} and the Llama 2 file at {@code main} of the same repository: the revision decides which
 * vocabulary counts the tokens.
 */
class HubTokenizerTest {

    private static final String REPO = "acme/tok";
    private static final String TEXT = "Tokenizers disagree about internationalization, naïve café owners and "
            + "emoji 🚀🚀 — which is exactly why a revision must be pinnable.";
    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    @TempDir
    Path tmp;

    private HubSettings settings(String endpoint) {
        return new HubSettings(endpoint, null, tmp.resolve("aiperf-cache"), tmp.resolve("hf-hub"), null);
    }

    @Test
    void theRevisionPicksTheFileAndTheCacheServesItOffline() throws Exception {
        Path qwen = SharedTokenizers.require("qwen3");
        Path llama = SharedTokenizers.require("llama2");
        int qwenCount = TokenizerLoader.loadLocal(qwen, "qwen3").countTokens(TEXT);
        int llamaCount = TokenizerLoader.loadLocal(llama, "llama2").countTokens(TEXT);
        assertThat(qwenCount).isNotEqualTo(llamaCount); // otherwise this test could not tell them apart

        try (FakeHub hub = new FakeHub().tokenizer(REPO, "abc", qwen).tokenizer(REPO, "main", llama)) {
            LoadedTokenizer pinned = TokenizerLoader.load(REPO, "abc", "m", settings(hub.endpoint()), TIMEOUT);
            LoadedTokenizer main = TokenizerLoader.load(REPO, null, "m", settings(hub.endpoint()), TIMEOUT);

            assertThat(pinned.warning()).isNull();
            assertThat(pinned.tokenizer().countTokens(TEXT)).isEqualTo(qwenCount);
            assertThat(pinned.tokenizer().name()).isEqualTo("acme/tok@abc");
            assertThat(main.tokenizer().countTokens(TEXT)).isEqualTo(llamaCount);
            assertThat(main.tokenizer().name()).isEqualTo("acme/tok");
            assertThat(hub.paths()).containsExactly("/acme/tok/resolve/abc/tokenizer.json",
                    "/acme/tok/resolve/main/tokenizer.json");
        }
        assertThat(tmp.resolve("aiperf-cache/tokenizers/acme--tok/abc/tokenizer.json")).hasSameBinaryContentAs(qwen);

        // no server any more: both revisions come from the cache
        HubSettings offline = settings(FakeHub.closedEndpoint());
        assertThat(TokenizerLoader.load(REPO, "abc", "m", offline, TIMEOUT).tokenizer().countTokens(TEXT))
                .isEqualTo(qwenCount);
        assertThat(TokenizerLoader.load(REPO, "main", "m", offline, TIMEOUT).tokenizer().countTokens(TEXT))
                .isEqualTo(llamaCount);
    }

    @Test
    void anExistingHuggingFaceCacheIsReadByBranchOrCommit() throws Exception {
        Path qwen = SharedTokenizers.require("qwen3");
        String commit = "0123456789abcdef0123456789abcdef01234567";
        Path repoDir = tmp.resolve("hf-hub/models--acme--tok");
        Files.createDirectories(repoDir.resolve("refs"));
        Files.writeString(repoDir.resolve("refs/main"), commit + "\n");
        Files.createDirectories(repoDir.resolve("snapshots/" + commit));
        Files.copy(qwen, repoDir.resolve("snapshots/" + commit + "/tokenizer.json"));
        HubSettings offline = settings(FakeHub.closedEndpoint());
        int expected = TokenizerLoader.loadLocal(qwen, "q").countTokens(TEXT);

        TextTokenizer byBranch = TokenizerLoader.load(REPO, "main", "m", offline, TIMEOUT).tokenizer();
        TextTokenizer byCommit = TokenizerLoader.load(REPO, commit, "m", offline, TIMEOUT).tokenizer();

        assertThat(byBranch.countTokens(TEXT)).isEqualTo(expected);
        assertThat(byCommit.countTokens(TEXT)).isEqualTo(expected);
        assertThat(byCommit.name()).isEqualTo(REPO + "@" + commit);
    }

    @Test
    void offlineExplicitTokenizerIsOneLineNamingTheUrl() throws Exception {
        String endpoint = FakeHub.closedEndpoint();

        assertThatThrownBy(() -> TokenizerLoader.load(REPO, "v2", "m", settings(endpoint), TIMEOUT))
                .isInstanceOf(TokenizerLoadException.class)
                .hasMessage("cannot load tokenizer 'acme/tok': not a local tokenizer.json or folder, and cannot "
                        + "download " + endpoint + "/acme/tok/resolve/v2/tokenizer.json: connection refused "
                        + "(offline, or nothing listening?); pass a local path with --tokenizer PATH");
    }

    @Test
    void aBrokenDownloadIsAnErrorAndIsNotKept() throws Exception {
        Path garbage = Files.writeString(tmp.resolve("garbage.json"), "<html>not a tokenizer</html>");
        try (FakeHub hub = new FakeHub().tokenizer(REPO, "main", garbage)) {
            assertThatThrownBy(() -> TokenizerLoader.load(REPO, "main", "m", settings(hub.endpoint()), TIMEOUT))
                    .isInstanceOf(TokenizerLoadException.class)
                    .hasMessageStartingWith("cannot load tokenizer 'acme/tok': not a local tokenizer.json or folder, "
                            + "and cannot load tokenizer file ")
                    .hasMessageNotContaining("\n");
        }
        assertThat(tmp.resolve("aiperf-cache/tokenizers/acme--tok/main/tokenizer.json")).doesNotExist();
    }

    @Test
    void namesThatCannotBeRepositoriesAreNotFetched() throws Exception {
        try (FakeHub hub = new FakeHub()) {
            assertThatThrownBy(() -> TokenizerLoader.load("a/b/c", null, "m", settings(hub.endpoint()), TIMEOUT))
                    .hasMessageContaining("it is not a Hugging Face repository id (org/name)");
            assertThat(hub.paths()).isEmpty();
        }
    }

    @Test
    void revisionsWithSlashesAreOneFolderAndOneUrlSegment() throws Exception {
        Path qwen = SharedTokenizers.require("qwen3");
        try (FakeHub hub = new FakeHub().tokenizer(REPO, "refs%2Fpr%2F1", qwen)) {
            LoadedTokenizer loaded = TokenizerLoader.load(REPO, "refs/pr/1", "m", settings(hub.endpoint()), TIMEOUT);

            assertThat(loaded.warning()).isNull();
            assertThat(hub.paths()).containsExactly("/acme/tok/resolve/refs%2Fpr%2F1/tokenizer.json");
        }
        assertThat(tmp.resolve("aiperf-cache/tokenizers/acme--tok/refs%2Fpr%2F1/tokenizer.json")).exists();
    }
}
