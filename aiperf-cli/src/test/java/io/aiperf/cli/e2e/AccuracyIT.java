package io.aiperf.cli.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import io.aiperf.mock.MockConfig;
import io.aiperf.mock.MockServer;
import io.aiperf.mock.RequestRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code --accuracy-benchmark} end to end against the mock: the benchmark's problems are what the mock receives, and
 * every response is graded into the accuracy files. The mock answers with corpus text, so the score itself is ~0;
 * that grading is right is shown by {@code AccuracyGradingTest}.
 */
class AccuracyIT {

    @RegisterExtension
    final AiperfRuns aiperf = new AiperfRuns().withoutWorkerWarmup();

    private static String fixture(String name) throws URISyntaxException {
        return Path.of(AccuracyIT.class.getResource("/accuracy/" + name).toURI()).toString();
    }

    @Test
    void mmluProblemsAreSentOnceEachAndGradedPerSubject() throws Exception {
        MockServer mock = aiperf.startMock(MockConfig.ephemeral().withFast(true));

        AiperfRun r = aiperf.profile("-m", "m", "--accuracy-benchmark", "mmlu", "--accuracy-dataset-path",
                fixture("mmlu"), "--accuracy-n-shots", "1", "--request-count", "5", "--concurrency", "2");

        assertThat(r.exitCode()).as(r.stderr()).isZero();
        assertThat(r.stdout()).contains("Accuracy Benchmark Results");
        // the fixture has 3 abstract_algebra and 2 anatomy test rows
        List<String> csv = r.text("accuracy_results.csv").lines().toList();
        assertThat(csv.get(0)).isEqualTo("task,total,passed,unparsed,accuracy_rate,unparsed_rate");
        assertThat(csv).hasSize(4);
        assertThat(csv.get(1)).startsWith("abstract_algebra,3,");
        assertThat(csv.get(2)).startsWith("anatomy,2,");
        assertThat(csv.get(3)).startsWith("OVERALL,5,");

        List<JsonNode> graded = r.jsonLines("accuracy_export.jsonl");
        assertThat(graded).extracting(n -> n.get("conversation_id").asText()).containsExactlyInAnyOrder(
                "session_000000", "session_000001", "session_000002", "session_000003", "session_000004");
        assertThat(graded).allSatisfy(n -> {
            assertThat(n.get("grader_name").asText()).isEqualTo("multiple_choice");
            assertThat(n.get("benchmark_phase").asText()).isEqualTo("profiling");
            assertThat(n.get("model_output").asText()).isNotEmpty();
        });

        // what the mock got: each problem once, its one dev example with its letter, the question left open
        List<RequestRecord> sent = mock.requestLog();
        assertThat(sent).hasSize(5);
        List<String> prompts = sent.stream()
                .map(s -> s.body().at("/messages/0/content").asText()).toList();
        assertThat(prompts).allSatisfy(p -> assertThat(p).startsWith("The following are multiple choice questions "
                + "(with answers) about ").endsWith("\nAnswer:"));
        assertThat(prompts).filteredOn(p -> p.contains("The femur is located in the"))
                .singleElement().asString().contains("Which bone is commonly called the collarbone?")
                .contains("D. Humerus\nAnswer: B\n\n");
        assertThat(sent).allSatisfy(s -> assertThat(s.body().get("max_completion_tokens").asInt()).isEqualTo(5));
        assertThat(sent).extracting(RequestRecord::xRequestId).containsExactlyInAnyOrderElementsOf(
                graded.stream().map(n -> n.get("x_request_id").asText()).toList());
    }
}
