package io.aiperf.cli.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aiperf.mock.MockConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code --api-port 0}: the CLI prints the address it bound, serves the run's live state there while it goes, and
 * the address answers no more once the CLI has exited. The mock's request log is what the progress must approach.
 */
class ApiServerIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern LISTENING = Pattern.compile("aiperf: API listening on (http://\\S+)");

    @RegisterExtension
    final AiperfRuns aiperf = new AiperfRuns().withoutWorkerWarmup();

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private JsonNode get(String url) throws IOException, InterruptedException {
        HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(url).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    private String awaitAddress(RunningAiperf cli) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            Matcher m = LISTENING.matcher(AiperfProcess.read(aiperf.dir().resolve("stdout.txt")));
            if (m.find()) {
                return m.group(1);
            }
            assertThat(cli.process().isAlive()).as("aiperf exited before printing the API address").isTrue();
            Thread.sleep(100);
        }
        throw new AssertionError("no 'API listening on' line within 30 s");
    }

    /** Polls /api/progress until the profiling phase has completed at least {@code count} requests. */
    private JsonNode awaitCompleted(String base, long count) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            JsonNode p = get(base + "/api/progress");
            if ("profiling".equals(p.at("/current/phase").asText()) && p.at("/current/completed").asLong() >= count) {
                return p;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("progress did not reach " + count + " completed requests within 30 s");
    }

    @Test
    void theApiServesTheLiveRunAndIsGoneAfterIt() throws Exception {
        aiperf.startMock(MockConfig.ephemeral().withTiming(20, 5));
        RunningAiperf cli = aiperf.startProfile("-m", "m", "--streaming", "--isl", "16", "--osl", "8",
                "--concurrency", "2", "--benchmark-duration", "10", "--workers-max", "1", "--api-port", "0");

        String base = awaitAddress(cli);
        assertThat(base).startsWith("http://127.0.0.1:");
        assertThat(get(base + "/health").get("status").asText()).isEqualTo("ok");

        JsonNode first = awaitCompleted(base, 1);
        long firstCompleted = first.at("/current/completed").asLong();
        JsonNode later = awaitCompleted(base, firstCompleted + 5);
        assertThat(later.get("stage").asText()).isEqualTo("profiling");
        assertThat(later.get("stage_duration_sec").asDouble()).isEqualTo(10.0);
        assertThat(later.at("/current/elapsed_sec").asDouble()).isGreaterThan(first.at("/current/elapsed_sec")
                .asDouble());
        // Every completed request reached the mock: the progress cannot run ahead of the server's own log.
        assertThat(later.at("/current/completed").asLong()).isLessThanOrEqualTo(aiperf.mock().requestLog().size());

        JsonNode status = get(base + "/api/status");
        assertThat(status.get("status").asText()).isEqualTo("running");
        assertThat(status.at("/run/index").asInt()).isEqualTo(1);

        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        JsonNode latency = null;
        while (System.nanoTime() < deadline && (latency == null || latency.isMissingNode())) {
            latency = get(base + "/api/metrics").at("/metrics/request_latency");
            Thread.sleep(200);
        }
        assertThat(latency.isMissingNode()).as("request_latency in /api/metrics").isFalse();
        assertThat(latency.get("unit").asText()).isEqualTo("ms");
        assertThat(latency.get("avg").asDouble()).isPositive();

        JsonNode workers = get(base + "/api/workers").get("workers");
        assertThat(workers).hasSize(1);

        AiperfRun run = cli.awaitExit(90);
        assertThat(run.exitCode()).as(run.stderr()).isZero();
        assertThat(run.stdout()).containsOnlyOnce("API listening on");
        assertThatThrownBy(() -> get(base + "/health")).isInstanceOf(IOException.class);
    }

    @Test
    void aPortInUseIsOneLineAndExit2BeforeAnyRequest() throws Exception {
        aiperf.startMock(MockConfig.ephemeral());
        try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 1,
                java.net.InetAddress.getLoopbackAddress())) {
            AiperfRun run = aiperf.profile("-m", "m", "--request-count", "4", "--api-port",
                    Integer.toString(taken.getLocalPort()));

            assertThat(run.exitCode()).isEqualTo(2);
            assertThat(run.stderr().strip()).startsWith("aiperf: error: --api-port: cannot listen on 127.0.0.1:"
                    + taken.getLocalPort()).doesNotContain("\n").doesNotContain("Exception");
            assertThat(aiperf.mock().requestLog()).isEmpty();
        }
    }
}
