package io.aiperf.cli.options;

import io.aiperf.cli.AiperfMain;
import io.aiperf.cli.ProfileCommand;
import io.aiperf.core.config.AccuracyBenchmark;
import io.aiperf.core.config.AccuracyConfig;
import io.aiperf.core.config.AccuracyGrader;
import io.aiperf.core.config.EndpointType;
import io.aiperf.core.error.UsageException;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code --accuracy-*}: the benchmark's defaults filled in, and every refusal one usage line. */
class AccuracyResolverTest {

    private static String fixture(String name) {
        try {
            return Path.of(AccuracyResolverTest.class.getResource("/accuracy/" + name).toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static AccuracyConfig resolve(String... args) {
        ProfileCommand command = new ProfileCommand();
        new CommandLine(command).parseArgs(args);
        return AccuracyResolver.resolve(command.accuracyOptions(), command.inputOptions(), EndpointType.CHAT);
    }

    @Test
    void noAccuracyOptionIsNoAccuracyMode() {
        assertThat(resolve("-m", "m")).isNull();
    }

    @Test
    void mmluGetsItsDefaults() {
        AccuracyConfig c = resolve("--accuracy-benchmark", "mmlu", "--accuracy-dataset-path", fixture("mmlu"));
        assertThat(c.benchmark()).isEqualTo(AccuracyBenchmark.MMLU);
        assertThat(c.grader()).isEqualTo(AccuracyGrader.MULTIPLE_CHOICE);
        assertThat(c.shots()).isEqualTo(5);
        assertThat(c.cot()).isFalse();
        assertThat(c.systemPrompt()).isNull();
        assertThat(c.tasks()).isEmpty();
        assertThat(Path.of(c.datasetPath())).isAbsolute();
    }

    @Test
    void aimeGetsItsBoxedSystemPromptAndCotWhichTheOptionsOverride() {
        AccuracyConfig defaults = resolve("--accuracy-benchmark", "aime", "--accuracy-dataset-path",
                fixture("aime.jsonl"));
        assertThat(defaults.shots()).isEqualTo(8);
        assertThat(defaults.cot()).isTrue();
        assertThat(defaults.systemPrompt()).contains("\\boxed{}");
        AccuracyConfig given = resolve("--accuracy-benchmark", "aime", "--accuracy-dataset-path",
                fixture("aime.jsonl"), "--no-accuracy-enable-cot", "--accuracy-system-prompt", "",
                "--accuracy-n-shots", "2", "--accuracy-grader", "exact_match", "--accuracy-verbose");
        assertThat(given.cot()).isFalse();
        assertThat(given.systemPrompt()).isNull();
        assertThat(given.shots()).isEqualTo(2);
        assertThat(given.grader()).isEqualTo(AccuracyGrader.EXACT_MATCH);
        assertThat(given.verbose()).isTrue();
    }

    @Test
    void gpqaDiamondIsReadFromItsCsvWithTheRunsSeed() {
        AccuracyConfig c = resolve("--accuracy-benchmark", "gpqa_diamond", "--accuracy-dataset-path",
                fixture("gpqa_diamond.csv"), "--random-seed", "42");
        assertThat(c.grader()).isEqualTo(AccuracyGrader.MULTIPLE_CHOICE);
        assertThat(c.shots()).isZero();
        assertThat(c.seed()).isEqualTo(42L);
        assertThat(resolve("--accuracy-benchmark", "gpqa_diamond", "--accuracy-dataset-path",
                fixture("gpqa_diamond.csv")).seed()).isNull();
        assertThatThrownBy(() -> resolve("--accuracy-benchmark", "gpqa_diamond", "--accuracy-dataset-path",
                fixture("mmlu"))).isInstanceOf(UsageException.class)
                .hasMessageContaining("gpqa_diamond is read from its CSV file, not a directory");
    }

    @Test
    void bigbenchReadsADirectoryOfTasksWithAtMostThreeShots() {
        AccuracyConfig c = resolve("--accuracy-benchmark", "bigbench", "--accuracy-dataset-path", fixture("bbh"),
                "--accuracy-tasks", "word_sorting");
        assertThat(c.grader()).isEqualTo(AccuracyGrader.EXACT_MATCH);
        assertThat(c.shots()).isEqualTo(3);
        assertThat(c.tasks()).containsExactly("word_sorting");
        assertThatThrownBy(() -> resolve("--accuracy-benchmark", "bigbench", "--accuracy-dataset-path",
                fixture("bbh"), "--accuracy-n-shots", "4")).isInstanceOf(UsageException.class)
                .hasMessage("--accuracy-n-shots must be between 0 and 3 for bigbench (got 4)");
    }

    @Test
    void tasksAreCommaSeparatedOrRepeated() {
        AccuracyConfig c = resolve("--accuracy-benchmark", "mmlu", "--accuracy-dataset-path", fixture("mmlu"),
                "--accuracy-tasks", "anatomy,abstract_algebra", "--accuracy-tasks", "anatomy");
        assertThat(c.tasks()).containsExactly("anatomy", "abstract_algebra");
    }

    @Test
    void whatWeCannotDoIsRefusedWithOneLineNamingWhatWeCan() {
        String mmlu = fixture("mmlu");
        assertThatThrownBy(() -> resolve("--accuracy-benchmark", "lcb_codegeneration", "--accuracy-dataset-path",
                mmlu)).isInstanceOf(UsageException.class).hasMessageContaining("code_execution grader is not "
                + "supported (it would run the model's code on this machine)");
        assertThatThrownBy(() -> resolve("--accuracy-benchmark", "mmlu", "--accuracy-grader", "code_execution",
                "--accuracy-dataset-path", mmlu)).isInstanceOf(UsageException.class)
                .hasMessageContaining("code_execution");
        assertThatThrownBy(() -> resolve("--accuracy-benchmark", "lcb_codegeneration", "--accuracy-grader",
                "exact_match", "--accuracy-dataset-path", mmlu))
                .isInstanceOf(UsageException.class)
                .hasMessage("--accuracy-benchmark lcb_codegeneration is not supported yet; supported: mmlu, aime, "
                        + "hellaswag, bigbench, aime24, aime25, math_500, gpqa_diamond");
        assertThatThrownBy(() -> resolve("--accuracy-benchmark", "mmlu_pro")).isInstanceOf(UsageException.class)
                .hasMessageStartingWith("--accuracy-benchmark: unknown benchmark 'mmlu_pro'");
    }

    @Test
    void badCombinationsAreUsageErrors() {
        String mmlu = fixture("mmlu");
        assertThatThrownBy(() -> resolve("--accuracy-n-shots", "3")).isInstanceOf(UsageException.class)
                .hasMessage("the --accuracy-* options need --accuracy-benchmark");
        assertThatThrownBy(() -> resolve("--accuracy-benchmark", "mmlu")).isInstanceOf(UsageException.class)
                .hasMessageContaining("needs --accuracy-dataset-path PATH");
        assertThatThrownBy(() -> resolve("--accuracy-benchmark", "aime", "--accuracy-dataset-path",
                fixture("aime.jsonl"), "--accuracy-n-shots", "9")).isInstanceOf(UsageException.class)
                .hasMessage("--accuracy-n-shots must be between 0 and 8 for aime (got 9)");
        assertThatThrownBy(() -> resolve("--accuracy-benchmark", "mmlu", "--accuracy-dataset-path", mmlu,
                "--input-file", mmlu)).isInstanceOf(UsageException.class)
                .hasMessageContaining("cannot be combined with --input-file");
        assertThatThrownBy(() -> resolve("--accuracy-benchmark", "mmlu", "--accuracy-dataset-path", mmlu,
                "--accuracy-tasks", "astronomy")).isInstanceOf(UsageException.class)
                .hasMessageContaining("no task 'astronomy'");
        assertThatThrownBy(() -> resolve("--accuracy-benchmark", "aime", "--accuracy-dataset-path", mmlu))
                .isInstanceOf(UsageException.class).hasMessageContaining("read from a JSONL file, not a directory");
    }

    @Test
    void theCommandPrintsARefusalAsOneLineAndExitsWithTheUsageCode() {
        StringWriter err = new StringWriter();
        int code = AiperfMain.execute(new String[] {"profile", "-m", "m", "--accuracy-benchmark",
                "lcb_codegeneration", "--accuracy-dataset-path", fixture("mmlu")}, new PrintWriter(new StringWriter()),
                new PrintWriter(err));
        assertThat(code).isEqualTo(2);
        assertThat(err.toString().strip().lines().toList()).hasSize(1);
        assertThat(err.toString()).startsWith("aiperf: error: --accuracy-benchmark lcb_codegeneration: the "
                + "code_execution grader is not supported");
    }

    @Test
    void everyAccuracyOptionIsShownUnderTheAccuracyHeading() {
        List<String> names = List.of("--accuracy-benchmark", "--accuracy-tasks", "--accuracy-n-shots",
                "--accuracy-enable-cot", "--accuracy-grader", "--accuracy-system-prompt", "--accuracy-verbose",
                "--accuracy-dataset-path");
        StringWriter out = new StringWriter();
        AiperfMain.execute(new String[] {"profile", "--help"}, new PrintWriter(out),
                new PrintWriter(new StringWriter()));
        String help = out.toString();
        int heading = help.indexOf("\nAccuracy:");
        int next = help.indexOf("\nTelemetry:");
        assertThat(heading).isPositive();
        names.forEach(n -> assertThat(help.substring(heading, next)).contains(n.replace("--accuracy-enable-cot",
                "--[no-]accuracy-enable-cot")));
    }
}
