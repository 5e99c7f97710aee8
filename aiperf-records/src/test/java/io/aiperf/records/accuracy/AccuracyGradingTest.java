package io.aiperf.records.accuracy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aiperf.core.config.AccuracyBenchmark;
import io.aiperf.core.config.AccuracyConfig;
import io.aiperf.core.config.AccuracyGrader;
import io.aiperf.core.config.ExportLevel;
import io.aiperf.core.config.OutputConfig;
import io.aiperf.core.dataset.accuracy.AccuracyProblem;
import io.aiperf.core.dataset.accuracy.AccuracyProblems;
import io.aiperf.core.message.RequestRecord;
import io.aiperf.core.model.CreditPhase;
import io.aiperf.core.model.ErrorDetails;
import io.aiperf.core.model.ResponseChunk;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The grading path end to end below the sockets: MMLU files on disk, the answer key read from them as the records
 * side does, records whose response text comes from a fake model that is right for every other problem, and the
 * files and table that come out.
 */
class AccuracyGradingTest {

    @TempDir
    Path tmp;

    private AccuracyConfig mmlu(boolean verbose) throws Exception {
        Path test = Files.createDirectories(tmp.resolve("data/test"));
        Files.writeString(test.resolve("astronomy_test.csv"), """
                Which planet is closest to the Sun?,Venus,Mercury,Earth,Mars,B
                What is the Sun mostly made of?,Iron,Carbon,Hydrogen,Silicon,C
                How many moons does Mars have?,0,1,2,3,C
                Which of these is a dwarf planet?,Pluto,Neptune,Saturn,Jupiter,A
                """);
        Files.writeString(test.resolve("virology_test.csv"), """
                "A virus that infects bacteria is called a",bacteriophage,prion,viroid,plasmid,A
                Which molecule carries the genome of influenza?,DNA,RNA,protein,lipid,B
                """);
        return new AccuracyConfig(AccuracyBenchmark.MMLU, List.of(), 0, false, AccuracyGrader.MULTIPLE_CHOICE, null,
                verbose, tmp.resolve("data").toString());
    }

    private OutputConfig output(String prefix) {
        return new OutputConfig(tmp.resolve("run").toString(), ExportLevel.RECORDS, prefix, null, false, false);
    }

    /** A fake model: the right letter for even problems, the next letter for odd ones. */
    private static String answer(AccuracyProblem p, int index) {
        return index % 2 == 0 ? p.expected() : String.valueOf((char) ('A' + (p.expected().charAt(0) - 'A' + 1) % 4));
    }

    private static RequestRecord record(AccuracyProblem p, long credit, String text, ErrorDetails error) {
        List<ResponseChunk> chunks = text == null ? List.of() : List.of(new ResponseChunk(1_000, text, null));
        return new RequestRecord("worker_1", credit, CreditPhase.PROFILING, p.conversationId(), 0, "req-" + credit,
                "corr-" + credit, 0, 10, 20, 30, 40, 1_000_000, error == null ? 200 : 500, chunks, null, error, false,
                -1, null, 10L, 5, null, null, -1, credit);
    }

    @Test
    void halfTheAnswersRightIsFiftyPercentPerTaskAndOverall() throws Exception {
        AccuracyConfig config = mmlu(false);
        List<AccuracyProblem> problems = AccuracyProblems.load(config);
        try (AccuracyExports exports = new AccuracyExports(AnswerKey.of(config), config, output(null))) {
            for (int i = 0; i < problems.size(); i++) {
                exports.accept(record(problems.get(i), i, answer(problems.get(i), i), null), "record_processor_0", 7L);
            }
            exports.close();
            exports.writeResults();
            assertThat(Files.readString(tmp.resolve("run/accuracy_results.csv"))).isEqualTo("""
                    task,total,passed,unparsed,accuracy_rate,unparsed_rate
                    astronomy,4,2,0,0.5,0.0
                    virology,2,1,0,0.5,0.0
                    OVERALL,6,3,0,0.5,0.0
                    """);
            assertThat(exports.report(false)).contains("| OVERALL   |       3 |     6 |        0 |   50.00% |");
        }
        List<String> lines = Files.readAllLines(tmp.resolve("run/accuracy_export.jsonl"));
        assertThat(lines).hasSize(6);
        JsonNode second = new ObjectMapper().readTree(lines.get(1));
        List<String> fields = new ArrayList<>();
        second.fieldNames().forEachRemaining(fields::add);
        assertThat(fields).containsExactly("session_num", "conversation_id", "x_request_id", "worker_id",
                "benchmark_phase", "timestamp_ns", "task", "grader_name", "passed", "unparsed", "confidence",
                "expected", "actual", "explanation", "model_output", "model_thinking");
        assertThat(second.get("conversation_id").asText()).isEqualTo("session_000001");
        assertThat(second.get("expected").asText()).isEqualTo("C");
        assertThat(second.get("actual").asText()).isEqualTo("D");
        assertThat(second.get("passed").asBoolean()).isFalse();
        assertThat(second.get("model_thinking").isNull()).isTrue();
    }

    @Test
    void gpqaIsGradedByTheLetterTheCorrectAnswerWasShuffledTo() throws Exception {
        Path csv = tmp.resolve("gpqa_diamond.csv");
        Files.writeString(csv, """
                Question,Correct Answer,Incorrect Answer 1,Incorrect Answer 2,Incorrect Answer 3,Record ID
                "Which planet is closest
                to the Sun?",Mercury,Venus,Earth,Mars,r1
                Which element has atomic number 1?,Hydrogen,Helium,Lithium,Carbon,r2
                """);
        AccuracyConfig config = new AccuracyConfig(AccuracyBenchmark.GPQA_DIAMOND, List.of(), 0, false,
                AccuracyGrader.MULTIPLE_CHOICE, null, false, csv.toString(), 9L);
        List<AccuracyProblem> problems = AccuracyProblems.load(config);
        // a fake model that reads the prompt: it finds the correct answer's line and names its letter
        String[] correct = {"Mercury", "Hydrogen"};
        try (AccuracyExports exports = new AccuracyExports(AnswerKey.of(config), config, output(null))) {
            for (int i = 0; i < problems.size(); i++) {
                String right = ") " + correct[i];
                String line = problems.get(i).prompt().lines().filter(l -> l.endsWith(right)).findFirst()
                        .orElseThrow();
                exports.accept(record(problems.get(i), i, "It is the first one.\nAnswer: " + line.charAt(0), null),
                        "p", 1L);
            }
            assertThat(exports.tally().results()).containsExactly(
                    new AccuracyTally.TaskResult("gpqa_diamond", 2, 2, 0),
                    new AccuracyTally.TaskResult(AccuracyTally.OVERALL, 2, 2, 0));
        }
    }

    @Test
    void failedRequestsAndForeignConversationsAreNotGraded() throws Exception {
        AccuracyConfig config = mmlu(true);
        List<AccuracyProblem> problems = AccuracyProblems.load(config);
        try (AccuracyExports exports = new AccuracyExports(AnswerKey.of(config), config, output("run1"))) {
            exports.accept(record(problems.get(0), 0, "B", null), "p", 1L);
            exports.accept(record(problems.get(1), 1, null, new ErrorDetails(500, "Internal Server Error", "x")),
                    "p", 1L);
            exports.accept(record(new AccuracyProblem("other", "t", "", "A", null), 2, "A", null), "p", 1L);
            assertThat(exports.tally().results()).containsExactly(
                    new AccuracyTally.TaskResult("astronomy", 1, 1, 0),
                    new AccuracyTally.TaskResult(AccuracyTally.OVERALL, 1, 1, 0));
            assertThat(exports.report(false)).contains("session_000000 [astronomy] PASS expected 'B' got 'B'");
        }
        assertThat(tmp.resolve("run/run1_accuracy.jsonl")).exists();
    }
}
