package io.aiperf.cli.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import io.aiperf.mock.MockConfig;
import io.aiperf.mock.RequestRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The export options end to end: {@code --export-level raw} (and that no credential reaches any file, log or console
 * output), {@code --export-level summary} with {@code --profile-export-prefix} and {@code --slice-duration}, and the
 * console trailer listing exactly the files written.
 */
class ExportsIT {

    private static final String API_KEY = "sk-apikey-7f3a9c1e";
    private static final String HEADER_TOKEN = "hdr-bearer-5d2e8b40";
    private static final String CUSTOM_SECRET = "custom-key-91c4aa07";
    private static final int REQUESTS = 10;

    @RegisterExtension
    final AiperfRuns aiperf = new AiperfRuns();

    @Test
    void rawLevelRecordsEveryExchangeAndNoSecretReachesAnyOutput() throws Exception {
        aiperf.startMock(MockConfig.ephemeral().withFast(true));
        AiperfRun r = aiperf.profile("-m", "mock-model", "--endpoint-type", "chat", "--streaming",
                "--api-key", API_KEY, "-H", "Authorization:Bearer " + HEADER_TOKEN, "-H", "X-Api-Key:" + CUSTOM_SECRET,
                "--isl", "16", "--osl", "5", "--extra-inputs", "ignore_eos:true",
                "--concurrency", "2", "--request-count", String.valueOf(REQUESTS),
                "--export-level", "raw", "--ui", "none", "-v");

        assertThat(r.exitCode()).as(r.stderr()).isZero();
        assertThat(r.stdout()).contains("Raw Records Export: " + r.artifact("profile_export_raw.jsonl"))
                .contains("JSONL Export: " + r.artifact("profile_export.jsonl"));

        Map<String, RequestRecord> sent = aiperf.requestsById();
        List<JsonNode> lines = r.jsonLines("profile_export_raw.jsonl");
        assertThat(lines).hasSize(REQUESTS);
        for (JsonNode raw : lines) {
            assertThat(fieldNames(raw)).containsExactly("metadata", "start_perf_ns", "payload", "request_headers",
                    "status", "response_headers", "responses", "error");
            JsonNode metadata = raw.get("metadata");
            assertThat(metadata.get("turn_index").isInt()).isTrue();
            assertThat(metadata.get("worker_id").asText()).isNotEmpty();
            String requestId = metadata.get("x_request_id").asText();
            assertThat(sent).containsKey(requestId);
            assertThat(raw.get("payload")).as("the exact body the server received")
                    .isEqualTo(sent.get(requestId).body());
            assertThat(raw.at("/request_headers/authorization").asText()).isEqualTo("<redacted>");
            assertThat(raw.at("/request_headers/X-Api-Key").asText()).isEqualTo("<redacted>");
            assertThat(raw.at("/request_headers/X-Request-ID").asText()).isEqualTo(requestId);
            assertThat(raw.get("status").asInt()).isEqualTo(200);
            assertThat(raw.at("/response_headers/content-type").asText()).startsWith("text/event-stream");
            assertThat(raw.get("error").isNull()).isTrue();
            long startPerfNs = raw.get("start_perf_ns").asLong();
            JsonNode responses = raw.get("responses");
            assertThat(responses.size()).as("role chunk, 5 words, usage/[DONE]").isGreaterThanOrEqualTo(6);
            long previous = startPerfNs;
            for (JsonNode response : responses) {
                long perfNs = response.get("perf_ns").asLong();
                assertThat(perfNs).isGreaterThanOrEqualTo(previous);
                previous = perfNs;
                assertThat(response.at("/packets/0/name").asText()).isEqualTo("data");
            }
            assertThat(responses.get(responses.size() - 1).at("/packets/0/value").asText()).isEqualTo("[DONE]");
        }

        List<Path> files = r.artifactFiles();
        assertThat(files).extracting(p -> r.artifacts().relativize(p).toString()).contains("profile_export_raw.jsonl",
                "profile_export.jsonl", "profile_export_aiperf.json", "profile_export_aiperf.csv", "inputs.json",
                "logs/aiperf.log");
        for (Path file : files) {
            String text = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
            for (String secret : List.of(API_KEY, HEADER_TOKEN, CUSTOM_SECRET)) {
                assertThat(text).as("%s must not contain a secret", file).doesNotContain(secret);
            }
        }
        for (String secret : List.of(API_KEY, HEADER_TOKEN, CUSTOM_SECRET)) {
            assertThat(r.stdout()).doesNotContain(secret);
            assertThat(r.stderr()).doesNotContain(secret);
        }
    }

    @Test
    void summaryLevelWithPrefixAndTimeSlicesWritesExactlyThoseFiles() throws Exception {
        aiperf.startMock(MockConfig.ephemeral().withTiming(20, 2));
        Path elsewhere = aiperf.dir().resolve("elsewhere");
        AiperfRun r = aiperf.profile("-m", "mock-model", "--endpoint-type", "chat", "--streaming",
                "--isl", "16", "--osl", "5", "--extra-inputs", "ignore_eos:true",
                "--concurrency", "2", "--request-count", "16",
                "--export-level", "summary", "--profile-export-prefix", elsewhere.resolve("my_run.json").toString(),
                "--slice-duration", "0.1", "--ui", "none");

        assertThat(r.exitCode()).as(r.stderr()).isZero();
        List<String> names;
        try (Stream<Path> list = Files.list(r.artifacts())) {
            names = list.filter(Files::isRegularFile).map(p -> p.getFileName().toString()).sorted().toList();
        }
        // The server metrics are AIPerf's default (each --url's /metrics; the mock serves one), at any export level.
        assertThat(names).containsExactly("inputs.json", "my_run.csv", "my_run.json", "my_run_server_metrics.csv",
                "my_run_server_metrics.json", "my_run_timeslices.csv", "my_run_timeslices.json");
        assertThat(Files.exists(elsewhere)).as("the prefix's folder is dropped").isFalse();

        List<String> exportLines = r.stdout().lines().filter(l -> l.contains(" Export: ")).toList();
        assertThat(exportLines).containsExactly(
                "CSV Export: " + r.artifact("my_run.csv"),
                "JSON Export: " + r.artifact("my_run.json"),
                "Timeslice CSV Export: " + r.artifact("my_run_timeslices.csv"),
                "Timeslice JSON Export: " + r.artifact("my_run_timeslices.json"),
                "Server Metrics Export: " + r.artifact("my_run_server_metrics.json"),
                "Server Metrics Export: " + r.artifact("my_run_server_metrics.csv"),
                "Inputs Export: " + r.artifact("inputs.json"));

        JsonNode summary = r.json("my_run.json");
        JsonNode slices = r.json("my_run_timeslices.json");
        assertThat(slices.get("input_config").at("/output/slice_duration").asDouble()).isEqualTo(0.1);
        long sliceRequests = 0;
        int previousIndex = -1;
        for (JsonNode slice : slices.get("timeslices")) {
            int index = slice.get("timeslice_index").asInt();
            assertThat(index).isGreaterThan(previousIndex);
            if (previousIndex < 0) {
                assertThat(index).isZero();
            }
            previousIndex = index;
            sliceRequests += slice.at("/request_count/avg").asLong();
            assertThat(slice.at("/time_to_first_token/unit").asText()).isEqualTo("ms");
        }
        assertThat(sliceRequests).isEqualTo(summary.at("/request_count/avg").asLong()).isEqualTo(16);
        assertThat(slices.get("timeslices").size()).as("16 requests of >= 28 ms, 2 at a time, span > 0.1 s")
                .isGreaterThan(1);
        List<String> csv = Files.readAllLines(r.artifact("my_run_timeslices.csv"));
        assertThat(csv.get(0)).isEqualTo("Timeslice,Metric,Unit,Stat,Value");
        assertThat(csv).anyMatch(l -> l.matches("0,Time to First Token,ms,avg,\\d+\\.\\d\\d"));
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        Iterator<String> it = node.fieldNames();
        it.forEachRemaining(names::add);
        return names;
    }
}
