package io.aiperf.cli;

import io.aiperf.core.config.AccuracyBenchmark;
import io.aiperf.core.config.AccuracyGrader;
import io.aiperf.core.config.ArrivalPattern;
import io.aiperf.core.config.EndpointType;
import io.aiperf.core.config.ExportLevel;
import io.aiperf.core.config.TimingMode;
import io.aiperf.core.dataset.file.DatasetFormat;
import io.aiperf.core.dataset.publicdata.PublicDataset;
import io.aiperf.ui.UiMode;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code aiperf plugins}: every implementation this build has, per category, each with a description. */
class PluginsCommandTest {

    private record Result(int code, String out, String err) {
    }

    private static Result plugins(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        String[] argv = new String[args.length + 1];
        argv[0] = "plugins";
        System.arraycopy(args, 0, argv, 1, args.length);
        int code = AiperfMain.execute(argv, new PrintWriter(out), new PrintWriter(err));
        return new Result(code, out.toString(), err.toString());
    }

    /** Each category and the option values the code parses into it. */
    private static final Map<String, List<String>> EXPECTED = Map.of(
            "endpoint", Arrays.stream(EndpointType.values()).map(EndpointType::cliName).toList(),
            "dataset_type", Arrays.stream(DatasetFormat.values()).map(DatasetFormat::cliName).toList(),
            "public_dataset", Arrays.stream(PublicDataset.values()).map(PublicDataset::cliName).toList(),
            "timing_mode", Arrays.stream(TimingMode.values()).map(m -> m.name().toLowerCase(Locale.ROOT)).toList(),
            "arrival_pattern", Arrays.stream(ArrivalPattern.values()).map(ArrivalPattern::cliName).toList(),
            "exporter", Arrays.stream(ExportLevel.values()).map(ExportLevel::cliName).toList(),
            "ui", Arrays.stream(UiMode.values()).map(UiMode::optionValue).toList(),
            "accuracy_benchmark", Arrays.stream(AccuracyBenchmark.values()).map(AccuracyBenchmark::cliName).toList(),
            "accuracy_grader", Arrays.stream(AccuracyGrader.values()).map(AccuracyGrader::cliName).toList());

    @Test
    void eachCategoryListsEveryNameWithADescription() {
        EXPECTED.forEach((category, names) -> {
            Result r = plugins(category);
            assertThat(r.code()).isZero();
            List<String> lines = r.out().strip().lines().toList();
            assertThat(lines.get(0)).isEqualTo(category + ":");
            assertThat(lines.subList(1, lines.size())).hasSize(names.size());
            for (int i = 0; i < names.size(); i++) {
                assertThat(lines.get(i + 1).strip()).startsWith(names.get(i) + " ")
                        .matches(names.get(i) + " +\\S.*");
            }
        });
    }

    @Test
    void endpointLinesSayPathStreamingAndMetrics() {
        String out = plugins("endpoint").out();

        assertThat(out).containsPattern("chat +POST /v1/chat/completions; can stream; LLM Metrics")
                .containsPattern("huggingface_generate +POST /generate \\(streaming: /generate_stream\\)")
                .containsPattern("embeddings +POST /v1/embeddings; no streaming; Embeddings Metrics \\(latency only");
    }

    @Test
    void withoutACategoryEachCategoryIsOneLineOfNames() {
        Result r = plugins();

        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("endpoint: chat, completions, responses")
                .contains("ui: dashboard, simple, none").contains("timing_mode: request_rate, fixed_schedule, "
                        + "user_centric_rate");
    }

    @Test
    void allShowsEveryCategoryWithDescriptions() {
        String out = plugins("--all").out();

        for (String category : EXPECTED.keySet()) {
            assertThat(out).contains(category + ":\n");
        }
        assertThat(out).containsPattern("poisson +exponential gaps");
    }

    @Test
    void anUnknownCategoryIsOneLineListingTheCategories() {
        Result r = plugins("transports");

        assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err().strip()).startsWith("aiperf: error: unknown plugin category 'transports'; expected one of "
                + "endpoint, dataset_type, public_dataset, timing_mode, arrival_pattern, exporter, ui, "
                + "accuracy_benchmark, accuracy_grader");
        assertThat(r.err().strip().lines()).hasSize(1);
    }

    @Test
    void aCategoryAndATypeShowThatOneInAnySpelling() {
        Result r = plugins("endpoint", "NIM-Rankings");

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out().strip()).startsWith("endpoint nim_rankings: ").doesNotContain("\n");
    }

    @Test
    void anUnknownTypeIsOneLineListingTheCategorysNames() {
        Result r = plugins("ui", "fancy");

        assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err().strip()).startsWith("aiperf: error: no ui named 'fancy'; expected one of dashboard, simple, "
                + "none");
    }

    @Test
    void validateChecksTheWholeCatalogAndCountsIt() {
        Result r = plugins("--validate");

        int total = EXPECTED.values().stream().mapToInt(List::size).sum();
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out().strip()).isEqualTo("plugins: " + total + " in " + EXPECTED.size() + " categories, all valid");
    }

    @Test
    void validationNamesATwiceListedNameAndAMissingOrMultiLineDescription() {
        Map<String, List<PluginCatalog.Entry>> broken = new java.util.LinkedHashMap<>();
        broken.put("endpoint", List.of(new PluginCatalog.Entry("chat", "ok"), new PluginCatalog.Entry("chat", "again"),
                new PluginCatalog.Entry("blank", " "), new PluginCatalog.Entry("long", "one\ntwo")));

        assertThat(PluginCatalog.problems(broken)).containsExactly("endpoint 'chat' is listed twice",
                "endpoint 'blank' has no description", "endpoint 'long' has a description of more than one line");
    }
}
