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

/** Reading the published formats into numbered problems, and the prompt each benchmark builds. */
class AccuracyProblemsTest {

    @TempDir
    Path tmp;

    @Test
    void mmluReadsEverySubjectsTestRowsInSubjectOrderWithTheirLetters() {
        List<AccuracyProblem> problems = AccuracyProblems.load(config(AccuracyBenchmark.MMLU, "mmlu", 0, false,
                List.of()));
        assertThat(problems).extracting(AccuracyProblem::task)
                .containsExactly("abstract_algebra", "abstract_algebra", "abstract_algebra", "anatomy", "anatomy");
        assertThat(problems).extracting(AccuracyProblem::expected).containsExactly("C", "B", "C", "D", "B");
        assertThat(problems).extracting(AccuracyProblem::conversationId)
                .containsExactly("session_000000", "session_000001", "session_000002", "session_000003",
                        "session_000004");
        // a quoted question spans two lines of the CSV and stays one row
        assertThat(problems.get(2).prompt()).contains("Every group of order 4 is abelian.\nStatement 2");
        assertThat(problems.get(0).maxTokens()).isEqualTo(5);
    }

    @Test
    void mmluZeroShotIsTheHeaderTheQuestionItsOptionsAndAnswer() {
        AccuracyProblem p = AccuracyProblems.load(config(AccuracyBenchmark.MMLU, "mmlu", 0, false,
                List.of("anatomy"))).get(1);
        assertThat(p.prompt()).isEqualTo("The following are multiple choice questions (with answers) about "
                + "anatomy.\n\nThe femur is located in the\nA. arm\nB. thigh\nC. skull\nD. chest\nAnswer:");
    }

    @Test
    void mmluFewShotsComeFromTheSubjectsDevSplitWithTheirAnswers() {
        AccuracyProblem p = AccuracyProblems.load(config(AccuracyBenchmark.MMLU, "mmlu", 2, false,
                List.of("abstract_algebra"))).get(0);
        String[] blocks = p.prompt().split("\n\n");
        assertThat(blocks).hasSize(4); // header, two examples, the question
        assertThat(blocks[1]).startsWith("What is the order of the element 2").endsWith("Answer: C");
        assertThat(blocks[2]).contains("Statement 1 | The integers under addition").endsWith("Answer: C");
        assertThat(blocks[3]).startsWith("Find the degree of the field extension").endsWith("Answer:");
    }

    @Test
    void mmluAsksForMoreShotsThanTheDevSplitHasGetsThemAll() {
        AccuracyProblem p = AccuracyProblems.load(config(AccuracyBenchmark.MMLU, "mmlu", 5, false,
                List.of("anatomy"))).get(0);
        assertThat(p.prompt().split("\n\n")).hasSize(1 + 2 + 1);
    }

    @Test
    void mmluChainOfThoughtAddsTheInstructionThePrimerAndTheLargerBudget() {
        AccuracyProblem p = AccuracyProblems.load(config(AccuracyBenchmark.MMLU, "mmlu", 1, true,
                List.of("anatomy"))).get(0);
        assertThat(p.prompt()).contains("output the answer in the format of \"The answer is (X)\" at the end.")
                .endsWith("Answer: Let's think step by step.");
        assertThat(p.maxTokens()).isEqualTo(4000);
    }

    @Test
    void anUnknownTaskNamesTheTasksTheFilesHave() {
        assertThatThrownBy(() -> AccuracyProblems.load(config(AccuracyBenchmark.MMLU, "mmlu", 0, false,
                List.of("astronomy"))))
                .isInstanceOf(DatasetFileException.class)
                .hasMessageContaining("no task 'astronomy'")
                .hasMessageContaining("abstract_algebra, anatomy");
    }

    @Test
    void aimeReadsCapitalisedFieldsAndUsesTheOtherProblemsAsWorkedExamples() {
        List<AccuracyProblem> problems = AccuracyProblems.load(config(AccuracyBenchmark.AIME, "aime.jsonl", 8,
                true, List.of()));
        assertThat(problems).extracting(AccuracyProblem::expected).containsExactly("24", "8", "9");
        String prompt = problems.get(1).prompt();
        // the two other problems, with solutions under CoT, never the problem itself as its own example
        assertThat(prompt.split("\\*\\*Problem\\*\\*:", -1)).hasSize(4);
        assertThat(prompt).contains("**Solution**: We have $2^{10} = 1024$")
                .contains("**Answer**: 24\n\n")
                .endsWith("**Problem**: Let $x$ be a positive real number with $x^2 = 49$. Find $x + 1$.\n"
                        + "**Answer**: Let's think step-by-step.");
        assertThat(prompt.indexOf("x^2 = 49")).isEqualTo(prompt.lastIndexOf("x^2 = 49"));
    }

    @Test
    void aimeWithoutCotLeavesTheSolutionsOut() {
        String prompt = AccuracyProblems.load(config(AccuracyBenchmark.AIME, "aime.jsonl", 1, false, List.of()))
                .get(0).prompt();
        assertThat(prompt).doesNotContain("**Solution**").endsWith("**Answer**:");
    }

    @Test
    void math500ZeroShotIsTheBareProblemAndTakesTheBoxedAnswerWhenTheRowHasNone() {
        List<AccuracyProblem> problems = AccuracyProblems.load(config(AccuracyBenchmark.MATH_500, "math_500.jsonl",
                0, false, List.of()));
        assertThat(problems.get(0).prompt()).isEqualTo("What is $\\frac{1}{2} + \\frac{1}{4}$?");
        assertThat(problems).extracting(AccuracyProblem::expected).containsExactly("\\frac{3}{4}", "5\\sqrt{2}");
        assertThat(problems).extracting(AccuracyProblem::task).containsOnly("math_500");
    }

    @Test
    void hellaswagLettersTheRightEndingAndTakesOneExamplePerActivity() {
        List<AccuracyProblem> problems = AccuracyProblems.load(config(AccuracyBenchmark.HELLASWAG,
                "hellaswag.jsonl", 10, false, List.of()));
        assertThat(problems).extracting(AccuracyProblem::expected).containsExactly("C", "A", "B");
        assertThat(problems).extracting(AccuracyProblem::task)
                .containsExactly("Baking cookies", "Washing a car", "Baking cookies");
        String first = problems.get(0).prompt();
        // examples: the first other row of each activity (row 2, then row 3), then the question
        assertThat(first.split("\n\n")).hasSize(1 + 2 + 1);
        assertThat(first).contains("A man sprays soapy water over a car. he\nA. scrubs the hood")
                .endsWith("A woman pours flour into a bowl. she\nA. throws the bowl out of the window.\n"
                        + "B. paints the bowl bright red.\nC. cracks two eggs into the flour and stirs.\n"
                        + "D. sings to the oven until it opens.\nAnswer:");
    }

    @Test
    void aBadRowIsOneLineNamingTheFileAndTheProblem() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("mmlu/test"));
        Files.writeString(dir.resolve("virology_test.csv"), "What is a virus?,A,B,C,D,E\n");
        assertThatThrownBy(() -> MmluFiles.read(tmp.resolve("mmlu")))
                .isInstanceOf(DatasetFileException.class)
                .hasMessageContaining("virology_test.csv")
                .hasMessageContaining("answer 'E' is not one of A, B, C, D");
        Path jsonl = tmp.resolve("aime.jsonl");
        Files.writeString(jsonl, "{\"problem\": \"1+1?\", \"answer\": 2}\n{\"problem\": \"no answer\"}\n");
        assertThatThrownBy(() -> MathJsonl.read(jsonl, "aime"))
                .isInstanceOf(DatasetFileException.class)
                .hasMessage(jsonl + ":2: no \"answer\" field (nor a \\boxed{} answer in \"solution\")");
    }

    @Test
    void theSameConfigGivesTheSameProblemsSoBothSidesAgreeOnIds() {
        var config = config(AccuracyBenchmark.MMLU, "mmlu", 5, false, List.of("anatomy"));
        assertThat(AccuracyProblems.load(config)).isEqualTo(AccuracyProblems.load(config));
    }
}
