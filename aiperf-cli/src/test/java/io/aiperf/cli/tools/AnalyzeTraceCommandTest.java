package io.aiperf.cli.tools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class AnalyzeTraceCommandTest {

    @TempDir
    Path tmp;

    /**
     * Block size 4. Row 1 misses its 3 blocks (4+4+2 tokens); row 2 hits both of its blocks (8 tokens); row 3 hits
     * block 1 (4 tokens) and misses 4 and 5; row 4 hits block 4 (4 tokens): 4 of 9 blocks, 16 of 31 tokens.
     */
    private static final String TRACE = """
            {"timestamp": 0, "input_length": 10, "output_length": 5, "hash_ids": [1, 2, 3]}
            {"timestamp": 500, "input_length": 8, "output_length": 7, "hash_ids": [1, 2]}

            {"timestamp": 1000, "input_length": 9, "output_length": 3, "hash_ids": [1, 4, 5]}
            {"timestamp": 2000, "input_length": 4, "output_length": 1, "hash_ids": [4]}
            """;

    private Path trace(String text) throws Exception {
        Path f = tmp.resolve("trace.jsonl");
        Files.writeString(f, text);
        return f;
    }

    @Test
    void reportsExactStatisticsAndCacheReuse() throws Exception {
        Path in = trace(TRACE);
        Path json = tmp.resolve("report.json");
        ToolRun r = ToolRun.run("analyze-trace", "--input-file", in.toString(), "--block-size", "4",
                "--output-file", json.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("Requests").contains("2.000").contains("Block hit ratio")
                .contains("0.4444").contains("16 / 31");

        JsonNode j = new ObjectMapper().readTree(json.toFile());
        assertThat(j.get("request_count").asLong()).isEqualTo(4);
        assertThat(j.get("block_size").asInt()).isEqualTo(4);
        assertThat(j.get("time_span_ms").asDouble()).isEqualTo(2000.0);
        assertThat(j.get("request_rate").asDouble()).isEqualTo(1.5); // 3 gaps in 2 s

        JsonNode isl = j.get("isl"); // 4, 8, 9, 10
        assertThat(isl.get("avg").asDouble()).isEqualTo(7.75);
        assertThat(isl.get("min").asDouble()).isEqualTo(4.0);
        assertThat(isl.get("max").asDouble()).isEqualTo(10.0);
        assertThat(isl.get("p50").asDouble()).isEqualTo(8.5);
        assertThat(isl.get("p90").asDouble()).isCloseTo(9.7, within(1e-9));
        assertThat(isl.get("p99").asDouble()).isCloseTo(9.97, within(1e-9));
        assertThat(isl.get("std").asDouble()).isCloseTo(Math.sqrt(5.1875), within(1e-9));

        JsonNode osl = j.get("osl"); // 1, 3, 5, 7
        assertThat(osl.get("avg").asDouble()).isEqualTo(4.0);
        assertThat(osl.get("p50").asDouble()).isEqualTo(4.0);
        assertThat(osl.get("p90").asDouble()).isCloseTo(6.4, within(1e-9));
        assertThat(osl.get("p99").asDouble()).isCloseTo(6.94, within(1e-9));
        assertThat(osl.get("std").asDouble()).isCloseTo(Math.sqrt(5), within(1e-9));

        JsonNode cache = j.get("prefix_cache");
        assertThat(cache.get("total_blocks").asLong()).isEqualTo(9);
        assertThat(cache.get("hit_blocks").asLong()).isEqualTo(4);
        assertThat(cache.get("hit_ratio").asDouble()).isCloseTo(4.0 / 9, within(1e-12));
        assertThat(cache.get("total_tokens").asLong()).isEqualTo(31);
        assertThat(cache.get("hit_tokens").asLong()).isEqualTo(16);
        assertThat(cache.get("token_hit_ratio").asDouble()).isCloseTo(16.0 / 31, within(1e-12));
        assertThat(cache.get("block_count_mismatches").asLong()).isZero();
    }

    @Test
    void defaultBlockSizeCountsMismatchedRows() throws Exception {
        // With 512-token blocks every row should have one hash id; rows 1 and 3 have three.
        Path json = tmp.resolve("r.json");
        ToolRun r = ToolRun.run("analyze-trace", "--input-file", trace(TRACE).toString(),
                "--output-file", json.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode cache = new ObjectMapper().readTree(json.toFile()).get("prefix_cache");
        assertThat(cache.get("block_count_mismatches").asLong()).isEqualTo(3);
        // Blocks past the input hold no tokens: only each row's first block weighs.
        assertThat(cache.get("total_tokens").asLong()).isEqualTo(31);
    }

    @Test
    void traceWithoutTimestampsOrHashIdsReportsUnknowns() throws Exception {
        Path json = tmp.resolve("r.json");
        ToolRun r = ToolRun.run("analyze-trace", "--input-file",
                trace("{\"input_length\": 3}\n{\"input_length\": 5}\n").toString(), "--output-file", json.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode j = new ObjectMapper().readTree(json.toFile());
        assertThat(j.get("request_count").asLong()).isEqualTo(2);
        assertThat(j.get("request_rate").isNull()).isTrue();
        assertThat(j.get("osl").get("count").asInt()).isZero();
        assertThat(j.get("prefix_cache").get("hit_ratio").isNull()).isTrue();
    }

    @Test
    void missingFileIsAUsageError() {
        ToolRun.run("analyze-trace", "--input-file", tmp.resolve("nope.jsonl").toString())
                .failsWith(2, "--input-file: no such file");
    }

    @Test
    void malformedRowNamesFileAndLine() throws Exception {
        Path in = trace("{\"input_length\": 3}\n\n{\"input_length\": 4,,}\n");
        ToolRun.run("analyze-trace", "--input-file", in.toString()).failsWith(1, in + ":3: invalid JSON");
    }

    @Test
    void rowWithoutInputLengthNamesLine() throws Exception {
        Path in = trace("{\"input_length\": 3}\n{\"text_input\": \"hi\"}\n");
        ToolRun.run("analyze-trace", "--input-file", in.toString()).failsWith(1, in + ":2: no input_length");
    }

    @Test
    void negativeLengthNamesLine() throws Exception {
        Path in = trace("{\"input_length\": -3}\n");
        ToolRun.run("analyze-trace", "--input-file", in.toString())
                .failsWith(1, in + ":1: input_length must be a non-negative integer");
    }

    @Test
    void badBlockSizeIsAUsageError() throws Exception {
        ToolRun.run("analyze-trace", "--input-file", trace(TRACE).toString(), "--block-size", "0")
                .failsWith(2, "--block-size");
        ToolRun.run("analyze-trace", "--input-file", trace(TRACE).toString(), "--block-size", "big")
                .failsWith(2, "--block-size");
    }
}
