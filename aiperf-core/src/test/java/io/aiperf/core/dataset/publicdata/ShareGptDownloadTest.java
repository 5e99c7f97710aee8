package io.aiperf.core.dataset.publicdata;

import io.aiperf.core.config.InputConfig;
import io.aiperf.core.dataset.InputDataset;
import io.aiperf.core.dataset.SamplingStrategy;
import io.aiperf.core.hub.HubSettings;
import io.aiperf.core.hub.LocalHub;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static io.aiperf.core.dataset.publicdata.ShareGptFixtures.entry;
import static io.aiperf.core.dataset.publicdata.ShareGptFixtures.words;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The hub path of ShareGPT against an in-process server: download once, then the cache; offline errors. */
class ShareGptDownloadTest {

    private static final String PATH = "/datasets/anon8231489123/ShareGPT_Vicuna_unfiltered/resolve/main/"
            + "ShareGPT_V3_unfiltered_cleaned_split.json";

    @TempDir
    Path tmp;

    private byte[] fixture() throws Exception {
        List<com.fasterxml.jackson.databind.node.ObjectNode> entries = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            entries.add(entry("e" + i, "prompt" + i + " " + words("w", 5), words("r", 6)));
        }
        return Files.readAllBytes(ShareGptFixtures.write(tmp.resolve("fixture.json"), entries));
    }

    @Test
    void downloadsOnceThenReadsTheCacheWithoutTheNetwork() throws Exception {
        byte[] body = fixture();
        Path cache = tmp.resolve("cache");
        List<String> first;
        try (LocalHub hub = LocalHub.start()) {
            hub.serve(PATH, body);
            HubSettings settings = new HubSettings(hub.endpoint(), null, cache, null, null);

            ShareGptLoader.Result r = ShareGptLoader.builder(words()).hub(settings).load();

            first = r.conversations().stream().map(c -> c.firstTurn().text()).toList();
            assertThat(first).hasSize(5).first().asString().startsWith("prompt0 ");
            assertThat(hub.requests()).extracting(LocalHub.Seen::path).containsExactly(PATH);
            assertThat(r.file()).isEqualTo(cache.resolve("datasets/sharegpt/ShareGPT_V3_unfiltered_cleaned_split.json"));
            assertThat(Files.readAllBytes(r.file())).isEqualTo(body);
        }
        // server gone: the cache alone serves the second load
        HubSettings offline = new HubSettings(LocalHub.closedEndpoint(), null, cache, null, null);
        ShareGptLoader.Result again = ShareGptLoader.builder(words()).hub(offline).load();
        assertThat(again.conversations().stream().map(c -> c.firstTurn().text()).toList()).isEqualTo(first);
    }

    @Test
    void offlineIsOneLineWithUrlCauseAndTheWayOut() throws Exception {
        String endpoint = LocalHub.closedEndpoint();
        HubSettings offline = new HubSettings(endpoint, null, tmp.resolve("cache"), null, null);

        assertThatThrownBy(() -> ShareGptLoader.builder(words()).hub(offline).load())
                .isInstanceOf(PublicDatasetException.class)
                .hasMessage("cannot download " + endpoint + PATH + ": connection refused (offline, or nothing "
                        + "listening?); to run without the network, get ShareGPT_V3_unfiltered_cleaned_split.json "
                        + "another way and pass --public-dataset-path PATH (or put it at "
                        + tmp.resolve("cache/datasets/sharegpt/ShareGPT_V3_unfiltered_cleaned_split.json") + ")");
        assertThat(tmp.resolve("cache/datasets/sharegpt/ShareGPT_V3_unfiltered_cleaned_split.json")).doesNotExist();
    }

    @Test
    void notFoundOnTheHubSaysSo() throws Exception {
        try (LocalHub hub = LocalHub.start()) {
            HubSettings settings = new HubSettings(hub.endpoint(), null, tmp.resolve("cache"), null, null);
            assertThatThrownBy(() -> ShareGptLoader.builder(words()).hub(settings).load())
                    .isInstanceOf(PublicDatasetException.class)
                    .hasMessageContaining(": HTTP 404 (not found); to run without the network");
        }
    }

    @Test
    void inputDatasetServesShareGptSequentiallyAsSingleTurns() throws Exception {
        byte[] body = fixture();
        try (LocalHub hub = LocalHub.start()) {
            hub.serve(PATH, body);
            HubSettings settings = new HubSettings(hub.endpoint(), null, tmp.resolve("cache"), null, null);
            InputConfig config = new InputConfig(550, 0, null, 0, 3L, 100, null, null, null, null, null, null,
                    new InputConfig.PublicSource("sharegpt", null, 4), null);

            InputDataset ds = InputDataset.builder(config, words()).hub(settings).build();

            assertThat(ds.size()).isEqualTo(4); // capped by --num-dataset-entries
            assertThat(ds.synthetic()).isFalse();
            assertThat(ds.format()).isNull();
            assertThat(ds.publicDataset()).isEqualTo(PublicDataset.SHAREGPT);
            assertThat(ds.accumulatesHistory()).isFalse();
            assertThat(ds.samplingStrategy()).isEqualTo(SamplingStrategy.SEQUENTIAL);
            assertThat(ds.defaultSamplingStrategy()).isEqualTo(SamplingStrategy.SEQUENTIAL);
            var sampler = ds.sampler();
            List<String> order = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                order.add(sampler.next().firstTurn().text().split(" ")[0]);
            }
            assertThat(order).containsExactly("prompt0", "prompt1", "prompt2", "prompt3", "prompt0", "prompt1");
        }
    }
}
