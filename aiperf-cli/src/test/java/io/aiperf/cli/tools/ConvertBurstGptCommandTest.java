package io.aiperf.cli.tools;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ConvertBurstGptCommandTest {

    /** Columns out of BurstGPT's order; the row at 120 s is a failed request (0 response tokens). */
    private static final String CSV = """
            Model,Timestamp,Request tokens,Response tokens,Total tokens,Log Type
            ChatGPT,5,472,18,490,Conversation log
            ChatGPT,45,1087,230,1317,Conversation log

            GPT-4,118,417,276,693,Conversation log
            ChatGPT,120,300,0,300,Conversation log
            GPT-4,200,2000,50,2050,API log
            "ChatGPT",305,100,20,120,"API log"
            """;

    @TempDir
    Path tmp;

    private Path csv(String text) throws Exception {
        Path f = tmp.resolve("burst.csv");
        Files.writeString(f, text);
        return f;
    }

    private List<String> convert(String csvText, String... options) throws Exception {
        Path out = tmp.resolve("out.jsonl");
        List<String> args = new ArrayList<>(List.of("convert-burstgpt", "--input", csv(csvText).toString(),
                "--output", out.toString()));
        args.addAll(List.of(options));
        ToolRun r = ToolRun.run(args.toArray(String[]::new));
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("Wrote ");
        return Files.readAllLines(out);
    }

    @Test
    void convertsEveryUsableRowRelativeToTheFirst() throws Exception {
        assertThat(convert(CSV)).containsExactly(
                "{\"timestamp\":0,\"input_length\":472,\"output_length\":18}",
                "{\"timestamp\":40000,\"input_length\":1087,\"output_length\":230}",
                "{\"timestamp\":113000,\"input_length\":417,\"output_length\":276}",
                "{\"timestamp\":195000,\"input_length\":2000,\"output_length\":50}",
                "{\"timestamp\":300000,\"input_length\":100,\"output_length\":20}");
    }

    @Test
    void modelFilterAndSpeedUp() throws Exception {
        assertThat(convert(CSV, "--model", "chatgpt", "--speed-ratio", "2")).containsExactly(
                "{\"timestamp\":0,\"input_length\":472,\"output_length\":18}",
                "{\"timestamp\":20000,\"input_length\":1087,\"output_length\":230}",
                "{\"timestamp\":150000,\"input_length\":100,\"output_length\":20}");
    }

    @Test
    void slowDownStretchesGaps() throws Exception {
        assertThat(convert(CSV, "--speed-ratio", "0.5", "--max-requests", "2")).containsExactly(
                "{\"timestamp\":0,\"input_length\":472,\"output_length\":18}",
                "{\"timestamp\":80000,\"input_length\":1087,\"output_length\":230}");
    }

    @Test
    void timeWindowAndLengthBounds() throws Exception {
        assertThat(convert(CSV, "--start-time", "40", "--end-time", "200", "--max-isl", "1500")).containsExactly(
                "{\"timestamp\":0,\"input_length\":1087,\"output_length\":230}",
                "{\"timestamp\":73000,\"input_length\":417,\"output_length\":276}");
        // 1087/230 and 417/276 exceed --max-osl, 100/20 is under --min-isl; 300/0 stays as --min-osl is 0.
        assertThat(convert(CSV, "--min-osl", "0", "--min-isl", "300", "--max-osl", "100")).containsExactly(
                "{\"timestamp\":0,\"input_length\":472,\"output_length\":18}",
                "{\"timestamp\":115000,\"input_length\":300,\"output_length\":0}",
                "{\"timestamp\":195000,\"input_length\":2000,\"output_length\":50}");
    }

    @Test
    void logTypeSkipAndCap() throws Exception {
        assertThat(convert(CSV, "--log-type", "API LOG", "--skip-requests", "1", "--max-requests", "1"))
                .containsExactly("{\"timestamp\":0,\"input_length\":100,\"output_length\":20}");
    }

    @Test
    void headerNamesAreMatchedLeniently() throws Exception {
        assertThat(convert("\uFEFF Timestamp (s) ,request_tokens,RESPONSE TOKENS\n1.5,10,20\n2.25,30,40\n"))
                .containsExactly("{\"timestamp\":0,\"input_length\":10,\"output_length\":20}",
                        "{\"timestamp\":750,\"input_length\":30,\"output_length\":40}");
    }

    @Test
    void missingRequiredColumnIsOneLine() throws Exception {
        Path in = csv("Timestamp,Model,Request tokens\n1,ChatGPT,5\n");
        ToolRun.run("convert-burstgpt", "--input", in.toString(), "--output", tmp.resolve("o.jsonl").toString())
                .failsWith(1, in + ": missing required column(s) Response tokens");
        Path noModel = csv("Timestamp,Request tokens,Response tokens\n1,5,6\n");
        ToolRun.run("convert-burstgpt", "--input", noModel.toString(), "--output", tmp.resolve("o.jsonl").toString(),
                "--model", "GPT-4").failsWith(1, "Model (needed by --model)");
    }

    @Test
    void malformedRowNamesFileAndLine() throws Exception {
        Path in = csv("Timestamp,Request tokens,Response tokens\n1,5,6\n\n2,many,6\n");
        ToolRun.run("convert-burstgpt", "--input", in.toString(), "--output", tmp.resolve("o.jsonl").toString())
                .failsWith(1, in + ":4: Request tokens is not a non-negative whole number: 'many'");
        Path shortRow = csv("Timestamp,Request tokens,Response tokens\n1,5\n");
        ToolRun.run("convert-burstgpt", "--input", shortRow.toString(), "--output", tmp.resolve("o.jsonl").toString())
                .failsWith(1, shortRow + ":2: expected at least 3 fields, found 2");
        Path backwards = csv("Timestamp,Request tokens,Response tokens\n5,5,6\n3,5,6\n");
        ToolRun.run("convert-burstgpt", "--input", backwards.toString(), "--output",
                tmp.resolve("o.jsonl").toString()).failsWith(1, backwards + ":3: timestamp 3 is earlier");
    }

    @Test
    void aFailedConversionLeavesNoPartialFileBehind() throws Exception {
        Path in = csv("Timestamp,Request tokens,Response tokens\n1,5,6\n2,5,6\n3,x,6\n");
        Path out = tmp.resolve("fresh.jsonl");
        ToolRun.run("convert-burstgpt", "--input", in.toString(), "--output", out.toString()).failsWith(1, ":4:");
        assertThat(out).doesNotExist();

        Path existing = tmp.resolve("existing.jsonl");
        Files.writeString(existing, "keep me\n");
        ToolRun.run("convert-burstgpt", "--input", in.toString(), "--output", existing.toString())
                .failsWith(1, ":4:");
        assertThat(existing).hasContent("keep me");
        try (var files = Files.list(tmp)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
        }
    }

    @Test
    void badInputsAndOptionsAreUsageErrors() throws Exception {
        String out = tmp.resolve("o.jsonl").toString();
        ToolRun.run("convert-burstgpt", "--input", tmp.resolve("none.csv").toString(), "--output", out)
                .failsWith(2, "--input: no such file");
        String in = csv(CSV).toString();
        ToolRun.run("convert-burstgpt", "--input", in, "--output", out, "--speed-ratio", "0")
                .failsWith(2, "--speed-ratio");
        ToolRun.run("convert-burstgpt", "--input", in, "--output", out, "--start-time", "10", "--end-time", "5")
                .failsWith(2, "--end-time");
        ToolRun.run("convert-burstgpt", "--input", in, "--output", out, "--max-requests", "lots")
                .failsWith(2, "--max-requests");
        ToolRun.run("convert-burstgpt", "--input", in, "--output", out, "--start-time", "NaN")
                .failsWith(2, "--start-time must be a finite number (got NaN)");
        ToolRun.run("convert-burstgpt", "--input", in, "--output", out, "--end-time", "NaN")
                .failsWith(2, "--end-time must be a finite number (got NaN)");
        ToolRun.run("convert-burstgpt", "--input", in, "--output", out, "--max-isl", "5", "--min-isl", "10")
                .failsWith(2, "--max-isl (5) is below --min-isl (10)");
        ToolRun.run("convert-burstgpt", "--input", in, "--output", out, "--max-osl", "0")
                .failsWith(2, "--max-osl (0) is below --min-osl (1)");
        for (String negative : List.of("--min-isl", "--min-osl", "--skip-requests", "--max-requests")) {
            ToolRun.run("convert-burstgpt", "--input", in, "--output", out, negative, "-1")
                    .failsWith(2, "--min-isl, --min-osl, --skip-requests and --max-requests must not be negative");
        }
        ToolRun.run("convert-burstgpt", "--input", in, "--output", out, "--speed-ratio", "-2")
                .failsWith(2, "--speed-ratio must be a positive number (got -2.0)");
        assertThat(tmp.resolve("o.jsonl")).doesNotExist();
        ToolRun.run("convert-burstgpt", "--input", in).failsWith(2, "--output");
    }
}
