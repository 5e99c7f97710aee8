package io.aiperf.cli.e2e;

import io.aiperf.mock.MockConfig;
import io.aiperf.mock.MockServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * AIPerf's own documented command lines, typed as its docs and tests print them, run by the real {@code bin/aiperf}
 * against the mock. Each keeps its options; what changes is said per row: the server's address is the mock's,
 * a Hugging Face {@code --tokenizer} is {@code builtin} (tests do not reach the hub), and where a row says so a count
 * is smaller to keep the class near a minute. Every run must exit 0 and report the documented number of requests,
 * which the mock must have received.
 */
class DocumentedInvocationsIT {

    @RegisterExtension
    final AiperfRuns aiperf = new AiperfRuns().withoutWorkerWarmup();

    /**
     * @param source   where the command line is quoted from
     * @param command  the command line as quoted (line continuations folded)
     * @param shrunk   options whose value is made smaller here, and to what; the reason is in the row's comment
     * @param files    files the documentation creates beside the command, by relative path
     * @param requests the profiling requests the run must report
     * @param warmup   the warmup requests the mock receives besides
     */
    record Invocation(String source, String command, Map<String, String> shrunk, Map<String, String> files,
                      long requests, long warmup) {

        @Override
        public String toString() {
            return source;
        }
    }

    static Stream<Invocation> documented() {
        return Stream.of(
                // AIPerf's README, "Basic Usage" (Ollama quick start): no stop condition given, so AIPerf's default of
                // 10 requests.
                new Invocation("ai-dynamo/aiperf README.md, Quick Start / Basic Usage",
                        "aiperf profile --model \"granite4:350m\" --streaming --endpoint-type chat "
                                + "--tokenizer ibm-granite/granite-4.0-micro --url http://localhost:11434",
                        Map.of(), Map.of(), 10, 0),
                // AIPerf's README, "Example with Custom Configuration" (its missing backslash after --url folded).
                new Invocation("ai-dynamo/aiperf README.md, Quick Start / Example with Custom Configuration",
                        "aiperf profile --model \"granite4:350m\" --streaming --endpoint-type chat "
                                + "--tokenizer ibm-granite/granite-4.0-micro --url http://localhost:11434 "
                                + "--concurrency 5 --request-count 10",
                        Map.of(), Map.of(), 10, 0),
                // docs/tutorial.md "Profile Qwen3-0.6B using vllm" (also docs.nvidia.com/aiperf getting-started).
                new Invocation("ai-dynamo/aiperf docs/tutorial.md, Profile Qwen3-0.6B using vllm",
                        "aiperf profile --model Qwen/Qwen3-0.6B --endpoint-type chat --endpoint /v1/chat/completions "
                                + "--streaming --request-rate 32 --request-count 64 --output-tokens-mean 256 "
                                + "--url localhost:8000",
                        Map.of(), Map.of(), 64, 0),
                // docs/tutorials/openai-text-endpoints.md, "Profile Completions API" with synthetic inputs.
                new Invocation("ai-dynamo/aiperf docs/tutorials/openai-text-endpoints.md, Completions, synthetic",
                        "aiperf profile --model Qwen/Qwen3-0.6B --endpoint-type completions --endpoint /v1/completions "
                                + "--synthetic-input-tokens-mean 64 --synthetic-input-tokens-stddev 4 "
                                + "--output-tokens-mean 128 --output-tokens-stddev 4 --url localhost:8000 "
                                + "--request-count 32",
                        Map.of(), Map.of(), 32, 0),
                // docs/tutorials/embeddings.md, "Profile with Synthetic Inputs".
                new Invocation("ai-dynamo/aiperf docs/tutorials/embeddings.md, synthetic inputs",
                        "aiperf profile --model BAAI/bge-small-en-v1.5 --endpoint-type embeddings "
                                + "--endpoint /v1/embeddings --synthetic-input-tokens-mean 100 "
                                + "--synthetic-input-tokens-stddev 0 --url localhost:8000 --request-count 20 "
                                + "--concurrency 4",
                        Map.of(), Map.of(), 20, 0),
                // docs/tutorials/embeddings.md, "Profile with Custom Input File": the tutorial's inputs.jsonl too.
                new Invocation("ai-dynamo/aiperf docs/tutorials/embeddings.md, custom input file",
                        "aiperf profile --model BAAI/bge-small-en-v1.5 --endpoint-type embeddings "
                                + "--endpoint /v1/embeddings --input-file inputs.jsonl --custom-dataset-type single_turn "
                                + "--url localhost:8000 --request-count 5",
                        Map.of(), Map.of("inputs.jsonl", """
                                {"texts": ["What is artificial intelligence?"]}
                                {"texts": ["Explain machine learning."]}
                                {"texts": ["How do neural networks work?"]}
                                {"texts": ["Define deep learning."]}
                                {"texts": ["What are transformers in AI?"]}
                                """), 5, 0),
                // docs/tutorials/warmup.md, "Minimal Warmup": 500 profiling requests shrunk to 100 (the mock answers
                // at once, so more only costs time on a shared 2-core machine; the 20 warmup requests are kept).
                new Invocation("ai-dynamo/aiperf docs/tutorials/warmup.md, Minimal Warmup",
                        "aiperf profile --model Qwen/Qwen2.5-7B-Instruct --url localhost:8000 --endpoint-type chat "
                                + "--streaming --concurrency 50 --warmup-request-count 20 --request-count 500",
                        Map.of("--request-count", "100"), Map.of(), 100, 20),
                // AIPerf's integration tests (tests/integration/test_warmup.py) with their defaults (conftest:
                // --workers-max 1 --concurrency 2 --ui simple, model openai/gpt-oss-120b).
                new Invocation("ai-dynamo/aiperf tests/integration test_warmup with the integration defaults",
                        "aiperf profile --model openai/gpt-oss-120b --url localhost:8000 --endpoint-type chat "
                                + "--workers-max 1 --concurrency 2 --warmup-request-count 5 --request-count 15 "
                                + "--ui simple",
                        Map.of(), Map.of(), 15, 5),
                // docs/benchmark_modes/trace_replay.md, "Profiling using a MoonCake Trace": no --url (AIPerf's default
                // localhost:8000, here the mock's) and the tutorial's example_trace.jsonl with its timestamps divided by
                // 100 (0, 105, 274 ms instead of 0, 10.5, 27.5 s), so the replay takes a fraction of a second.
                new Invocation("ai-dynamo/aiperf docs/benchmark_modes/trace_replay.md, MoonCake trace",
                        "aiperf profile -m deepseek-ai/DeepSeek-R1-Distill-Qwen-1.5B --input-file example_trace.jsonl "
                                + "--custom-dataset-type mooncake_trace --fixed-schedule",
                        Map.of(), Map.of("example_trace.jsonl", """
                                {"timestamp": 0, "input_length": 655, "output_length": 52, "hash_ids": [46, 47]}
                                {"timestamp": 105, "input_length": 672, "output_length": 26, "hash_ids": [46, 47]}
                                {"timestamp": 274, "input_length": 655, "output_length": 52, "hash_ids": [46, 47]}
                                """), 3, 0),
                // docs/tutorials/prefix-synthesis.md, "Configuration / Via CLI Options": no --url (the mock's) and a
                // four-row production.jsonl of ours in the tutorial's place (its trace is not published): the
                // 5000-token row is above --synthesis-max-isl and dropped, so 3 requests; the timestamps make it a
                // fixed-schedule replay, sped up 2x.
                new Invocation("ai-dynamo/aiperf docs/tutorials/prefix-synthesis.md, Via CLI Options",
                        "aiperf profile --input-file traces/production.jsonl --custom-dataset-type mooncake_trace "
                                + "--synthesis-speedup-ratio 2.0 --synthesis-prefix-len-multiplier 1.5 "
                                + "--synthesis-max-isl 4096 --model Qwen/Qwen3-0.6B --endpoint-type chat",
                        Map.of(), Map.of("traces/production.jsonl", """
                                {"timestamp": 0, "input_length": 1024, "output_length": 16, "hash_ids": [1, 2]}
                                {"timestamp": 60, "input_length": 1100, "output_length": 16, "hash_ids": [1, 3, 4]}
                                {"timestamp": 120, "input_length": 5000, "output_length": 16, "hash_ids": [20, 21, 22, 23, 24, 25, 26, 27, 28, 29]}
                                {"timestamp": 180, "input_length": 600, "output_length": 16, "hash_ids": [1, 2]}
                                """), 3, 0),
                // AIPerf's integration tests (tests/integration test_mooncake_trace, synthesis speedup) with their
                // defaults; trace.jsonl is a three-row trace of ours.
                new Invocation("ai-dynamo/aiperf tests/integration test_mooncake_trace, synthesis speedup",
                        "aiperf profile --model openai/gpt-oss-120b --url localhost:8000 --endpoint-type chat "
                                + "--input-file trace.jsonl --custom-dataset-type mooncake_trace --request-count 3 "
                                + "--fixed-schedule --synthesis-speedup-ratio 2.0 --workers-max 1 --ui simple",
                        Map.of(), Map.of("trace.jsonl", """
                                {"timestamp": 0, "input_length": 300, "output_length": 8, "hash_ids": [0]}
                                {"timestamp": 40, "input_length": 300, "output_length": 8, "hash_ids": [0]}
                                {"timestamp": 80, "input_length": 600, "output_length": 8, "hash_ids": [0, 1]}
                                """), 3, 0));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("documented")
    void runsAgainstTheMock(Invocation doc) throws Exception {
        MockServer mock = aiperf.startMock(MockConfig.ephemeral().withFast(true));
        for (Map.Entry<String, String> file : doc.files().entrySet()) {
            Path path = aiperf.dir().resolve(file.getKey());
            Files.createDirectories(path.getParent());
            Files.writeString(path, file.getValue());
        }

        AiperfRun r = aiperf.profile(againstTheMock(doc, mock));

        assertThat(r.exitCode()).as(doc.command() + "\n" + r.stderr()).isZero();
        assertThat(r.summary().at("/request_count/avg").asLong()).as(doc.source()).isEqualTo(doc.requests());
        assertThat(mock.requestLog()).as("requests the mock received").hasSize((int) (doc.requests() + doc.warmup()));
    }

    /** The documented argv after {@code aiperf profile}: the mock's address, the builtin tokenizer, the shrunk counts. */
    private static List<String> againstTheMock(Invocation doc, MockServer mock) {
        List<String> words = words(doc.command());
        assertThat(words.subList(0, 2)).containsExactly("aiperf", "profile");
        List<String> args = new ArrayList<>(words.subList(2, words.size()));
        for (int i = 0; i + 1 < args.size(); i++) {
            String option = args.get(i);
            if (option.equals("--url") || option.equals("-u")) {
                args.set(i + 1, "127.0.0.1:" + mock.port());
            } else if (option.equals("--tokenizer")) {
                args.set(i + 1, "builtin");
            } else if (doc.shrunk().containsKey(option)) {
                args.set(i + 1, doc.shrunk().get(option));
            }
        }
        return args;
    }

    /** A command line split into words as a POSIX shell splits it: blanks separate, quotes group. */
    static List<String> words(String command) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        char quote = 0;
        for (char ch : command.toCharArray()) {
            if (quote != 0) {
                if (ch == quote) {
                    quote = 0;
                } else {
                    word.append(ch);
                }
            } else if (ch == '"' || ch == '\'') {
                quote = ch;
                inWord = true;
            } else if (Character.isWhitespace(ch)) {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
            } else {
                word.append(ch);
                inWord = true;
            }
        }
        if (inWord) {
            words.add(word.toString());
        }
        return words;
    }
}
