package io.aiperf.cli.options;

import io.aiperf.cli.ProfileCommand;
import io.aiperf.core.config.BenchmarkConfig;
import io.aiperf.core.config.ConnectionReuse;
import io.aiperf.core.config.EndpointType;
import io.aiperf.core.error.UsageException;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** How the options of {@code aiperf profile} become a run configuration, AIPerf's defaults included. */
class ProfileConfigResolverTest {

    /** Parses {@code args} exactly as the CLI does and resolves them (stdout not a TTY, 2 CPUs). */
    private static BenchmarkConfig resolve(String... args) {
        return resolve(2, args);
    }

    private static BenchmarkConfig resolve(int cpus, String... args) {
        ProfileCommand command = new ProfileCommand();
        CommandLine cl = new CommandLine(command);
        cl.parseArgs(args);
        return ProfileConfigResolver.resolve(command.endpointOptions(), command.inputOptions(), command.loadOptions(),
                command.outputOptions(), List.of(args), false, cpus, null);
    }

    @Test
    void aiperfDefaults() {
        BenchmarkConfig c = resolve("-m", "Qwen/Qwen3-0.6B");
        assertThat(c.endpoint().type()).isEqualTo(EndpointType.CHAT);
        assertThat(c.endpoint().urls()).containsExactly("http://localhost:8000");
        assertThat(c.endpoint().streaming()).isFalse();
        assertThat(c.input().islMean()).isEqualTo(550);
        assertThat(c.input().oslMean()).isNull();
        assertThat(c.input().numDatasetEntries()).isEqualTo(100);
        assertThat(c.load().concurrency()).isEqualTo(1);
        assertThat(c.load().requestCount()).isEqualTo(10);
        assertThat(c.load().warmupRequestCount()).isZero();
        assertThat(c.tokenizer().name()).isNull();
        assertThat(c.service().uiType()).isEqualTo("none");
        assertThat(c.output().artifactDir()).endsWith("artifacts/Qwen_Qwen3-0.6B-openai-chat-concurrency1");
    }

    private static String uiOnATerminal(String... args) {
        ProfileCommand command = new ProfileCommand();
        new CommandLine(command).parseArgs(args);
        return ProfileConfigResolver.resolve(command.endpointOptions(), command.inputOptions(), command.loadOptions(),
                command.outputOptions(), List.of(args), true, 2, null).service().uiType();
    }

    @Test
    void onATerminalTheUiIsTheDashboardOrWithVerboseLoggingTheSimpleBarUnlessOneIsNamed() {
        assertThat(uiOnATerminal("-m", "m")).isEqualTo("dashboard");
        assertThat(uiOnATerminal("-m", "m", "-v")).isEqualTo("simple");
        assertThat(uiOnATerminal("-m", "m", "-vv")).isEqualTo("simple");
        assertThat(uiOnATerminal("-m", "m", "-v", "--ui-type", "dashboard")).isEqualTo("dashboard");
        assertThat(uiOnATerminal("-m", "m", "--ui", "NONE")).isEqualTo("none");
        assertThatThrownBy(() -> uiOnATerminal("-m", "m", "--ui", "tqdm")).isInstanceOf(UsageException.class)
                .hasMessage("--ui-type 'tqdm': expected dashboard, simple or none");
    }

    @Test
    void connectionReuseIsPooledUnlessAnotherStrategyIsNamed() {
        assertThat(resolve("-m", "m").endpoint().connectionReuse()).isEqualTo(ConnectionReuse.POOLED);
        assertThat(resolve("-m", "m", "--connection-reuse-strategy", "never").endpoint().connectionReuse())
                .isEqualTo(ConnectionReuse.NEVER);
        assertThat(resolve("-m", "m", "--connection-reuse-strategy", "sticky-user-sessions").endpoint()
                .connectionReuse()).isEqualTo(ConnectionReuse.STICKY_USER_SESSIONS);
        assertThatThrownBy(() -> resolve("-m", "m", "--connection-reuse-strategy", "always"))
                .isInstanceOf(UsageException.class)
                .hasMessage("--connection-reuse-strategy 'always': expected pooled, never or sticky-user-sessions");
    }

    @Test
    void requestCountDefaultsToTwiceTheConcurrency() {
        assertThat(resolve("-m", "m", "--concurrency", "8").load().requestCount()).isEqualTo(16);
        assertThat(resolve("-m", "m", "--concurrency", "3").load().requestCount()).isEqualTo(10);
    }

    @Test
    void workersFollowAiperfsFormulaCappedByConcurrency() {
        assertThat(resolve(2, "-m", "m", "--concurrency", "10").service().workers()).isEqualTo(1);
        assertThat(resolve(16, "-m", "m", "--concurrency", "100").service().workers()).isEqualTo(11);
        assertThat(resolve(16, "-m", "m", "--concurrency", "4").service().workers()).isEqualTo(4);
        assertThat(resolve(64, "-m", "m", "--concurrency", "100").service().workers()).isEqualTo(32);
        assertThat(resolve(2, "-m", "m", "--concurrency", "40", "--workers-max", "50").service().workers())
                .isEqualTo(40);
    }

    @Test
    void recordProcessorsDefaultToOnePerFourWorkers() {
        assertThat(resolve(2, "-m", "m", "--concurrency", "10").service().recordProcessors()).isEqualTo(1);
        assertThat(resolve(16, "-m", "m", "--concurrency", "100").service().recordProcessors()).isEqualTo(2);
        assertThat(resolve(64, "-m", "m", "--concurrency", "100").service().recordProcessors()).isEqualTo(8);
        assertThat(resolve(2, "-m", "m", "--concurrency", "10", "--record-processors", "3").service()
                .recordProcessors()).isEqualTo(3);
        // AIPerf's other name for it.
        assertThat(resolve(2, "-m", "m", "--concurrency", "10", "--record-processor-service-count", "2").service()
                .recordProcessors()).isEqualTo(2);
        assertThatThrownBy(() -> resolve("-m", "m", "--record-processors", "0")).isInstanceOf(UsageException.class)
                .hasMessageContaining("--record-processors");
    }

    @Test
    void aliasesMapToTheSameOptions() {
        BenchmarkConfig c = resolve("--model", "m", "--isl", "100", "--isl-stddev", "5", "--osl", "20",
                "--osl-stddev", "2", "--num-requests", "30", "--num-prompts", "7", "--max-workers", "1");
        assertThat(c.input().islMean()).isEqualTo(100);
        assertThat(c.input().islStddev()).isEqualTo(5.0);
        assertThat(c.input().oslMean()).isEqualTo(20);
        assertThat(c.input().oslStddev()).isEqualTo(2.0);
        assertThat(c.load().requestCount()).isEqualTo(30);
        assertThat(c.input().numDatasetEntries()).isEqualTo(7);
    }

    @Test
    void extraInputsAreTypedAsAiperfTypesThem() {
        BenchmarkConfig c = resolve("-m", "m", "--extra-inputs", "max_tokens:20", "--extra-inputs", "ignore_eos:true",
                "--extra-inputs", "temperature:0.7", "--extra-inputs", "stop:END", "--extra-inputs",
                "{\"nested\": {\"a\": 1}}");
        assertThat(c.endpoint().extraInputs()).containsEntry("max_tokens", 20L).containsEntry("ignore_eos", true)
                .containsEntry("temperature", 0.7).containsEntry("stop", "END").containsKey("nested");
    }

    @Test
    void urlsGainASchemeAndLoseTrailingSlashes() {
        assertThat(resolve("-m", "m", "-u", "10.0.0.1:8000/").endpoint().urls()).containsExactly("http://10.0.0.1:8000");
        assertThat(resolve("-m", "m", "-u", "http://h:1/v1").endpoint().urls()).containsExactly("http://h:1/v1");
        assertThatThrownBy(() -> resolve("-m", "m", "-u", "ftp://h:1")).isInstanceOf(UsageException.class)
                .hasMessageContaining("only http:// and https://");
        assertThat(resolve("-m", "m", "-u", "https://h/v1/").endpoint().urls()).containsExactly("https://h/v1");
        assertThat(UrlNormalizer.port("https://h/v1")).isEqualTo(443);
        assertThat(UrlNormalizer.port("http://h")).isEqualTo(80);
        assertThatThrownBy(() -> resolve("-m", "m", "-u", "https://me:pw-5150@h:1")).isInstanceOf(UsageException.class)
                .hasMessageContaining("user name or password").hasMessageNotContaining("pw-5150");
    }

    @Test
    void theCommandLineIsRecordedWithSecretsMasked() {
        BenchmarkConfig c = resolve("-m", "m", "--api-key", "sk-123", "-H", "Authorization:Bearer x",
                "-H", "X-Team:perf");
        assertThat(c.cliCommand()).doesNotContain("sk-123").doesNotContain("Bearer x").contains("X-Team:perf")
                .contains("--api-key '<redacted>'");
        assertThat(c.endpoint().apiKey()).isEqualTo("sk-123");
        assertThat(c.redacted().endpoint().apiKey()).isEqualTo(BenchmarkConfig.REDACTED);
    }

    @Test
    void badValuesAreRejectedWithTheOptionNamed() {
        assertThatThrownBy(() -> resolve("-u", "x:1")).hasMessageContaining("-m/--model-names");
        assertThatThrownBy(() -> resolve("-m", "m", "--request-count", "0")).hasMessageContaining("--request-count");
        assertThatThrownBy(() -> resolve("-m", "m", "--concurrency", "0")).hasMessageContaining("--concurrency");
        assertThatThrownBy(() -> resolve("-m", "m", "--isl", "0")).hasMessageContaining("--synthetic-input-tokens-mean");
        assertThatThrownBy(() -> resolve("-m", "m", "--endpoint-type", "rerank")).hasMessageContaining("--endpoint-type");
        assertThatThrownBy(() -> resolve("-m", "m", "--ui", "fancy")).hasMessageContaining("--ui-type");
        assertThatThrownBy(() -> resolve("-m", "m", "-H", "no-colon")).hasMessageContaining("--header");
        assertThatThrownBy(() -> resolve("-m", "m", "--extra-inputs", "{bad json")).hasMessageContaining("--extra-inputs");
        assertThatThrownBy(() -> resolve("-m", "m", "--tokenizer", "./missing/tokenizer.json"))
                .hasMessageContaining("path does not exist");
    }

    @Test
    void templateEndpointNeedsAWorkingTemplate() {
        assertThatThrownBy(() -> resolve("-m", "m", "--endpoint-type", "template"))
                .isInstanceOf(UsageException.class)
                .hasMessage("--endpoint-type template requires --extra-inputs payload_template:<nv-embedqa | "
                        + "template file | inline Jinja2 template>");
        assertThatThrownBy(() -> resolve("-m", "m", "--endpoint-type", "template", "--extra-inputs",
                "payload_template:./no/such/body.j2"))
                .isInstanceOf(UsageException.class).hasMessageContaining("'./no/such/body.j2': no such file");
        assertThatThrownBy(() -> resolve("-m", "m", "--endpoint-type", "template", "--extra-inputs",
                "payload_template:{\"a\": {% for %}}"))
                .isInstanceOf(UsageException.class).hasMessageStartingWith("payload_template");
        assertThatThrownBy(() -> resolve("-m", "m", "--endpoint-type", "template", "--extra-inputs",
                "payload_template:nv-embedqa", "--extra-inputs", "response_field:a[0"))
                .isInstanceOf(UsageException.class).hasMessageStartingWith("response_field 'a[0'");
        var endpoint = resolve("-m", "m", "--endpoint-type", "template", "--streaming", "--extra-inputs",
                "payload_template:nv-embedqa", "--custom-endpoint", "v1/embed").endpoint();
        assertThat(endpoint.streaming()).isTrue();
        assertThat(endpoint.path()).isEqualTo("/v1/embed");
        assertThat(resolve("-m", "m", "--endpoint-type", "template", "--extra-inputs", "payload_template:nv-embedqa")
                .endpoint().path()).isNull();
    }

    @Test
    void streamingIsTurnedOffForEndpointsThatCannotStream() {
        assertThat(resolve("-m", "m", "--endpoint-type", "embeddings", "--streaming").endpoint().streaming()).isFalse();
        assertThat(resolve("-m", "m", "--endpoint-type", "responses", "--streaming").endpoint().streaming()).isTrue();
    }

    @Test
    void hubIdsAreNotMistakenForPaths() {
        assertThat(resolve("-m", "m", "--tokenizer", "Qwen/Qwen3-0.6B").tokenizer().name()).isEqualTo("Qwen/Qwen3-0.6B");
        assertThat(resolve("-m", "m", "--tokenizer", "builtin").tokenizer().name()).isEqualTo("builtin");
    }

    @Test
    void verbosityRaisesTheLogLevel() {
        assertThat(resolve("-m", "m").service().logLevel()).isEqualTo("INFO");
        assertThat(resolve("-m", "m", "-v").service().logLevel()).isEqualTo("DEBUG");
        assertThat(resolve("-m", "m", "-vv").service().logLevel()).isEqualTo("TRACE");
    }

    @Test
    void promptShapingOptionsAndTheirAliases() {
        io.aiperf.core.config.InputConfig.Prompts none = resolve("-m", "m").input().prompts();
        assertThat(none).isEqualTo(io.aiperf.core.config.InputConfig.Prompts.DEFAULT);
        for (String[] names : List.of(
                new String[] {"--prompt-input-tokens-block-size", "--seq-dist", "--prompt-prefix-pool-size",
                        "--prompt-prefix-length"},
                new String[] {"--synthetic-input-tokens-block-size", "--sequence-distribution",
                        "--prefix-prompt-pool-size", "--prefix-prompt-length"},
                new String[] {"--isl-block-size", "--seq-dist", "--num-prefix-prompts", "--prefix-prompt-length"})) {
            io.aiperf.core.config.InputConfig.Prompts p = resolve("-m", "m", names[0], "64", names[1],
                    "256,128:40;1024|10,512:60", names[2], "3", names[3], "20").input().prompts();
            assertThat(p).isEqualTo(new io.aiperf.core.config.InputConfig.Prompts(64, "256,128:40;1024|10,512:60",
                    3, 20));
        }
    }

    @Test
    void promptShapingOptionsAreChecked() {
        assertThatThrownBy(() -> resolve("-m", "m", "--isl-block-size", "0"))
                .isInstanceOf(UsageException.class).hasMessageContaining("--prompt-input-tokens-block-size");
        assertThatThrownBy(() -> resolve("-m", "m", "--seq-dist", "256,128:40;1024,512:50"))
                .isInstanceOf(UsageException.class).hasMessageContaining("the percentages sum to 90, not 100");
        assertThatThrownBy(() -> resolve("-m", "m", "--seq-dist", "256:100"))
                .isInstanceOf(UsageException.class).hasMessageContaining("cannot read '256:100'");
        assertThatThrownBy(() -> resolve("-m", "m", "--num-prefix-prompts", "-1"))
                .isInstanceOf(UsageException.class).hasMessageContaining("--prompt-prefix-pool-size");
        assertThatThrownBy(() -> resolve("-m", "m", "--num-prefix-prompts", "4"))
                .isInstanceOf(UsageException.class)
                .hasMessage("--prompt-prefix-pool-size needs --prompt-prefix-length greater than 0");
        assertThatThrownBy(() -> resolve("-m", "m", "--prefix-prompt-length", "4"))
                .isInstanceOf(UsageException.class)
                .hasMessage("--prompt-prefix-length needs --prompt-prefix-pool-size greater than 0");
    }

    @Test
    void numConversationsSizesARandomPool(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws java.io.IOException {
        java.nio.file.Path pools = java.nio.file.Files.createDirectory(dir.resolve("pools"));
        java.nio.file.Files.writeString(pools.resolve("a.jsonl"), "{\"text\": \"x\"}\n");
        assertThat(resolve("-m", "m", "--input-file", pools.toString(), "--num-conversations", "7")
                .input().numDatasetEntries()).isEqualTo(7);
        assertThat(resolve("-m", "m", "--input-file", pools.toString(), "--num-conversations", "7",
                "--num-dataset-entries", "3").input().numDatasetEntries()).isEqualTo(3);
        assertThat(resolve("-m", "m", "--num-conversations", "7").input().numDatasetEntries()).isEqualTo(100);
    }
}
