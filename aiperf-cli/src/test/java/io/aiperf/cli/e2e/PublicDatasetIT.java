package io.aiperf.cli.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import io.aiperf.core.tokenizer.TextTokenizer;
import io.aiperf.core.tokenizer.TiktokenTextTokenizer;
import io.aiperf.mock.MockConfig;
import io.aiperf.mock.MockServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * {@code --public-dataset sharegpt} end to end: the real CLI fetches a small ShareGPT-shaped file from a local
 * stand-in for the Hugging Face hub ({@code HF_ENDPOINT}), filters it, and sends its prompts in file order to the mock
 * server; a second run needs no hub; a local copy needs none either; an unreachable hub is one line. Also a hub
 * tokenizer pinned with {@code --tokenizer-revision}.
 */
class PublicDatasetIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DATASET_PATH = "/datasets/anon8231489123/ShareGPT_Vicuna_unfiltered/resolve/main/"
            + "ShareGPT_V3_unfiltered_cleaned_split.json";
    /** The prompts that pass the filters, in file order. */
    private static final List<String> KEPT = List.of(
            "Explain how a jet engine produces thrust, step by step.",
            "Write a short poem about the sea at night, please.",
            "What are the main differences between TCP and UDP?",
            "Give me three tips for keeping houseplants alive indoors.");

    @RegisterExtension
    final AiperfRuns aiperf = new AiperfRuns().withoutWorkerWarmup();

    private HttpServer hub;
    private final List<String> hubPaths = new CopyOnWriteArrayList<>();

    @AfterEach
    void stopHub() {
        if (hub != null) {
            hub.stop(0);
        }
    }

    /** A ShareGPT-shaped file: the kept prompts, with entries the filters must drop in between. */
    private byte[] shareGpt() throws IOException {
        ArrayNode root = JSON.createArrayNode();
        root.add(entry("k0", KEPT.get(0), "Air is compressed, mixed with fuel and burned; the hot exhaust pushes "
                + "the engine forward."));
        root.add(entry("short-prompt", "Hi", "Hello! How can I help you today?"));
        root.add(entry("k1", KEPT.get(1), "Dark water hums below, the moon keeps watch, and waves fold into sleep."));
        root.add(entry("one-message", "This conversation has only a question and no answer at all."));
        root.add(entry("k2", KEPT.get(2), "TCP is connection-oriented and reliable; UDP is connectionless and "
                + "faster but may lose packets.", "Thanks!", "You are welcome."));
        root.add(entry("short-reply", "Please reply with one single word only, nothing else.", "Okay"));
        root.add(entry("k3", KEPT.get(3), "Water less often, give them bright indirect light, and use pots with "
                + "drainage holes."));
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(root);
    }

    private static ObjectNode entry(String id, String... values) {
        ObjectNode e = JSON.createObjectNode().put("id", id);
        ArrayNode c = e.putArray("conversations");
        for (int i = 0; i < values.length; i++) {
            c.addObject().put("from", i % 2 == 0 ? "human" : "gpt").put("value", values[i]);
        }
        return e;
    }

    /** Starts a stand-in hub serving {@code files} by URL path (404 otherwise); returns its endpoint. */
    private String startHub(Map<String, byte[]> files) throws IOException {
        hub = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        hub.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getRawPath();
            hubPaths.add(path);
            try (exchange) {
                byte[] body = files.get(path);
                if (body == null) {
                    exchange.sendResponseHeaders(404, -1);
                    return;
                }
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
        });
        hub.start();
        return "http://127.0.0.1:" + hub.getAddress().getPort();
    }

    /** {@code profile -m m --concurrency 1} and {@code extra}, run by {@code runs}. */
    private static AiperfRun profile(AiperfRuns runs, String... extra) throws Exception {
        List<String> args = new ArrayList<>(List.of("-m", "m", "--concurrency", "1"));
        args.addAll(List.of(extra));
        return runs.profile(args);
    }

    /** The prompt of each request in the order sent, read from the records and inputs.json. */
    private static List<String> promptsSent(AiperfRun run) throws IOException {
        Map<String, JsonNode> payloads = new java.util.HashMap<>();
        JsonNode inputs = run.inputs();
        for (JsonNode d : inputs.get("data")) {
            payloads.put(d.get("session_id").asText(), d.at("/payloads/0"));
        }
        List<JsonNode> records = new ArrayList<>(run.records());
        records.sort(Comparator.comparingLong(r -> r.at("/metadata/session_num").asLong()));
        return records.stream().map(r -> payloads.get(r.at("/metadata/conversation_id").asText())
                .at("/messages/0/content").asText()).toList();
    }

    @Test
    void sharegptComesFromTheHubOnceAndIsSentInFileOrder() throws Exception {
        MockServer mock = aiperf.startMock(MockConfig.ephemeral().withFast(true));
        String endpoint = startHub(Map.of(DATASET_PATH, shareGpt()));
        Path cache = aiperf.dir().resolve("cache");

        AiperfRun r = profile(aiperf.inDir("first").withEnv(Map.of("HF_ENDPOINT", endpoint,
                "AIPERF_CACHE_DIR", cache.toString())), "--public-dataset", "sharegpt", "--request-count", "6");

        assertThat(r.exitCode()).as(r.stderr()).isZero();
        assertThat(hubPaths).containsExactly(DATASET_PATH);
        assertThat(mock.requestLog()).hasSize(6);
        // sequential: the four kept prompts in file order, then from the start again
        assertThat(promptsSent(r)).containsExactly(KEPT.get(0), KEPT.get(1), KEPT.get(2),
                KEPT.get(3), KEPT.get(0), KEPT.get(1));
        JsonNode inputs = r.inputs();
        assertThat(inputs.get("data")).hasSize(4);
        TextTokenizer builtin = TiktokenTextTokenizer.o200kBase();
        // max tokens = the reply's token count (the first reply of the third kept entry, not the later turns)
        assertThat(inputs.at("/data/2/payloads/0/max_completion_tokens").asInt()).isEqualTo(builtin.countTokens(
                "TCP is connection-oriented and reliable; UDP is connectionless and faster but may lose packets."));
        JsonNode summary = r.summary();
        assertThat(summary.at("/input_config/input/public_dataset").asText()).isEqualTo("sharegpt");
        assertThat(cache.resolve("datasets/sharegpt/ShareGPT_V3_unfiltered_cleaned_split.json")).exists();

        // second run: the hub is gone, the cache is enough
        hub.stop(0);
        hub = null;
        AiperfRun again = profile(aiperf.inDir("second").withEnv(Map.of("AIPERF_CACHE_DIR", cache.toString())),
                "--public-dataset", "sharegpt", "--request-count", "3");
        assertThat(again.exitCode()).as(again.stderr()).isZero();
        assertThat(promptsSent(again)).containsExactly(KEPT.get(0), KEPT.get(1), KEPT.get(2));
    }

    @Test
    void aLocalCopyNeedsNoHubAndTheEntriesCapApplies() throws Exception {
        aiperf.startMock(MockConfig.ephemeral().withFast(true));
        Path copy = Files.write(aiperf.dir().resolve("sharegpt.json"), shareGpt());

        AiperfRun r = profile(aiperf, "--public-dataset", "sharegpt", "--public-dataset-path",
                copy.toString(), "--num-dataset-entries", "2", "--request-count", "4");

        assertThat(r.exitCode()).as(r.stderr()).isZero();
        assertThat(promptsSent(r)).containsExactly(KEPT.get(0), KEPT.get(1), KEPT.get(0),
                KEPT.get(1));
    }

    @Test
    void anUnreachableHubIsOneLineNamingTheUrlAndTheWayOut() throws Exception {
        MockServer mock = aiperf.startMock(MockConfig.ephemeral().withFast(true));
        String closed = AiperfProcess.closedEndpoint();

        AiperfRun r = profile(aiperf.withEnv(Map.of("HF_ENDPOINT", closed)), "--public-dataset", "sharegpt",
                "--request-count", "2");

        assertThat(r.exitCode()).isNotZero();
        assertThat(r.stderr().strip().lines()).as(r.stderr()).hasSize(1);
        assertThat(r.stderr()).startsWith("aiperf: error: cannot download " + closed + DATASET_PATH
                        + ": connection refused")
                .contains("--public-dataset-path PATH")
                .doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(mock.requestLog()).isEmpty();
        assertThat(AiperfProcess.liveServiceJvms()).isEmpty();
    }

    @Test
    void aHubTokenizerIsFetchedAtThePinnedRevision() throws Exception {
        Path qwen = AiperfProcess.sharedTokenizer("qwen3");
        assumeThat(qwen).as("shared Qwen3 tokenizer beside the repo").isNotNull();
        aiperf.startMock(MockConfig.ephemeral().withFast(true));
        String endpoint = startHub(Map.of("/acme/tok/resolve/abc/tokenizer.json",
                Files.readAllBytes(qwen.resolve("tokenizer.json"))));

        AiperfRun r = aiperf.withEnv(Map.of("HF_ENDPOINT", endpoint)).profile("-m", "m",
                "--tokenizer", "acme/tok", "--tokenizer-revision", "abc", "--isl", "32", "--request-count", "2");

        assertThat(r.exitCode()).as(r.stderr()).isZero();
        assertThat(r.stderr()).doesNotContain("tokenizer");
        assertThat(hubPaths).containsExactly("/acme/tok/resolve/abc/tokenizer.json");
        JsonNode summary = r.summary();
        assertThat(summary.at("/input_config/tokenizer/revision").asText()).isEqualTo("abc");
    }
}
