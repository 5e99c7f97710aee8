package io.aiperf.core.dataset.accuracy;

import io.aiperf.core.config.AccuracyBenchmark;
import io.aiperf.core.config.AccuracyConfig;
import io.aiperf.core.dataset.file.DatasetFileException;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A run's accuracy problems, read from {@link AccuracyConfig#datasetPath()} and numbered {@code session_000000},
 * {@code session_000001}, ... in file order after the {@code --accuracy-tasks} filter. The same configuration gives
 * the same problems with the same ids, which is how the records side, reading the files again, knows each
 * conversation's expected answer without it travelling with the requests.
 */
public final class AccuracyProblems {

    private AccuracyProblems() {
    }

    /**
     * @throws DatasetFileException for a file that cannot be read, a bad row, or a task the files do not have
     *                              (one printable line)
     */
    public static List<AccuracyProblem> load(AccuracyConfig config) {
        Path path = Path.of(config.datasetPath());
        BenchmarkSet set = read(config.benchmark(), path, config.seed());
        PromptTemplate template = template(config.benchmark());
        Set<String> known = new LinkedHashSet<>();
        set.graded().forEach(i -> known.add(i.task()));
        for (String task : config.tasks()) {
            if (!known.contains(task)) {
                throw DatasetFileException.forFile(path.toString(), "--accuracy-tasks: no task '" + task
                        + "' in the " + config.benchmark().cliName() + " files (they have: " + list(known) + ")");
            }
        }
        List<AccuracyProblem> problems = new ArrayList<>();
        for (BenchmarkItem item : set.graded()) {
            if (!config.tasks().isEmpty() && !config.tasks().contains(item.task())) {
                continue;
            }
            List<BenchmarkItem> shots = template.shots(item, set, config.shots());
            problems.add(new AccuracyProblem(String.format("session_%06d", problems.size()), item.task(),
                    template.prompt(item, shots, config.cot()), item.answer(), template.maxTokens(config.cot())));
        }
        return problems;
    }

    static BenchmarkSet read(AccuracyBenchmark benchmark, Path path, Long seed) {
        return switch (benchmark) {
            case MMLU -> MmluFiles.read(path);
            case AIME, AIME24, AIME25, MATH_500 -> MathJsonl.read(path, benchmark.cliName());
            case HELLASWAG -> HellaSwagJsonl.read(path);
            case BIGBENCH -> BigBenchJson.read(path);
            case GPQA_DIAMOND -> GpqaCsv.read(path, seed);
            default -> throw new IllegalArgumentException(benchmark.cliName() + " files are not read");
        };
    }

    static PromptTemplate template(AccuracyBenchmark benchmark) {
        return switch (benchmark) {
            case MMLU -> new MmluPrompt();
            case AIME -> new MathPrompt(false);
            case AIME24, AIME25, MATH_500 -> new MathPrompt(true);
            case HELLASWAG -> new HellaSwagPrompt();
            case BIGBENCH -> new BigBenchPrompt();
            case GPQA_DIAMOND -> new GpqaPrompt();
            default -> throw new IllegalArgumentException(benchmark.cliName() + " has no prompt template");
        };
    }

    private static String list(Set<String> tasks) {
        List<String> shown = tasks.stream().limit(10).toList();
        return String.join(", ", shown) + (tasks.size() > shown.size() ? ", ..." : "");
    }
}
