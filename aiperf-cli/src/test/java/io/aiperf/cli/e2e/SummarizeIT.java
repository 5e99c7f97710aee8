package io.aiperf.cli.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import io.aiperf.mock.MockConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code aiperf summarize}: the summaries rebuilt from a run's {@code profile_export.jsonl} are the run's own (runs
 * killed mid-way: {@link LifecycleIT}); mistakes are one line.
 */
class SummarizeIT {

    @RegisterExtension
    final AiperfRuns aiperf = new AiperfRuns().within(90);

    @Test
    void theRebuiltSummaryOfAFinishedRunEqualsTheOneItWrote() throws Exception {
        aiperf.startMock(MockConfig.ephemeral().withTiming(5, 1));
        AiperfRun run = aiperf.profile("-m", "m", "--streaming", "--isl", "32", "--osl", "12", "--extra-inputs",
                "ignore_eos:true", "--concurrency", "3", "--request-count", "30", "--slice-duration", "0.2",
                "--goodput", "time_to_first_token:50");
        assertThat(run.exitCode()).as(run.stderr()).isZero();
        JsonNode written = run.summary();
        String slicesWritten = run.text("profile_export_aiperf_timeslices.json");

        AiperfRun again = aiperf.run("summarize", run.artifact("").toString());
        assertThat(again.exitCode()).isNotZero();
        assertThat(again.stderr().strip()).startsWith("aiperf: error: ").endsWith("pass --overwrite to replace it");

        AiperfRun s = aiperf.run("summarize", "--overwrite", run.artifact("").toString());
        assertThat(s.exitCode()).as(s.stderr()).isZero();
        JsonNode rebuilt = run.summary();
        int metrics = 0;
        for (Iterator<Map.Entry<String, JsonNode>> it = written.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            if (!field.getValue().has("unit")) {
                continue;
            }
            metrics++;
            JsonNode other = rebuilt.get(field.getKey());
            assertThat(other).as(field.getKey()).isNotNull();
            for (Iterator<Map.Entry<String, JsonNode>> stats = field.getValue().fields(); stats.hasNext(); ) {
                Map.Entry<String, JsonNode> stat = stats.next();
                String where = field.getKey() + "." + stat.getKey();
                if (stat.getValue().isNumber()) {
                    double expected = stat.getValue().doubleValue();
                    assertThat(other.get(stat.getKey()).doubleValue()).as(where)
                            .isCloseTo(expected, org.assertj.core.data.Offset.offset(1e-9 * Math.max(1, Math.abs(expected))));
                } else {
                    assertThat(other.get(stat.getKey())).as(where).isEqualTo(stat.getValue());
                }
            }
        }
        assertThat(metrics).isGreaterThan(20);
        assertThat(rebuilt.get("goodput")).isNotNull();
        assertThat(rebuilt.get("input_config")).isEqualTo(written.get("input_config"));
        assertThat(rebuilt.get("error_summary")).isEqualTo(written.get("error_summary"));
        assertThat(rebuilt.get("was_cancelled").asBoolean()).isFalse(); // the summary it replaced said so
        JsonNode slicesRebuilt = run.json("profile_export_aiperf_timeslices.json").get("timeslices");
        assertSameNumbers("timeslices", new com.fasterxml.jackson.databind.ObjectMapper().readTree(slicesWritten)
                .get("timeslices"), slicesRebuilt);
        assertThat(s.stdout()).contains("Time to First Token").contains("JSONL Export: ");
    }

    /** Same structure, same texts, numbers equal to 1e-9 relative (sums of doubles may differ in the last bit). */
    private static void assertSameNumbers(String where, JsonNode expected, JsonNode actual) {
        assertThat(actual).as(where).isNotNull();
        if (expected.isNumber()) {
            double e = expected.doubleValue();
            assertThat(actual.doubleValue()).as(where)
                    .isCloseTo(e, org.assertj.core.data.Offset.offset(1e-9 * Math.max(1, Math.abs(e))));
        } else if (expected.isContainerNode()) {
            assertThat(actual.size()).as(where).isEqualTo(expected.size());
            if (expected.isArray()) {
                for (int i = 0; i < expected.size(); i++) {
                    assertSameNumbers(where + "[" + i + "]", expected.get(i), actual.get(i));
                }
            } else {
                expected.fieldNames().forEachRemaining(name ->
                        assertSameNumbers(where + "." + name, expected.get(name), actual.get(name)));
            }
        } else {
            assertThat(actual).as(where).isEqualTo(expected);
        }
    }

    @Test
    void whatCannotBeSummarisedIsOneLine() throws Exception {
        Path empty = Files.createDirectories(aiperf.dir().resolve("empty"));
        Path broken = Files.createDirectories(aiperf.dir().resolve("broken"));
        Path garbled = Files.createDirectories(aiperf.dir().resolve("garbled"));
        aiperf.startMock(MockConfig.ephemeral().withTiming(1, 1));
        AiperfRun run = aiperf.profile("-m", "m", "--isl", "8", "--osl", "4", "--request-count", "4");
        assertThat(run.exitCode()).as(run.stderr()).isZero();
        Files.copy(run.artifact("run_config.json"), broken.resolve("run_config.json"));
        List<String> lines = Files.readAllLines(run.artifact("profile_export.jsonl"));
        Files.writeString(broken.resolve("profile_export.jsonl"), lines.get(0) + "\n{\"metadata\": 3}\n" + lines.get(1)
                + "\n");
        Files.writeString(garbled.resolve("run_config.json"), "{\"endpoint\": [1, 2\n");
        Files.copy(run.artifact("profile_export.jsonl"), garbled.resolve("profile_export.jsonl"));
        for (AiperfRun r : List.of(
                aiperf.run("summarize", garbled.toString()),
                aiperf.run("summarize", aiperf.dir().resolve("missing").toString()),
                aiperf.run("summarize", empty.toString()),
                aiperf.run("summarize", broken.toString()),
                aiperf.run("summarize"))) {
            assertThat(r.exitCode()).isNotZero();
            assertThat(r.stderr().strip().lines()).as(r.stderr()).hasSize(1);
            assertThat(r.stderr()).startsWith("aiperf: error: ").doesNotContain("Exception").doesNotContain("\tat ");
        }
        AiperfRun r = aiperf.run("summarize", broken.toString());
        assertThat(r.stderr()).contains(broken.resolve("profile_export.jsonl") + ":2: not a profile_export.jsonl record");
        assertThat(aiperf.run("summarize", empty.toString()).stderr()).contains("no run_config.json in ");
        assertThat(aiperf.run("summarize", garbled.toString()).stderr())
                .contains(garbled.resolve("run_config.json") + ": not a run configuration: ");
    }
}
