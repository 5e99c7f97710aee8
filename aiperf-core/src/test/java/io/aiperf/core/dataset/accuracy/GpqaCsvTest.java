package io.aiperf.core.dataset.accuracy;

import io.aiperf.core.config.AccuracyBenchmark;
import io.aiperf.core.config.AccuracyConfig;
import io.aiperf.core.dataset.file.DatasetFileException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static io.aiperf.core.dataset.accuracy.AccuracyFixtures.resource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** GPQA Diamond from its published CSV: quoted multi-line questions, the answers shuffled, the right letter kept. */
class GpqaCsvTest {

    @TempDir
    Path tmp;

    private static AccuracyConfig gpqa(Long seed) {
        AccuracyBenchmark b = AccuracyBenchmark.GPQA_DIAMOND;
        return new AccuracyConfig(b, List.of(), 0, false, b.defaultGrader(), null, false,
                resource("gpqa_diamond.csv").toString(), seed);
    }

    /** The text shown under {@code letter} in the prompt's {@code X) ...} lines. */
    private static String option(String prompt, String letter) {
        return Arrays.stream(prompt.split("\n")).filter(l -> l.startsWith(letter + ") ")).findFirst()
                .map(l -> l.substring(3)).orElseThrow();
    }

    @Test
    void everyQuestionIsOneProblemAndTheExpectedLetterShowsTheCorrectAnswer() {
        List<AccuracyProblem> problems = AccuracyProblems.load(gpqa(42L));
        assertThat(problems).extracting(AccuracyProblem::task).containsExactly("gpqa_diamond", "gpqa_diamond",
                "gpqa_diamond");
        assertThat(problems).extracting(p -> option(p.prompt(), p.expected()))
                .containsExactly("8 m/s", "Nitrogen", "The nucleus");
        assertThat(problems).extracting(AccuracyProblem::maxTokens).containsOnly(32768);
    }

    @Test
    void thePromptIsAiperfsZeroShotTemplateWithTheMultiLineQuestionKept() {
        AccuracyProblem first = AccuracyProblems.load(gpqa(7L)).get(0);
        String prompt = first.prompt();
        assertThat(prompt).startsWith(GpqaPrompt.INSTRUCTION + "\n\nA particle moves on a line.\nIts speed doubles "
                + "every second, starting at 1 m/s.\nWhat is its speed after 3 s?\n\nA) ");
        // the four answers, each once, the quoted comma kept inside its answer
        assertThat(List.of(option(prompt, "A"), option(prompt, "B"), option(prompt, "C"), option(prompt, "D")))
                .containsExactlyInAnyOrder("8 m/s", "6 m/s", "3 m/s", "4 m/s, roughly");
        assertThat(prompt.lines().filter(l -> l.matches("[A-D]\\) .*")).count()).isEqualTo(4);
    }

    @Test
    void doubledQuotesInAFieldAreOneQuote() {
        AccuracyProblem third = AccuracyProblems.load(gpqa(1L)).get(2);
        assertThat(third.prompt()).contains(") The \"Golgi\" apparatus");
    }

    @Test
    void theOrderIsTheSameForTheSameSeedAndMovesWithIt() {
        assertThat(AccuracyProblems.load(gpqa(42L))).isEqualTo(AccuracyProblems.load(gpqa(42L)));
        assertThat(AccuracyProblems.load(gpqa(null))).isEqualTo(AccuracyProblems.load(gpqa(null)));
        Set<String> orders = new HashSet<>();
        for (long seed = 0; seed < 8; seed++) {
            orders.add(Arrays.toString(GpqaCsv.order("Which gas makes up most of Earth's atmosphere?", seed)));
        }
        assertThat(orders).hasSizeGreaterThan(1);
        for (String order : orders) {
            assertThat(order).contains("0").contains("1").contains("2").contains("3");
        }
    }

    @Test
    void shotsAndCotChangeNothingAsInAiperf() {
        AccuracyBenchmark b = AccuracyBenchmark.GPQA_DIAMOND;
        AccuracyConfig asked = new AccuracyConfig(b, List.of(), 5, true, b.defaultGrader(), null, false,
                resource("gpqa_diamond.csv").toString(), 42L);
        assertThat(AccuracyProblems.load(asked)).isEqualTo(AccuracyProblems.load(gpqa(42L)));
    }

    @Test
    void aMissingColumnOrAnEmptyAnswerIsOneLineNamingIt() throws Exception {
        Path noColumn = tmp.resolve("no_column.csv");
        Files.writeString(noColumn, "Question,Correct Answer,Incorrect Answer 1,Incorrect Answer 2\nq,a,b,c\n");
        assertThatThrownBy(() -> GpqaCsv.read(noColumn, null)).isInstanceOf(DatasetFileException.class)
                .hasMessageContaining("no_column.csv").hasMessageContaining("no column Incorrect Answer 3");
        Path empty = tmp.resolve("empty_answer.csv");
        Files.writeString(empty, "Question,Correct Answer,Incorrect Answer 1,Incorrect Answer 2,Incorrect Answer 3\n"
                + "q1,a,b,c,d\nq2,a,,c,d\n");
        assertThatThrownBy(() -> GpqaCsv.read(empty, null)).isInstanceOf(DatasetFileException.class)
                .hasMessageContaining("row 2: empty \"Incorrect Answer 1\"");
    }
}
