package io.aiperf.core.dataset.accuracy;

import io.aiperf.core.config.AccuracyBenchmark;
import io.aiperf.core.dataset.file.DatasetFileException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static io.aiperf.core.dataset.accuracy.AccuracyFixtures.config;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** BIG-bench task files (BIG-bench's task.json folders and BIG-Bench Hard's files) into problems and prompts. */
class BigBenchJsonTest {

    @TempDir
    Path tmp;

    @Test
    void taskFoldersAreTasksInNameOrderWithTargetsOrTheBestScoredOption() {
        List<AccuracyProblem> problems = AccuracyProblems.load(config(AccuracyBenchmark.BIGBENCH, "bigbench", 0,
                false, List.of()));
        assertThat(problems).extracting(AccuracyProblem::task).containsExactly("arithmetic_words",
                "arithmetic_words", "arithmetic_words", "odd_one_out", "odd_one_out");
        // a list target gives its first string
        assertThat(problems).extracting(AccuracyProblem::expected)
                .containsExactly("five", "six", "nine", "hammer", "table");
        assertThat(problems).extracting(AccuracyProblem::maxTokens).containsOnly(1024);
    }

    @Test
    void examplesAreTheTasksFirstOtherRowsAsQAndA() {
        List<AccuracyProblem> problems = AccuracyProblems.load(config(AccuracyBenchmark.BIGBENCH, "bigbench", 2,
                false, List.of("arithmetic_words")));
        assertThat(problems.get(0).prompt()).isEqualTo("Q: What is ten minus four?\nA: six\n\n"
                + "Q: What is three times three?\nA: nine\n\nQ: What is two plus three?\nA:");
        assertThat(problems.get(2).prompt()).startsWith("Q: What is two plus three?\nA: five\n\n");
    }

    @Test
    void aMultipleChoiceRowListsItsOptionsAndCotPrimesTheAnswer() {
        AccuracyProblem p = AccuracyProblems.load(config(AccuracyBenchmark.BIGBENCH, "bigbench", 0, true,
                List.of("odd_one_out"))).get(1);
        assertThat(p.prompt()).isEqualTo("Q: Which word does not belong: red, blue, table?\n  choice: red\n"
                + "  choice: table\n  choice: blue\nA: Let's think step by step.");
    }

    @Test
    void bigBenchHardFilesAreTasksNamedByFile() {
        List<AccuracyProblem> problems = AccuracyProblems.load(config(AccuracyBenchmark.BIGBENCH, "bbh", 3, false,
                List.of()));
        assertThat(problems).extracting(AccuracyProblem::task).containsExactly("boolean_expressions",
                "boolean_expressions", "word_sorting");
        assertThat(problems).extracting(AccuracyProblem::expected).containsExactly("False", "True", "apple pear");
        // word_sorting has no other row: no example
        assertThat(problems.get(2).prompt()).isEqualTo("Q: Sort the following words alphabetically: List: pear "
                + "apple\nA:");
        assertThat(AccuracyProblems.load(config(AccuracyBenchmark.BIGBENCH, "bbh/word_sorting.json", 0, false,
                List.of()))).extracting(AccuracyProblem::task).containsExactly("word_sorting");
    }

    @Test
    void anUnknownTaskNamesTheTasksThereAre() {
        assertThatThrownBy(() -> AccuracyProblems.load(config(AccuracyBenchmark.BIGBENCH, "bbh", 0, false,
                List.of("navigate")))).isInstanceOf(DatasetFileException.class)
                .hasMessageContaining("no task 'navigate'")
                .hasMessageContaining("boolean_expressions, word_sorting");
    }

    @Test
    void aRowWithoutAnAnswerOrADirectoryWithoutTasksIsOneLine() throws Exception {
        Path file = tmp.resolve("broken.json");
        Files.writeString(file, "{\"examples\": [{\"input\": \"1+1\", \"target\": \"2\"}, {\"input\": \"2+2\"}]}");
        assertThatThrownBy(() -> BigBenchJson.read(file)).isInstanceOf(DatasetFileException.class)
                .hasMessageContaining("broken.json")
                .hasMessageContaining("example 2: neither \"target\" nor \"target_scores\"");
        Path none = Files.createDirectories(tmp.resolve("empty"));
        assertThatThrownBy(() -> BigBenchJson.read(none)).isInstanceOf(DatasetFileException.class)
                .hasMessageContaining("no BIG-bench task found");
    }
}
