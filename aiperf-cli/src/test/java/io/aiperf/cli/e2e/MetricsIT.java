package io.aiperf.cli.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import io.aiperf.mock.MockConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** {@code --goodput} and the metrics added with the registry, through the real CLI against the mock server. */
class MetricsIT {

    private static final int REQUESTS = 6;

    @RegisterExtension
    final AiperfRuns aiperf = new AiperfRuns().within(120);

    private AiperfRun withGoodput(String goodput) throws Exception {
        return aiperf.profile("-m", "m", "--streaming", "--isl", "16", "--osl", "8",
                "--extra-inputs", "ignore_eos:true", "--request-count", String.valueOf(REQUESTS),
                "--goodput", goodput, "--ui", "none");
    }

    @Test
    void goodputCountsRequestsWithinEverySlo() throws Exception {
        aiperf.startMock(MockConfig.ephemeral().withTiming(20, 1));
        AiperfRun r = withGoodput("ttft:60000 e2el:60000");

        assertThat(r.exitCode()).as(r.stderr()).isZero();
        JsonNode summary = r.summary();
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
        assertThat(r.text("profile_export.jsonl")).doesNotContain("requested_osl")
                .contains("prefill_throughput_per_user");

        // The mock cannot answer before its 20 ms TTFT: a 1 ms SLO makes every request not good.
        AiperfRun s = withGoodput("ttft:1");
        assertThat(s.exitCode()).as(s.stderr()).isZero();
        JsonNode strictSummary = s.summary();
        assertThat(strictSummary.at("/good_request_count/avg").asInt()).isZero();
        assertThat(strictSummary.at("/goodput/avg").asDouble()).isZero();
    }

    @Test
    void anSloOnARunLevelMetricIsAOneLineError() throws Exception {
        aiperf.startMock(MockConfig.ephemeral());
        AiperfRun r = withGoodput("request_throughput:5");

        assertThat(r.exitCode()).isNotZero();
        assertThat(r.stderr().strip().lines()).as(r.stderr()).hasSize(1);
        assertThat(r.stderr()).startsWith("aiperf: error: --goodput: request_throughput is a derived metric")
                .doesNotContain("Exception");
    }
}
