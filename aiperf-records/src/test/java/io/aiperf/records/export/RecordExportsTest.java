package io.aiperf.records.export;

import io.aiperf.core.config.BenchmarkConfig;
import io.aiperf.core.config.ExportLevel;
import io.aiperf.core.config.OutputConfig;
import io.aiperf.core.message.RawExchange;
import io.aiperf.core.message.RequestRecord;
import io.aiperf.core.model.CreditPhase;
import io.aiperf.core.model.ResponseChunk;
import io.aiperf.core.tokenizer.TextTokenizer;
import io.aiperf.records.aggregate.RecordAggregator;
import io.aiperf.records.metric.MetricRecord;
import io.aiperf.records.metric.MetricRegistry;
import io.aiperf.records.metric.MetricSettings;
import io.aiperf.records.metric.RecordMetrics;
import io.aiperf.records.testing.TestMetrics;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Which files each export setting writes, and that the trailer lists exactly those. */
class RecordExportsTest {

    private static final TextTokenizer ONE_TOKEN_PER_CHAR = new TextTokenizer() {
        @Override
        public String name() {
            return "chars";
        }

        @Override
        public int[] encode(String text) {
            return new int[text.length()];
        }

        @Override
        public String decode(int[] ids) {
            return "";
        }
    };

    /** The fixture run with these output settings (as {@code --export-level}, {@code --profile-export-prefix}
     *  and {@code --slice-duration} resolve them). */
    private static BenchmarkConfig config(Path dir, ExportLevel level, String prefix, Double sliceS) {
        BenchmarkConfig c = Fixtures.config();
        return new BenchmarkConfig(c.benchmarkId(), c.cliCommand(), c.endpoint(), c.input(), c.load(), c.tokenizer(),
                new OutputConfig(dir.toString(), level, prefix, sliceS, false, false), c.service(), c.metrics());
    }

    private static RequestRecord record(long credit, RawExchange raw) {
        long start = 1_000_000_000L * credit;
        return new RequestRecord("w", credit, CreditPhase.PROFILING, "c" + credit, 0, "r" + credit, "x" + credit,
                start - 10, start, start, start + 5_000_000, start + 40_000_000, 1_700_000_000_000_000_000L + start,
                200, List.of(new ResponseChunk(start + 20_000_000, "ab", null),
                        new ResponseChunk(start + 30_000_000, "cd", null)), null, null, false, -1, null, null, null,
                raw, null);
    }

    @ParameterizedTest(name = "{0} prefix={1} slices={2}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            "SUMMARY|-|-|profile_export_aiperf.csv,profile_export_aiperf.json|CSV,JSON",
            "RECORDS|-|-|profile_export.jsonl,profile_export_aiperf.csv,profile_export_aiperf.json|CSV,JSON,JSONL",
            "RAW|-|1|profile_export.jsonl,profile_export_aiperf.csv,"
                    + "profile_export_aiperf.json,profile_export_aiperf_timeslices.csv,"
                    + "profile_export_aiperf_timeslices.json,profile_export_raw.jsonl"
                    + "|CSV,JSON,JSONL,Raw Records,Timeslice CSV,Timeslice JSON",
            "RAW|run|1|run.csv,run.json,run.jsonl,run_raw.jsonl,run_timeslices.csv,run_timeslices.json"
                    + "|CSV,JSON,JSONL,Raw Records,Timeslice CSV,Timeslice JSON"})
    void writesAndListsExactlyTheFilesOfItsSettings(ExportLevel level, String prefix, Double sliceS,
                                                    String expectedFiles, String expectedKinds,
                                                    @TempDir Path dir) throws Exception {
        BenchmarkConfig config = config(dir, level, prefix, sliceS);
        RecordMetrics metrics = new RecordMetrics(ONE_TOKEN_PER_CHAR,
                MetricRegistry.standard(MetricSettings.forConfig(config)));
        RecordAggregator aggregator = TestMetrics.aggregator();
        RawExchange raw = config.output().raw()
                ? new RawExchange("{\"a\":1}", Map.of("authorization", "<redacted>"), Map.of(), List.of()) : null;
        try (RecordExports exports = new RecordExports(config.output(), "rm", true,
                MetricRegistry.standard(MetricSettings.ALL_BUT_GOODPUT))) {
            for (long credit = 1; credit <= 3; credit++) {
                MetricRecord computed = metrics.compute(record(credit, raw), 5L);
                exports.write(computed, "rm");
                aggregator.add(computed);
            }
            exports.close();
            exports.writeSummaries(aggregator.summarize(), RunInfo.of(config, "test", false));

            List<String> files;
            try (Stream<Path> list = Files.list(dir)) {
                files = list.map(p -> p.getFileName().toString()).sorted().toList();
            }
            assertThat(files).containsExactly(expectedFiles.split(","));
            List<String> kinds = new ArrayList<>();
            for (String line : exports.trailer()) {
                String kind = line.substring(0, line.indexOf(" Export: "));
                String path = line.substring(line.indexOf(" Export: ") + 9);
                assertThat(Path.of(path)).exists().hasParent(dir);
                kinds.add(kind);
            }
            assertThat(kinds).containsExactly(expectedKinds.split(","));
            for (String file : files) {
                if (file.endsWith(".jsonl")) {
                    assertThat(Files.readAllLines(dir.resolve(file))).as(file).hasSize(3);
                }
            }
        }
    }
}
