package io.aiperf.cli.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aiperf.mock.MockConfig;
import io.aiperf.mock.MockServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** {@code --goodput} and the metrics added with the registry, through the real CLI against the mock server. */
class MetricsIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int REQUESTS = 6;

    @TempDir
    Path tmp;

    private MockServer mock;

    @AfterEach
    void stop() {
        if (mock != null) {
            mock.close();
        }
    }

    private AiperfProcess.Result run(Path artifacts, String goodput) throws Exception {
        return AiperfProcess.run(tmp, List.of("profile", "-m", "m", "--streaming",
                "-u", "127.0.0.1:" + mock.port(), "--tokenizer", "builtin", "--isl", "16", "--osl", "8",
                "--extra-inputs", "ignore_eos:true", "--request-count", String.valueOf(REQUESTS),
                "--goodput", goodput, "--artifact-dir", artifacts.toString(), "--ui", "none"), 120);
    }

    @Test
    void goodputCountsRequestsWithinEverySlo() throws Exception {
        mock = MockServer.start(MockConfig.ephemeral().withTiming(20, 1));
        Path loose = tmp.resolve("loose");
        AiperfProcess.Result r = run(loose, "ttft:60000 e2el:60000");

        assertThat(r.exitCode()).as(r.stderr()).isZero();
        JsonNode summary = JSON.readTree(loose.resolve("profile_export_aiperf.json").toFile());
        assertThat(summary.at("/good_request_count/avg").asInt()).isEqualTo(REQUESTS);
        assertThat(summary.at("/goodput/unit").asText()).isEqualTo("requests/sec");
        assertThat(summary.at("/goodput/avg").asDouble())
                .isCloseTo(summary.at("/request_throughput/avg").asDouble(), within(1e-9));
        assertThat(summary.at("/good_request_fraction/avg").asDouble()).isEqualTo(1.0);
        assertThat(summary.at("/input_config/input/goodput/time_to_first_token").asDouble()).isEqualTo(60000.0);
        assertThat(summary.at("/prefill_throughput_per_user/unit").asText()).isEqualTo("tokens/sec/user");
        assertThat(r.stdout()).contains("Goodput (requests/sec)");
        // requested_osl is bookkeeping: never exported, per request or in the summary.
        assertThat(summary.has("requested_osl")).isFalse();
        assertThat(Files.readString(loose.resolve("profile_export.jsonl"))).doesNotContain("requested_osl")
                .contains("prefill_throughput_per_user");

        // The mock cannot answer before its 20 ms TTFT: a 1 ms SLO makes every request not good.
        Path strict = tmp.resolve("strict");
        AiperfProcess.Result s = run(strict, "ttft:1");
        assertThat(s.exitCode()).as(s.stderr()).isZero();
        JsonNode strictSummary = JSON.readTree(strict.resolve("profile_export_aiperf.json").toFile());
        assertThat(strictSummary.at("/good_request_count/avg").asInt()).isZero();
        assertThat(strictSummary.at("/goodput/avg").asDouble()).isZero();
    }

    @Test
    void anSloOnARunLevelMetricIsAOneLineError() throws Exception {
        mock = MockServer.start(MockConfig.ephemeral());
        AiperfProcess.Result r = run(tmp.resolve("bad"), "request_throughput:5");

        assertThat(r.exitCode()).isNotZero();
        assertThat(r.stderr().strip().lines()).as(r.stderr()).hasSize(1);
        assertThat(r.stderr()).startsWith("aiperf: error: --goodput: request_throughput is a derived metric")
                .doesNotContain("Exception");
    }
}
