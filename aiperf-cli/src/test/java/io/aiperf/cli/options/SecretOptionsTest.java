package io.aiperf.cli.options;

import io.aiperf.cli.ProfileCommand;
import io.aiperf.core.config.BenchmarkConfig;
import io.aiperf.core.error.UsageException;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code --api-key}, {@code OPENAI_API_KEY}, {@code --secret-header} and every form the echoed command line masks. */
class SecretOptionsTest {

    private static BenchmarkConfig resolve(Map<String, String> env, String... args) {
        ProfileCommand command = new ProfileCommand();
        new CommandLine(command).parseArgs(args);
        return ProfileConfigResolver.resolve(command.endpointOptions(), command.inputOptions(), command.loadOptions(),
                command.outputOptions(), List.of(args), false, 2, null, env);
    }

    private static BenchmarkConfig resolve(String... args) {
        return resolve(Map.of(), args);
    }

    @Test
    void everyFormOfTheKeyAndOfASecretHeaderIsMaskedInTheCommandLine() {
        BenchmarkConfig c = resolve("-m", "m", "--api-key=sk-equals-2222", "-H", "Authorization: Bearer tok-spaced-3333", "-Hcookie: c-attached-4444",
                "--header=X-Api-Key:k-equals-5555", "--header", "{\"X-My-Token\":\"json-6666\"}",
                "--secret-header", "X-Tenant", "-H", "x-tenant:t-7777", "-H", "X-Team:perf");

        String command = c.cliCommand();
        for (String secret : List.of("sk-equals-2222", "tok-spaced-3333", "c-attached-4444",
                "k-equals-5555", "json-6666", "t-7777")) {
            assertThat(command).as(command).doesNotContain(secret);
        }
        assertThat(command).contains("'--api-key=<redacted>'",
                "'Authorization:<redacted>'", "'-Hcookie:<redacted>'", "'--header=X-Api-Key:<redacted>'",
                "--header '<redacted>'", "--secret-header X-Tenant", "'x-tenant:<redacted>'", "X-Team:perf");
        assertThat(c.endpoint().apiKey()).isEqualTo("sk-equals-2222");
        BenchmarkConfig spaced = resolve("-m", "m", "--api-key", "sk-spaced-1111");
        assertThat(spaced.cliCommand()).isEqualTo("aiperf -m m --api-key '<redacted>'");
        assertThat(c.endpoint().secretHeaders()).containsExactly("X-Tenant");
        assertThat(c.redacted().endpoint().headers()).containsEntry("x-tenant", "<redacted>")
                .containsEntry("X-Team", "perf").containsEntry("X-My-Token", "<redacted>");
    }

    @Test
    void aSecretValueAnywhereElseInTheCommandLineIsMaskedToo() {
        BenchmarkConfig c = resolve("-m", "m", "--api-key", "sk-echo-8888", "--extra-inputs", "note:sk-echo-8888");
        assertThat(c.cliCommand()).doesNotContain("sk-echo-8888").contains("note:<redacted>");
    }

    @Test
    void openAiApiKeyIsUsedWhenTheOptionIsAbsentAndNeverEchoed() {
        BenchmarkConfig fromEnv = resolve(Map.of("OPENAI_API_KEY", " sk-env-9999 "), "-m", "m");
        assertThat(fromEnv.endpoint().apiKey()).isEqualTo("sk-env-9999");
        assertThat(fromEnv.redacted().endpoint().apiKey()).isEqualTo("<redacted>");
        assertThat(fromEnv.cliCommand()).doesNotContain("sk-env-9999");

        BenchmarkConfig option = resolve(Map.of("OPENAI_API_KEY", "sk-env-9999"), "-m", "m", "--api-key", "sk-opt-1");
        assertThat(option.endpoint().apiKey()).as("the option wins").isEqualTo("sk-opt-1");
        assertThat(resolve(Map.of("OPENAI_API_KEY", "  "), "-m", "m").endpoint().apiKey()).isNull();
        assertThat(resolve("-m", "m").endpoint().apiKey()).isNull();
        assertThat(resolve(Map.of("OPENAI_API_KEY", "sk-env-9999"), "-m", "m", "--api-key", "").endpoint().apiKey())
                .as("an explicitly empty key is no key, with no fallback").isNull();
    }

    @Test
    void headerErrorsNameTheHeaderNeverItsValue() {
        assertThatThrownBy(() -> resolve("-m", "m", "-H", "no-colon-secret-1234")).isInstanceOf(UsageException.class)
                .hasMessageContaining("--header #1").hasMessageNotContaining("secret-1234");
        assertThatThrownBy(() -> resolve("-m", "m", "-H", "A:1", "-H", "{\"Authorization\": bad-json-1234"))
                .isInstanceOf(UsageException.class).hasMessageContaining("--header #2")
                .hasMessageNotContaining("bad-json-1234");
        assertThatThrownBy(() -> resolve("-m", "m", "-H", "Bad Name:secret-1234")).isInstanceOf(UsageException.class)
                .hasMessageContaining("'Bad Name' is not a valid header name").hasMessageNotContaining("secret-1234");
        assertThatThrownBy(() -> resolve("-m", "m", "-H", "{\"X-Api-Key\":\"line\\nbreak-1234\"}"))
                .isInstanceOf(UsageException.class).hasMessage("--header X-Api-Key: the value holds a control "
                        + "character (a line break?); HTTP does not allow it");
        assertThatThrownBy(() -> resolve("-m", "m", "--secret-header", "bad name")).isInstanceOf(UsageException.class)
                .hasMessageContaining("--secret-header");
    }
}
