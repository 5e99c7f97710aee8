package io.aiperf.cli.sweep;

import io.aiperf.core.error.UsageException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SweepFileParserTest {

    private static SweepFile parse(String yaml) {
        return SweepFileParser.parse("sweep.yaml", yaml);
    }

    private static String errorOf(String yaml) {
        try {
            parse(yaml);
        } catch (UsageException ex) {
            assertThat(ex.getMessage()).doesNotContain("\n");
            return ex.getMessage();
        }
        throw new AssertionError("no error for:\n" + yaml);
    }

    @Test
    void profileOptionsBecomeArgumentsInFileOrder() {
        SweepFile file = parse("""
                profile:
                  url: http://localhost:8000
                  streaming: true
                  verbose: false
                  request-rate: 2.50
                  extra-inputs: [ignore_eos:true, "min_tokens:20"]
                sweep:
                  concurrency: [1]
                """);

        assertThat(file.profile()).extracting(SweepFile.Setting::key)
                .containsExactly("url", "streaming", "verbose", "request-rate", "extra-inputs");
        assertThat(file.profile()).flatExtracting(SweepFile.Setting::args).containsExactly(
                "--url", "http://localhost:8000", "--streaming", "--request-rate", "2.50",
                "--extra-inputs", "ignore_eos:true", "--extra-inputs", "min_tokens:20");
        assertThat(file.profile().get(3).line()).isEqualTo(5);
    }

    @Test
    void anyNameOfAnOptionIsAKey() {
        SweepFile file = parse("""
                profile:
                  num-requests: 8
                  prompt-input-tokens-mean: 64
                sweep:
                  model-names: [a]
                """);

        assertThat(file.profile()).flatExtracting(SweepFile.Setting::args)
                .containsExactly("--num-requests", "8", "--prompt-input-tokens-mean", "64");
        assertThat(file.axes().get(0).values().get(0).segment()).isEqualTo("a");
    }

    @Test
    void sweepValuesKeepTheirTypesArgumentsAndFolders() {
        SweepFile file = parse("""
                sweep:
                  model: [Qwen/Qwen3-0.6B]
                  isl-osl: [[128, 128], "1024/256", " 64 / 8 "]
                  concurrency: [4]
                  request-rate: [10.0, 2.5, 5]
                  streaming: [true, false]
                  prefix-prompt-length: [512]
                """);

        List<SweepFile.Axis> axes = file.axes();
        assertThat(axes).extracting(SweepFile.Axis::key).containsExactly("model", "isl-osl", "concurrency",
                "request-rate", "streaming", "prefix-prompt-length");
        assertThat(axes.get(0).values().get(0)).isEqualTo(new SweepFile.Value("Qwen/Qwen3-0.6B",
                List.of("--model", "Qwen/Qwen3-0.6B"), "Qwen_Qwen3-0.6B"));
        assertThat(axes.get(1).values()).extracting(SweepFile.Value::value).containsExactly("128/128", "1024/256",
                "64/8");
        assertThat(axes.get(1).values().get(1).args()).containsExactly("--isl", "1024", "--osl", "256");
        assertThat(axes.get(1).values()).extracting(SweepFile.Value::segment)
                .containsExactly("isl128_osl128", "isl1024_osl256", "isl64_osl8");
        assertThat(axes.get(2).values().get(0)).isEqualTo(new SweepFile.Value(4L, List.of("--concurrency", "4"),
                "c4"));
        assertThat(axes.get(3).values()).extracting(SweepFile.Value::segment).containsExactly("r10", "r2.5", "r5");
        assertThat(axes.get(3).values().get(0).args()).containsExactly("--request-rate", "10.0");
        assertThat(axes.get(4).values()).extracting(SweepFile.Value::args)
                .containsExactly(List.of("--streaming"), List.of());
        assertThat(axes.get(4).values()).extracting(SweepFile.Value::segment)
                .containsExactly("streaming-true", "streaming-false");
        assertThat(axes.get(5).values().get(0).segment()).isEqualTo("prefix-prompt-length-512");
    }

    @Test
    void aListValueOfAMultiValueOptionIsOnePoint() {
        SweepFile file = parse("""
                sweep:
                  model: [[a, b], c]
                """);

        assertThat(file.axes().get(0).values().get(0).args()).containsExactly("--model", "a", "--model", "b");
        assertThat(file.axes().get(0).values().get(0).segment()).isEqualTo("a_b");
    }

    @Test
    void artifactDirInProfileIsTheBaseNotAnArgument() {
        SweepFile file = parse("""
                profile:
                  artifact-dir: out/sweeps
                sweep:
                  concurrency: [1]
                """);

        assertThat(file.artifactDir()).isEqualTo("out/sweeps");
        assertThat(file.profile()).isEmpty();
    }

    @Test
    void anUnknownKeyNamesItsLineAndTheNearestOption() {
        assertThat(errorOf("""
                # a sweep
                profile:
                  url: http://localhost:8000
                  endpoint-type: chat

                sweep:
                  concurency: [1, 4]
                """)).isEqualTo("sweep.yaml:7: unknown sweep key 'concurency' (did you mean 'concurrency'?)");
        assertThat(errorOf("""
                profile:
                  zzzzzz: 1
                sweep:
                  concurrency: [1]
                """)).isEqualTo("sweep.yaml:2: unknown profile option 'zzzzzz'");
    }

    @Test
    void helpIsNotAnOption() {
        assertThat(errorOf("profile:\n  help: true\nsweep:\n  concurrency: [1]\n"))
                .startsWith("sweep.yaml:2: unknown profile option 'help'");
    }

    @Test
    void aSweepValueMustBeANonEmptyList() {
        assertThat(errorOf("sweep:\n  model: [a]\n  concurrency: 4\n"))
                .isEqualTo("sweep.yaml:3: sweep 'concurrency' must be a non-empty list, found a single value");
        assertThat(errorOf("sweep:\n  concurrency: []\n"))
                .isEqualTo("sweep.yaml:2: sweep 'concurrency' must be a non-empty list, found an empty list");
        assertThat(errorOf("sweep:\n  concurrency:\n"))
                .isEqualTo("sweep.yaml:2: sweep 'concurrency' must be a non-empty list, found empty");
    }

    @Test
    void aBadIslOslPairNamesTheLineOfTheItem() {
        String error = errorOf("""
                sweep:
                  isl-osl:
                    - [128, 128]
                    - [128]
                """);
        assertThat(error).startsWith("sweep.yaml:4: bad isl-osl pair (a list of 1): expected [ISL, OSL] or \"ISL/OSL\"");
        assertThat(errorOf("sweep:\n  isl-osl: [\"128x128\"]\n")).startsWith("sweep.yaml:2: bad isl-osl pair '128x128'");
        assertThat(errorOf("sweep:\n  isl-osl: [[0, 5]]\n")).startsWith("sweep.yaml:2: bad isl-osl pair");
        assertThat(errorOf("sweep:\n  isl-osl: [[1.5, 5]]\n")).startsWith("sweep.yaml:2: bad isl-osl pair");
    }

    @Test
    void islOslSetsIslAndOslSoTheyCannotBeGivenToo() {
        assertThat(errorOf("profile:\n  isl: 100\nsweep:\n  isl-osl: [[1, 2]]\n"))
                .isEqualTo("sweep.yaml:4: 'isl-osl' sets --synthetic-input-tokens-mean, already set on line 2");
        assertThat(errorOf("profile:\n  isl-osl: [1, 2]\nsweep:\n  concurrency: [1]\n"))
                .startsWith("sweep.yaml:2: 'isl-osl' is a sweep key");
    }

    @Test
    void anOptionIsGivenOnceUnderAnyName() {
        assertThat(errorOf("profile:\n  model-names: a\nsweep:\n  model: [b]\n"))
                .isEqualTo("sweep.yaml:4: 'model' sets --model-names, already set on line 2");
        assertThat(errorOf("profile:\n  url: a\n  url: b\nsweep:\n  concurrency: [1]\n"))
                .isEqualTo("sweep.yaml:3: duplicate key 'url' (first on line 2)");
    }

    @Test
    void onlyProfileAndSweepAtTheTop() {
        assertThat(errorOf("profile: {}\nsweep:\n  concurrency: [1]\nsweeps:\n  model: [a]\n"))
                .isEqualTo("sweep.yaml:4: unknown top-level key 'sweeps' (expected 'profile' or 'sweep')");
        assertThat(errorOf("- a\n- b\n")).startsWith("sweep.yaml:1: expected the keys 'profile' and 'sweep'");
        assertThat(errorOf("profile:\n  url: a\n")).startsWith("sweep.yaml:1: no 'sweep' lists");
        assertThat(errorOf("profile: [a]\nsweep:\n  concurrency: [1]\n"))
                .startsWith("sweep.yaml:1: 'profile' must be a mapping");
        assertThat(errorOf("")).startsWith("sweep.yaml: empty sweep file");
    }

    @Test
    void artifactDirCannotBeSwept() {
        assertThat(errorOf("sweep:\n  concurrency: [1]\n  artifact-dir: [a, b]\n"))
                .startsWith("sweep.yaml:3: 'artifact-dir' cannot be swept");
        assertThat(errorOf("sweep:\n  output-artifact-dir: [a]\n"))
                .startsWith("sweep.yaml:2: 'output-artifact-dir' cannot be swept");
    }

    @Test
    void aFlagTakesTrueOrFalse() {
        assertThat(errorOf("profile:\n  streaming: yes please\nsweep:\n  concurrency: [1]\n"))
                .isEqualTo("sweep.yaml:2: 'streaming' is a flag: write true or false, not 'yes please'");
    }

    @Test
    void aValueMustBeThere() {
        assertThat(errorOf("profile:\n  url:\nsweep:\n  concurrency: [1]\n"))
                .isEqualTo("sweep.yaml:2: 'url' needs a single value, found empty");
        assertThat(errorOf("profile:\n  url: {a: b}\nsweep:\n  concurrency: [1]\n"))
                .isEqualTo("sweep.yaml:2: 'url' needs a single value, found a mapping");
        // (--concurrency takes a list itself, a sweep of its own; --request-count does not.)
        assertThat(errorOf("sweep:\n  request-count:\n    - 1\n    - [2, 3]\n"))
                .isEqualTo("sweep.yaml:4: 'request-count' needs a single value, found a list");
    }

    @Test
    void malformedYamlIsOneLineWithItsLine() {
        String error = errorOf("profile:\n  url: [a\nsweep:\n  concurrency: [1]\n");
        assertThat(error).startsWith("sweep.yaml:3: malformed YAML: while parsing a flow sequence: expected ','");
        assertThat(errorOf("sweep:\n  concurrency: [1]\n   bad: indent\n")).startsWith("sweep.yaml:3: malformed YAML");
    }

    @Test
    void aMissingFileIsNamed(@TempDir Path dir) {
        Path missing = dir.resolve("sweep.yaml");
        assertThatThrownBy(() -> SweepFileParser.parse(missing)).isInstanceOf(UsageException.class)
                .hasMessage(missing + ": no such file");
    }

    @Test
    void aFileIsReadFromDisk(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("sweep.yaml"), "sweep:\n  concurrency: [1, 2]\n");

        assertThat(SweepFileParser.parse(file).axes().get(0).values()).hasSize(2);
        assertThat(SweepFileParser.parse(file).name()).isEqualTo(file.toString());
    }
}
