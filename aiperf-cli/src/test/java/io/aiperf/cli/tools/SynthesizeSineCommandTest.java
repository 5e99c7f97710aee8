package io.aiperf.cli.tools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class SynthesizeSineCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    private List<JsonNode> synthesize(String name, String... options) throws Exception {
        Path out = tmp.resolve(name);
        List<String> args = new ArrayList<>(List.of("synthesize-sine", "--output", out.toString()));
        args.addAll(List.of(options));
        ToolRun r = ToolRun.run(args.toArray(String[]::new));
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("Wrote ");
        List<JsonNode> rows = new ArrayList<>();
        for (String line : Files.readAllLines(out)) {
            rows.add(JSON.readTree(line));
        }
        return rows;
    }

    private static final String[] SHAPE = {"--duration", "400", "--request-rate-min", "2", "--request-rate-max", "18",
        "--request-rate-period", "40", "--random-seed", "7"};

    @Test
    void sameSeedSameFileOtherSeedOtherFile() throws Exception {
        synthesize("a.jsonl", SHAPE);
        synthesize("b.jsonl", SHAPE);
        String[] other = SHAPE.clone();
        other[other.length - 1] = "8";
        synthesize("c.jsonl", other);
        assertThat(Files.readString(tmp.resolve("a.jsonl"))).isEqualTo(Files.readString(tmp.resolve("b.jsonl")))
                .isNotEqualTo(Files.readString(tmp.resolve("c.jsonl")));
    }

    @Test
    void rateFollowsTheSineQuarterByQuarter() throws Exception {
        List<JsonNode> rows = synthesize("t.jsonl", SHAPE);
        // rate(t) = 10 − 8·cos(2πt/40): each of the 10 periods holds 100 − 320/(2π) ≈ 49.1 requests in its first and
        // last quarters and 100 + 320/(2π) ≈ 150.9 in its middle two.
        long[] quarter = new long[4];
        long previous = -1;
        for (JsonNode row : rows) {
            long ts = row.get("timestamp").asLong();
            assertThat(ts).isBetween(previous, 400_000L);
            previous = ts;
            quarter[(int) ((ts % 40_000) / 10_000)]++;
        }
        double low = 10 * (100 - 320 / (2 * Math.PI));
        double high = 10 * (100 + 320 / (2 * Math.PI));
        assertThat((double) quarter[0]).isCloseTo(low, within(5 * Math.sqrt(low)));
        assertThat((double) quarter[1]).isCloseTo(high, within(5 * Math.sqrt(high)));
        assertThat((double) quarter[2]).isCloseTo(high, within(5 * Math.sqrt(high)));
        assertThat((double) quarter[3]).isCloseTo(low, within(5 * Math.sqrt(low)));
        assertThat((double) rows.size()).isCloseTo(4000, within(5 * Math.sqrt(4000)));
    }

    @Test
    void mixFollowsItsOwnSine() throws Exception {
        List<JsonNode> rows = synthesize("m.jsonl", "--duration", "400", "--request-rate-min", "20",
                "--request-rate-max", "20", "--request-rate-period", "10", "--isl-osl-ratio-min", "0",
                "--isl-osl-ratio-max", "1", "--isl-osl-ratio-period", "40", "--isl1", "11", "--osl1", "12",
                "--isl2", "21", "--osl2", "22", "--random-seed", "3");
        // share(t) = 0.5 − 0.5·cos(2πt/40) averages 0.5 − 1/π ≈ 0.18 over the outer quarters, 0.82 over the inner.
        long[] firstPair = new long[2];
        long[] all = new long[2];
        for (JsonNode row : rows) {
            long q = (row.get("timestamp").asLong() % 40_000) / 10_000;
            int inner = q == 1 || q == 2 ? 1 : 0;
            all[inner]++;
            if (row.get("input_length").asInt() == 11) {
                assertThat(row.get("output_length").asInt()).isEqualTo(12);
                firstPair[inner]++;
            } else {
                assertThat(row.get("input_length").asInt()).isEqualTo(21);
                assertThat(row.get("output_length").asInt()).isEqualTo(22);
            }
            assertThat(row.has("hash_ids")).isFalse();
        }
        assertThat((double) firstPair[0] / all[0]).isCloseTo(0.5 - 1 / Math.PI, within(0.04));
        assertThat((double) firstPair[1] / all[1]).isCloseTo(0.5 + 1 / Math.PI, within(0.04));
    }

    @Test
    void fixedMixAndHashIds() throws Exception {
        List<JsonNode> rows = synthesize("h.jsonl", "--duration", "10", "--request-rate-min", "5",
                "--request-rate-max", "5", "--request-rate-period", "10", "--isl-osl-ratio-min", "1",
                "--isl-osl-ratio-max", "1", "--isl1", "1000", "--total-blocks", "50", "--random-seed", "1");
        assertThat(rows).isNotEmpty().allSatisfy(row -> {
            assertThat(row.get("input_length").asInt()).isEqualTo(1000);
            assertThat(row.get("output_length").asInt()).isEqualTo(2000);
            assertThat(row.get("hash_ids")).hasSize(2);
            row.get("hash_ids").forEach(h -> assertThat(h.asLong()).isBetween(0L, 49L));
        });
    }

    @Test
    void partialLastStepStaysInsideTheDuration() throws Exception {
        List<JsonNode> rows = synthesize("p.jsonl", "--duration", "2.5", "--request-rate-min", "50",
                "--request-rate-max", "50", "--request-rate-period", "1", "--time-step", "1", "--random-seed", "5");
        assertThat(rows).isNotEmpty()
                .allSatisfy(row -> assertThat(row.get("timestamp").asLong()).isBetween(0L, 2500L));
        assertThat(rows.get(rows.size() - 1).get("timestamp").asLong()).isGreaterThan(2000L);
    }

    @Test
    void badOptionsAreOneLineUsageErrors() {
        String out = tmp.resolve("x.jsonl").toString();
        ToolRun.run("synthesize-sine", "--output", out, "--duration", "0", "--request-rate-min", "1",
                "--request-rate-max", "2", "--request-rate-period", "3").failsWith(2, "--duration");
        ToolRun.run("synthesize-sine", "--output", out, "--duration", "5", "--request-rate-min", "3",
                "--request-rate-max", "2", "--request-rate-period", "3").failsWith(2, "--request-rate-max");
        ToolRun.run("synthesize-sine", "--output", out, "--duration", "5", "--request-rate-min", "1",
                "--request-rate-max", "2", "--request-rate-period", "3", "--isl-osl-ratio-max", "1.5")
                .failsWith(2, "--isl-osl-ratio-max");
        ToolRun.run("synthesize-sine", "--output", out, "--duration", "5", "--request-rate-min", "1",
                "--request-rate-max", "2").failsWith(2, "--request-rate-period");
        ToolRun.run("synthesize-sine", "--output", out, "--duration", "soon", "--request-rate-min", "1",
                "--request-rate-max", "2", "--request-rate-period", "3").failsWith(2, "--duration");
        ToolRun.run("synthesize-sine", "--output", tmp.resolve("no/such/dir/x.jsonl").toString(), "--duration", "5",
                "--request-rate-min", "1", "--request-rate-max", "2", "--request-rate-period", "3")
                .failsWith(2, "directory does not exist");
        assertThat(Files.exists(Path.of(out))).isFalse();
    }

    @Test
    void badShapeOptionsNameTheOptionAndTheValue() {
        String out = tmp.resolve("x.jsonl").toString();
        sine(out, "--time-step", "0").failsWith(2, "--time-step must be a positive number of seconds (got 0.0)");
        sine(out, "--time-step", "Infinity")
                .failsWith(2, "--time-step must be a positive number of seconds (got Infinity)");
        sine(out, "--isl-osl-ratio-period", "-1")
                .failsWith(2, "--isl-osl-ratio-period must be a positive number of seconds (got -1.0)");
        sine(out, "--isl-osl-ratio-period", "NaN")
                .failsWith(2, "--isl-osl-ratio-period must be a positive number of seconds (got NaN)");
        sine(out, "--isl1", "0").failsWith(2, "--isl1 must be at least 1 (got 0)");
        sine(out, "--osl1", "-3").failsWith(2, "--osl1 must be at least 1 (got -3)");
        sine(out, "--block-size", "0").failsWith(2, "--block-size must be at least 1 (got 0)");
        sine(out, "--total-blocks", "-1").failsWith(2, "--total-blocks must not be negative (got -1)");
        sine(out, "--request-rate-min", "-1")
                .failsWith(2, "need 0 <= --request-rate-min <= --request-rate-max (got -1.0, 2.0)");
        assertThat(Files.exists(Path.of(out))).isFalse();
    }

    /** A valid command line with the option/value pairs of {@code extra} replacing or adding to it. */
    private static ToolRun sine(String out, String... extra) {
        java.util.Map<String, String> options = new java.util.LinkedHashMap<>();
        options.put("--output", out);
        options.put("--duration", "5");
        options.put("--request-rate-min", "1");
        options.put("--request-rate-max", "2");
        options.put("--request-rate-period", "3");
        for (int i = 0; i < extra.length; i += 2) {
            options.put(extra[i], extra[i + 1]);
        }
        List<String> args = new ArrayList<>(List.of("synthesize-sine"));
        options.forEach((k, v) -> {
            args.add(k);
            args.add(v);
        });
        return ToolRun.run(args.toArray(String[]::new));
    }
}
