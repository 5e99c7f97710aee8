package io.aiperf.cli.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import io.aiperf.core.tokenizer.TextTokenizer;
import io.aiperf.core.tokenizer.TokenizerLoader;
import io.aiperf.mock.MockConfig;
import io.aiperf.mock.MockServer;
import io.aiperf.mock.RequestRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * What each request carries beyond one prompt, read from the bodies the mock received: text batches, synthetic and
 * file rankings, and conversation context prompts, with the ISL each record reports.
 */
class PromptShapesIT {

    @RegisterExtension
    final AiperfRuns aiperf = new AiperfRuns().withoutWorkerWarmup();

    private static Path qwen3() {
        Path tokenizer = AiperfProcess.sharedTokenizer("qwen3");
        assumeThat(tokenizer).as("shared Qwen3 tokenizer beside the repo").isNotNull();
        return tokenizer;
    }

    private static TextTokenizer load(Path tokenizer) {
        return TokenizerLoader.load(tokenizer.toString(), "main", "m").tokenizer();
    }

    /** A successful run of {@code profile -m m --ui-type none} and {@code args}. */
    private AiperfRun profile(String... args) throws Exception {
        List<String> all = new ArrayList<>(List.of("-m", "m", "--ui-type", "none"));
        all.addAll(List.of(args));
        AiperfRun r = aiperf.profile(all);
        assertThat(r.exitCode()).as(r.stdout() + r.stderr()).isZero();
        return r;
    }

    /** Each record's ISL by its X-Request-ID. */
    private static Map<String, Integer> islByRequestId(AiperfRun run) throws Exception {
        Map<String, Integer> out = new HashMap<>();
        for (JsonNode rec : run.records()) {
            assertThat(rec.get("error").isNull()).as(rec.toString()).isTrue();
            out.put(rec.at("/metadata/x_request_id").asText(), rec.at("/metrics/input_sequence_length/value").asInt());
        }
        return out;
    }

    @Test
    void syntheticRankingsSendTheDrawnPassagesAndTheSameSeedSendsTheSameBytes() throws Exception {
        Path tokenizer = qwen3();
        TextTokenizer qwen = load(tokenizer);
        MockServer mock = aiperf.startMock(MockConfig.ephemeral().withFast(true));
        String[] args = {"--endpoint-type", "nim_rankings", "--tokenizer", tokenizer.toString(),
                "--rankings-passages-mean", "3", "--rankings-passages-prompt-token-mean", "16",
                "--rankings-query-prompt-token-mean", "24", "--random-seed", "7", "--num-dataset-entries", "5",
                "--concurrency", "2", "--request-count", "6"};
        AiperfRun first = profile(args);

        List<RequestRecord> log = mock.requestLog();
        assertThat(log).hasSize(6).allMatch(r -> r.path().equals("/v1/ranking"));
        Map<String, Integer> isl = islByRequestId(first);
        for (RequestRecord req : log) {
            String query = req.body().at("/query/text").asText();
            JsonNode passages = req.body().get("passages");
            assertThat(passages).hasSize(3);
            assertThat(qwen.countTokens(query)).isEqualTo(24);
            List<String> texts = new ArrayList<>(List.of(query));
            for (JsonNode p : passages) {
                assertThat(qwen.countTokens(p.get("text").asText())).isEqualTo(16);
                texts.add(p.get("text").asText());
            }
            assertThat(isl.get(req.xRequestId())).isEqualTo(qwen.countTokens(String.join(" ", texts)));
        }

        AiperfRun second = profile(args);
        assertThat(Files.readAllBytes(second.artifact("inputs.json")))
                .isEqualTo(Files.readAllBytes(first.artifact("inputs.json")));
        assertThat(first.summary().at("/input_config/input/rankings/passages/mean").asInt()).isEqualTo(3);
    }

    @Test
    void chatConversationsOpenWithTheSharedSystemPromptAndTheirOwnContext() throws Exception {
        Path tokenizer = qwen3();
        TextTokenizer qwen = load(tokenizer);
        MockServer mock = aiperf.startMock(MockConfig.ephemeral().withFast(true));
        AiperfRun r = profile("--endpoint-type", "chat", "--tokenizer", tokenizer.toString(),
                "--shared-system-prompt-length", "50", "--user-context-prompt-length", "20",
                "--num-dataset-entries", "4", "--isl", "30", "--osl", "5", "--concurrency", "2",
                "--request-count", "8");

        List<RequestRecord> log = mock.requestLog();
        assertThat(log).hasSize(8);
        Map<String, Integer> isl = islByRequestId(r);
        Set<String> systems = new HashSet<>();
        Set<String> contexts = new HashSet<>();
        for (RequestRecord req : log) {
            JsonNode messages = req.body().get("messages");
            assertThat(messages).hasSize(3);
            assertThat(messages.get(0).get("role").asText()).isEqualTo("system");
            assertThat(messages.get(1).get("role").asText()).isEqualTo("user");
            assertThat(messages.get(2).get("role").asText()).isEqualTo("user");
            String system = messages.get(0).get("content").asText();
            String context = messages.get(1).get("content").asText();
            String prompt = messages.get(2).get("content").asText();
            assertThat(qwen.countTokens(system)).isEqualTo(50);
            assertThat(qwen.countTokens(context)).isEqualTo(20);
            assertThat(qwen.countTokens(prompt)).isEqualTo(30);
            systems.add(system);
            contexts.add(context);
            assertThat(isl.get(req.xRequestId()))
                    .isEqualTo(qwen.countTokens(system + " " + context + " " + prompt));
        }
        assertThat(systems).hasSize(1);
        assertThat(contexts).hasSize(4); // one per dataset entry, 8 requests drawn from 4 entries
    }

    @Test
    void embeddingsSendTheBatchAsInputs() throws Exception {
        MockServer mock = aiperf.startMock(MockConfig.ephemeral().withFast(true));
        AiperfRun r = profile("--endpoint-type", "embeddings", "--tokenizer", "builtin",
                "-b", "4", "--isl", "12", "--concurrency", "2", "--request-count", "4");

        assertThat(mock.requestLog()).hasSize(4)
                .allSatisfy(req -> assertThat(req.body().get("input")).hasSize(4));
        TextTokenizer builtin = TokenizerLoader.load("builtin", "main", "m").tokenizer();
        Map<String, Integer> isl = islByRequestId(r);
        for (RequestRecord req : mock.requestLog()) {
            List<String> inputs = new ArrayList<>();
            req.body().get("input").forEach(n -> inputs.add(n.asText()));
            assertThat(inputs).allMatch(t -> builtin.countTokens(t) == 12);
            assertThat(isl.get(req.xRequestId())).isEqualTo(builtin.countTokens(String.join(" ", inputs)));
        }
    }

    @Test
    void fileRowsCarryTheirBatchesAndNamedRankingsTexts() throws Exception {
        MockServer mock = aiperf.startMock(MockConfig.ephemeral().withFast(true));
        Path batches = aiperf.dir().resolve("batches.jsonl");
        Files.write(batches, List.of("{\"texts\": [\"first text\", \"second text\", \"third text\"]}",
                "{\"texts\": [\"alone\", \"together\"]}"));
        profile("--endpoint-type", "embeddings", "--tokenizer", "builtin",
                "--input-file", batches.toString(), "--custom-dataset-type", "single_turn", "--concurrency", "1",
                "--request-count", "2");
        assertThat(mock.requestLog()).extracting(r -> r.body().get("input").toString())
                .containsExactly("[\"first text\",\"second text\",\"third text\"]", "[\"alone\",\"together\"]");

        mock.clearRequestLog();
        Path rankings = aiperf.dir().resolve("rankings.jsonl");
        Files.write(rankings, List.of(
                "{\"texts\": [{\"name\": \"query\", \"contents\": [\"what do cats eat\"]},"
                        + " {\"name\": \"passages\", \"contents\": [\"Cats eat fish.\", \"Dogs bark.\"]}]}",
                "{\"texts\": [{\"name\": \"query\", \"contents\": [\"why is the sky blue\"]},"
                        + " {\"name\": \"passages\", \"contents\": [\"Rayleigh scattering.\"]}]}"));
        profile("--endpoint-type", "cohere_rankings", "--tokenizer", "builtin",
                "--input-file", rankings.toString(), "--concurrency", "1", "--request-count", "2");
        assertThat(mock.requestLog()).extracting(r -> r.body().get("query").asText() + " | "
                        + r.body().get("documents").toString())
                .containsExactly("what do cats eat | [\"Cats eat fish.\",\"Dogs bark.\"]",
                        "why is the sky blue | [\"Rayleigh scattering.\"]");
    }

    @Test
    void mooncakeMessagesRowsAreSentVerbatimWithTheirTools() throws Exception {
        MockServer mock = aiperf.startMock(MockConfig.ephemeral().withFast(true));
        Path trace = aiperf.dir().resolve("messages.jsonl");
        String messages = "[{\"role\":\"system\",\"content\":\"You are terse.\"},"
                + "{\"role\":\"user\",\"content\":\"What is the capital of France?\"}]";
        String tools = "[{\"type\":\"function\",\"function\":{\"name\":\"lookup\",\"parameters\":{}}}]";
        Files.write(trace, List.of("{\"messages\": " + messages + ", \"tools\": " + tools + ", \"output_length\": 5}",
                "{\"input_length\": 12, \"output_length\": 5}"));
        AiperfRun r = profile("--endpoint-type", "chat", "--tokenizer", "builtin",
                "--input-file", trace.toString(), "--custom-dataset-type", "mooncake_trace", "--concurrency", "1",
                "--request-count", "2");
        List<RequestRecord> log = mock.requestLog();
        assertThat(log).hasSize(2);
        RequestRecord verbatim = log.stream().filter(req -> req.body().has("tools")).findFirst().orElseThrow();
        assertThat(verbatim.body().get("messages").toString()).isEqualTo(messages);
        assertThat(verbatim.body().get("tools").toString()).isEqualTo(tools);
        assertThat(verbatim.body().get("max_completion_tokens").asInt()).isEqualTo(5);
        TextTokenizer builtin = TokenizerLoader.load("builtin", "main", "m").tokenizer();
        assertThat(islByRequestId(r).get(verbatim.xRequestId()))
                .isEqualTo(builtin.countTokens("You are terse. What is the capital of France?"));
    }

    @Test
    void badShapesAreOneLineErrors() throws Exception {
        for (List<String> args : List.of(
                List.of("--endpoint-type", "chat", "--rankings-passages-mean", "3"),
                List.of("--endpoint-type", "nim_rankings", "--isl", "100"),
                List.of("--user-context-prompt-length", "20"))) {
            List<String> all = new ArrayList<>(List.of("-m", "m", "-u", "127.0.0.1:9"));
            all.addAll(args);
            AiperfRun r = aiperf.within(60).profile(all);
            assertThat(r.exitCode()).as(r.stderr()).isNotZero();
            assertThat(r.stderr().strip().lines()).as(r.stderr()).hasSize(1);
            assertThat(r.stderr()).startsWith("aiperf: error: ");
            assertThat(r.stderr()).doesNotContain("Exception").doesNotContain("\tat ");
        }
    }
}
