package io.aiperf.cli.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import io.aiperf.mock.MockConfig;
import io.aiperf.mock.RequestRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No credential is ever written, end to end: the real {@code bin/aiperf} (every JVM, at -v) with {@code --api-key},
 * {@code OPENAI_API_KEY}, {@code Cookie}, {@code X-Api-Key}, {@code --secret-header} headers and
 * {@code --export-level raw}. Every file under the artifact directory (logs included) and the console are searched
 * for each secret value: none may appear; the mock must have received every real value; a header not marked secret
 * must appear, so the search is shown to find what is there.
 */
class SecretsIT {

    private static final String API_KEY = "sk-opt-3f9a2c71d0";
    private static final String ENV_KEY = "sk-env-81be44a7f2";
    private static final String COOKIE = "session=c00k1e-5a7d19";
    private static final String X_API_KEY = "xkey-2c8e61b4f0";
    private static final String MY_TOKEN = "mytok-9d03a7e5c1";
    /** A name no built-in rule catches: only {@code --secret-header} makes it secret. */
    private static final String SIGNATURE = "sig-47f1c0d9ab";
    private static final String PLAIN = "plain-visible-6e2b";

    @RegisterExtension
    final AiperfRuns aiperf = new AiperfRuns();

    @Test
    void noSecretReachesAnyFileOrTheConsoleButEveryOneReachesTheServer() throws Exception {
        aiperf.startMock(MockConfig.ephemeral().withFast(true));
        AiperfRun r = aiperf.withEnv(Map.of("OPENAI_API_KEY", ENV_KEY)).profile("-m", "mock-model", "--streaming",
                "--isl", "16", "--osl", "4", "--extra-inputs", "ignore_eos:true", "--concurrency", "2",
                "--request-count", "6", "--workers-max", "2", "--export-level", "raw", "--ui", "none", "-v",
                "--api-key", API_KEY,
                "-H", "Cookie: " + COOKIE,
                "-H", "X-Api-Key: " + X_API_KEY,
                "--secret-header", "X-My-Token", "-H", "X-My-Token: " + MY_TOKEN,
                "--secret-header", "X-Request-Signature", "-H", "X-Request-Signature: " + SIGNATURE,
                "-H", "X-Plain: " + PLAIN);

        assertThat(r.exitCode()).as(r.stderr()).isZero();
        List<RequestRecord> received = aiperf.mock().requestLog();
        assertThat(received).hasSize(6);
        for (RequestRecord request : received) {
            assertThat(request.header("Authorization")).as("--api-key wins over OPENAI_API_KEY")
                    .isEqualTo("Bearer " + API_KEY);
            assertThat(request.header("Cookie")).isEqualTo(COOKIE);
            assertThat(request.header("X-Api-Key")).isEqualTo(X_API_KEY);
            assertThat(request.header("X-My-Token")).isEqualTo(MY_TOKEN);
            assertThat(request.header("X-Request-Signature")).isEqualTo(SIGNATURE);
            assertThat(request.header("X-Plain")).isEqualTo(PLAIN);
        }

        for (JsonNode raw : r.jsonLines("profile_export_raw.jsonl")) {
            JsonNode headers = raw.get("request_headers");
            for (String name : List.of("authorization", "Cookie", "X-Api-Key", "X-My-Token", "X-Request-Signature")) {
                assertThat(headers.get(name).asText()).as(name).isEqualTo("<redacted>");
            }
            assertThat(headers.get("X-Plain").asText()).isEqualTo(PLAIN);
        }
        JsonNode config = r.summary().get("input_config");
        assertThat(config.at("/endpoint/api_key").asText()).isEqualTo("<redacted>");
        assertThat(config.at("/input/headers/X-Request-Signature").asText()).isEqualTo("<redacted>");
        assertThat(config.at("/input/headers/X-Plain").asText()).isEqualTo(PLAIN);
        assertThat(config.get("cli_command").asText()).contains("--secret-header X-Request-Signature",
                "'X-Request-Signature:<redacted>'", "--api-key '<redacted>'", "'X-Plain: " + PLAIN + "'");

        assertNowhere(r, List.of(API_KEY, ENV_KEY, COOKIE, X_API_KEY, MY_TOKEN, SIGNATURE));
        assertThat(read(r.artifact("profile_export_raw.jsonl"))).as("the search finds what is there").contains(PLAIN);
        assertThat(read(r.artifact("logs/aiperf.log"))).as("-v wrote DEBUG lines").contains(" DEBUG ");
    }

    @Test
    void openAiApiKeyIsSentWhenNoKeyIsGivenAndNeverWritten() throws Exception {
        aiperf.startMock(MockConfig.ephemeral().withFast(true));
        AiperfRun r = aiperf.withEnv(Map.of("OPENAI_API_KEY", ENV_KEY)).profile("-m", "mock-model", "--isl", "16",
                "--osl", "4", "--request-count", "3", "--workers-max", "1", "--export-level", "raw", "--ui", "none",
                "-v");

        assertThat(r.exitCode()).as(r.stderr()).isZero();
        assertThat(aiperf.mock().requestLog()).hasSize(3).allSatisfy(request ->
                assertThat(request.header("Authorization")).isEqualTo("Bearer " + ENV_KEY));
        assertThat(r.summary().at("/input_config/endpoint/api_key").asText()).isEqualTo("<redacted>");
        assertNowhere(r, List.of(ENV_KEY));
    }

    private static void assertNowhere(AiperfRun r, List<String> secrets) throws Exception {
        List<Path> files = r.artifactFiles();
        assertThat(files).extracting(p -> r.artifacts().relativize(p).toString()).contains("inputs.json",
                "profile_export.jsonl", "profile_export_raw.jsonl", "profile_export_aiperf.json",
                "profile_export_aiperf.csv", "logs/aiperf.log");
        for (Path file : files) {
            String text = read(file);
            for (String secret : secrets) {
                assertThat(text).as("%s holds a secret", file).doesNotContain(secret);
            }
        }
        for (String secret : secrets) {
            assertThat(r.stdout()).as("stdout").doesNotContain(secret);
            assertThat(r.stderr()).as("stderr").doesNotContain(secret);
        }
    }

    private static String read(Path file) throws Exception {
        return new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
    }
}
