package io.aiperf.cli.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import io.aiperf.mock.MockConfig;
import io.aiperf.mock.MockServer;
import io.aiperf.mock.RequestRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code --synthesis-*} end to end, judged by what the mock server received and when. */
class TraceSynthesisIT {

    @RegisterExtension
    final AiperfRuns aiperf = new AiperfRuns().within(90);

    private static final long[] TIMESTAMPS_MS = {0, 500, 1000, 1500, 2000};
    private static final int[] OUTPUT_LENGTHS = {50, 10, 80, 5, 30};

    @Test
    void aSpedUpTraceArrivesInHalfTheTimeWithItsOutputLengthsCapped() throws Exception {
        MockServer mock = aiperf.startMock(MockConfig.ephemeral().withFast(true));
        Path trace = aiperf.dir().resolve("trace.jsonl");
        StringBuilder rows = new StringBuilder();
        for (int i = 0; i < TIMESTAMPS_MS.length; i++) {
            rows.append("{\"timestamp\": ").append(TIMESTAMPS_MS[i]).append(", \"input_length\": 20, ")
                    .append("\"output_length\": ").append(OUTPUT_LENGTHS[i]).append("}\n");
        }
        Files.writeString(trace, rows.toString());
        double ratio = 2.0;
        int maxOsl = 20;

        AiperfRun r = aiperf.profile("-m", "m", "--no-gpu-telemetry", "--no-server-metrics", "--input-file",
                trace.toString(), "--custom-dataset-type", "mooncake_trace", "--fixed-schedule",
                "--synthesis-speedup-ratio", String.valueOf(ratio), "--synthesis-max-osl", String.valueOf(maxOsl));
        assertThat(r.exitCode()).as(r.stderr()).isZero();

        List<RequestRecord> log = mock.requestLog();
        assertThat(log).hasSize(TIMESTAMPS_MS.length);
        // From the second arrival on (the first also opens the connection): each gap is the trace's, halved.
        long t1 = log.get(1).arrivalNs();
        for (int i = 2; i < log.size(); i++) {
            double expectedMs = (TIMESTAMPS_MS[i] - TIMESTAMPS_MS[1]) / ratio;
            assertThat((log.get(i).arrivalNs() - t1) / 1e6).as("arrival %d", i)
                    .isBetween(expectedMs - 30, expectedMs + 40);
        }
        for (int i = 0; i < log.size(); i++) {
            JsonNode body = log.get(i).body();
            assertThat(body.get("max_completion_tokens").asInt()).as("request %d", i)
                    .isEqualTo(Math.min(OUTPUT_LENGTHS[i], maxOsl));
        }
        JsonNode synthesis = r.summary().at("/input_config/input/synthesis");
        assertThat(synthesis.get("speedup_ratio").asDouble()).isEqualTo(ratio);
        assertThat(synthesis.get("max_osl").asInt()).isEqualTo(maxOsl);
    }
}
