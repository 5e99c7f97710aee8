package io.aiperf.cli.options;

import io.aiperf.core.config.BenchmarkConfig;
import io.aiperf.core.config.InputConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class PublicDatasetOptionsTest {

    @TempDir
    Path dir;

    @Test
    void hfSubsetTravelsWithAHubDataset() {
        BenchmarkConfig c = Cli.m("--public-dataset", "speed_bench_throughput_2k", "--hf-subset", "throughput_8k");

        assertThat(c.input().publicDataset())
                .isEqualTo(new InputConfig.PublicSource("speed_bench_throughput_2k", null, null, "throughput_8k"));
    }

    @Test
    void sharegptIsSelectedWithoutACapByDefault() {
        BenchmarkConfig c = Cli.m("--public-dataset", "ShareGPT");

        assertThat(c.input().publicDataset()).isEqualTo(new InputConfig.PublicSource("sharegpt", null, null));
        assertThat(c.input().inputFile()).isNull();
        assertThat(Cli.m().input().publicDataset()).isNull();
    }

    @Test
    void numDatasetEntriesCapsAndALocalCopyIsMadeAbsolute() throws Exception {
        Path copy = Files.writeString(dir.resolve("sg.json"), "[]");

        BenchmarkConfig c = Cli.m("--public-dataset", "sharegpt", "--public-dataset-path", copy.toString(),
                "--num-dataset-entries", "7");

        assertThat(c.input().publicDataset())
                .isEqualTo(new InputConfig.PublicSource("sharegpt", copy.toAbsolutePath().toString(), 7));
    }

    @Test
    void conflictsAndMistakesAreUsageErrors() throws Exception {
        Path file = Files.writeString(dir.resolve("in.jsonl"), "{\"text\": \"hi\"}\n");

        Cli.rejects("--public-dataset", "sharegpt", "--custom-dataset-type", "single_turn", "--input-file",
                file.toString()).hasMessage("--public-dataset and --custom-dataset-type cannot be used together");
        Cli.rejects("--public-dataset", "sharegpt", "--input-file", file.toString())
                .hasMessageStartingWith("--public-dataset and --input-file cannot be used together");
        Cli.rejects("--public-dataset-path", file.toString())
                .hasMessage("--public-dataset-path needs --public-dataset");
        Cli.rejects("--public-dataset", "sharegpt", "--public-dataset-path", dir.resolve("nope.json").toString())
                .hasMessage("--public-dataset-path: no such file or directory: " + dir.resolve("nope.json"));
        Cli.rejects("--public-dataset", "sharegpt", "--public-dataset-path", dir.toString())
                .hasMessageContaining("must be a file, not a directory");
        Cli.rejects("--public-dataset", "what")
                .hasMessageStartingWith("--public-dataset: unknown public dataset 'what'; expected one of sharegpt, ");
        Cli.rejects("--hf-subset", "x")
                .hasMessage("--hf-subset needs --public-dataset");
        Cli.rejects("--public-dataset", "sharegpt", "--hf-subset", "x")
                .hasMessage("--hf-subset applies to a dataset read from the Hugging Face hub's rows, not to sharegpt");
        Cli.rejects("--public-dataset", "spec_bench", "--hf-subset", "x")
                .hasMessageEndingWith("not to spec_bench");
        Cli.rejects("--public-dataset", "speed_bench_coding", "--hf-subset", "../x")
                .hasMessageStartingWith("--hf-subset must be a bare subset name");
        Cli.rejects("--public-dataset", "sharegpt", "--fixed-schedule")
                .hasMessageContaining("--fixed-schedule needs --input-file");
    }
}
