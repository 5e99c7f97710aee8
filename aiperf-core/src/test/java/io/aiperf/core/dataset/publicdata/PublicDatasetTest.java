package io.aiperf.core.dataset.publicdata;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PublicDatasetTest {

    /** AIPerf's plugins.yaml public dataset names (and its speed_bench_* entries). */
    private static final List<String> AIPERF_NAMES = List.of("sharegpt", "aimo", "aimo_aime", "aimo_numina_cot",
            "aimo_numina_1_5", "mmstar", "mmvu", "vision_arena", "llava_onevision", "spec_bench", "instruct_coder",
            "blazedit_5k", "blazedit_10k");

    @Test
    void parsesEveryAiperfNameAndEverySpeedBenchVariant() {
        for (String name : AIPERF_NAMES) {
            assertThat(PublicDataset.parse(name).cliName()).isEqualTo(name);
        }
        List<String> speed = Arrays.stream(PublicDataset.values()).map(PublicDataset::cliName)
                .filter(n -> n.startsWith("speed_bench_")).toList();
        assertThat(speed).hasSize(32).contains("speed_bench_qualitative", "speed_bench_summarization",
                "speed_bench_throughput_32k", "speed_bench_throughput_1k_low_entropy",
                "speed_bench_throughput_16k_mixed", "speed_bench_throughput_8k_high_entropy");
        for (String name : speed) {
            PublicDataset d = PublicDataset.parse(name.toUpperCase().replace('_', '-'));
            assertThat(d.rows().repo()).isEqualTo("nvidia/SPEED-Bench");
            assertThat(d.rows().subset()).isEqualTo(name.startsWith("speed_bench_throughput_")
                    ? name.substring("speed_bench_".length()).replaceAll("_(low_entropy|mixed|high_entropy)$", "")
                    : "qualitative");
        }
        assertThat(PublicDataset.SPEED_BENCH_THROUGHPUT_2K_MIXED.rows().category()).isEqualTo("mixed");
        assertThat(PublicDataset.SPEED_BENCH_THROUGHPUT_2K.rows().category()).isNull();
    }

    @Test
    void everyValueHasADescriptionAndAllButShareGptARowSpec() {
        for (PublicDataset d : PublicDataset.values()) {
            assertThat(d.description()).as(d.cliName()).isNotBlank();
            assertThat(d.rows() == null).as(d.cliName()).isEqualTo(d == PublicDataset.SHAREGPT);
        }
        assertThat(PublicDataset.SPEC_BENCH.rows().onHub()).isFalse();
        assertThat(PublicDataset.LLAVA_ONEVISION.rows().subsetOrDefault()).isEqualTo("sharegpt4o");
        assertThat(PublicDataset.MMSTAR.rows().subsetOrDefault()).isEqualTo("default");
    }

    @Test
    void anUnknownNameListsTheDatasets() {
        assertThatThrownBy(() -> PublicDataset.parse("what"))
                .hasMessageStartingWith("unknown public dataset 'what'; expected one of sharegpt, aimo, ")
                .hasMessageContaining("speed_bench_qualitative, ")
                .hasMessageNotContaining("speed_bench_coding")
                .hasMessageEndingWith("or another speed_bench_* variant (see aiperf plugins)");
    }
}
