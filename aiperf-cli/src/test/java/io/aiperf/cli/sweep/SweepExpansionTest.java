package io.aiperf.cli.sweep;

import io.aiperf.core.error.UsageException;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SweepExpansionTest {

    private static final String FILE = """
            profile:
              url: http://localhost:8000
              streaming: true
              request-count: 100
            sweep:
              model: [Qwen/Qwen3-0.6B, meta-llama/Llama-3.1-8B]
              isl-osl: [[128, 128], "1024/256"]
              concurrency: [1, 4, 16]
            """;

    private static List<PlannedPoint> expand(String yaml, List<String> overrides) {
        SweepFile file = SweepFileParser.parse("sweep.yaml", yaml);
        return SweepExpansion.expand(file, SweepExpansion.base(file, null), overrides);
    }

    @Test
    void onePointPerCombinationTheFirstKeyVaryingSlowest() {
        List<PlannedPoint> points = expand(FILE, List.of());

        assertThat(points).extracting(PlannedPoint::label).containsExactly(
                "Qwen_Qwen3-0.6B/isl128_osl128/c1", "Qwen_Qwen3-0.6B/isl128_osl128/c4",
                "Qwen_Qwen3-0.6B/isl128_osl128/c16", "Qwen_Qwen3-0.6B/isl1024_osl256/c1",
                "Qwen_Qwen3-0.6B/isl1024_osl256/c4", "Qwen_Qwen3-0.6B/isl1024_osl256/c16",
                "meta-llama_Llama-3.1-8B/isl128_osl128/c1", "meta-llama_Llama-3.1-8B/isl128_osl128/c4",
                "meta-llama_Llama-3.1-8B/isl128_osl128/c16", "meta-llama_Llama-3.1-8B/isl1024_osl256/c1",
                "meta-llama_Llama-3.1-8B/isl1024_osl256/c4", "meta-llama_Llama-3.1-8B/isl1024_osl256/c16");
    }

    @Test
    void aPointRecordsItsValuesFolderAndArguments() {
        PlannedPoint point = expand(FILE, List.of()).get(10);

        Map<String, Object> values = new LinkedHashMap<>();
        values.put("model", "meta-llama/Llama-3.1-8B");
        values.put("isl-osl", "1024/256");
        values.put("concurrency", 4L);
        assertThat(point.values()).containsExactlyEntriesOf(values);
        Path dir = Path.of("artifacts", "sweep", "meta-llama_Llama-3.1-8B", "isl1024_osl256", "c4");
        assertThat(point.dir()).isEqualTo(dir);
        assertThat(point.args()).containsExactly("--url", "http://localhost:8000", "--streaming",
                "--request-count", "100", "--model", "meta-llama/Llama-3.1-8B", "--isl", "1024", "--osl", "256",
                "--concurrency", "4", "--artifact-dir", dir.toString());
    }

    @Test
    void theBaseIsTheCommandLinesThenTheFilesThenTheDefault() {
        SweepFile withDir = SweepFileParser.parse("s.yaml", "profile:\n  artifact-dir: out\nsweep:\n  concurrency: [2]\n");
        SweepFile without = SweepFileParser.parse("s.yaml", "sweep:\n  concurrency: [2]\n");

        assertThat(SweepExpansion.base(withDir, Path.of("cli"))).isEqualTo(Path.of("cli"));
        assertThat(SweepExpansion.base(withDir, null)).isEqualTo(Path.of("out"));
        assertThat(SweepExpansion.base(without, null)).isEqualTo(Path.of("artifacts", "sweep"));
        assertThat(SweepExpansion.expand(withDir, Path.of("cli"), List.of()).get(0).dir())
                .isEqualTo(Path.of("cli", "c2"));
    }

    @Test
    void commandLineOptionsReplaceTheFilesUnderAnyName() {
        List<String> args = expand(FILE, List.of("-u", "http://other:9000", "--num-requests=8", "--verbose"))
                .get(0).args();

        assertThat(args).containsExactly("--streaming", "-u", "http://other:9000", "--num-requests=8",
                "--verbose", "--model", "Qwen/Qwen3-0.6B", "--isl", "128", "--osl", "128", "--concurrency", "1",
                "--artifact-dir", Path.of("artifacts", "sweep", "Qwen_Qwen3-0.6B", "isl128_osl128", "c1").toString());
    }

    @Test
    void aSweptOptionCannotBeOverridden() {
        assertThatThrownBy(() -> expand(FILE, List.of("--concurrency", "8"))).isInstanceOf(UsageException.class)
                .hasMessage("--concurrency on the command line: 'concurrency' is swept in sweep.yaml:8");
        assertThatThrownBy(() -> expand(FILE, List.of("--osl=5"))).isInstanceOf(UsageException.class)
                .hasMessage("--output-tokens-mean on the command line: 'isl-osl' is swept in sweep.yaml:7");
    }

    @Test
    void twoPointsCannotShareAFolder() {
        assertThatThrownBy(() -> expand("sweep:\n  model: [a/b, a_b]\n", List.of()))
                .isInstanceOf(UsageException.class)
                .hasMessageStartingWith("sweep.yaml: points 1 and 2 would share the folder 'a_b'");
        assertThatThrownBy(() -> expand("sweep:\n  request-rate: [10, 10.0]\n", List.of()))
                .hasMessageStartingWith("sweep.yaml: points 1 and 2 would share the folder 'r10'");
    }

    @Test
    void otherKeysAreKeyDashValueMadeSafe() {
        List<PlannedPoint> points = expand("""
                sweep:
                  request-rate: [2.5]
                  extra-inputs: ["temperature:0.7", "a b/c"]
                """, List.of());

        assertThat(points).extracting(PlannedPoint::label)
                .containsExactly("r2.5/extra-inputs-temperature_0.7", "r2.5/extra-inputs-a_b_c");
        assertThat(points.get(1).args()).contains("--extra-inputs", "a b/c");
    }
}
