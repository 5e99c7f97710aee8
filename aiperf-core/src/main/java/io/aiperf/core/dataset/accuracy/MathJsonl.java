package io.aiperf.core.dataset.accuracy;

import io.aiperf.core.dataset.file.DatasetFileException;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * AIME and MATH-500 as published on the hub, one JSON object a line: {@code problem} and {@code answer} (any case:
 * AIME_2024 writes {@code Problem}, {@code Answer}), and {@code solution} when present. A row without an answer takes
 * the last {@code \boxed{}} of its solution (MATH's own convention). One task, named after the benchmark.
 */
final class MathJsonl {

    private MathJsonl() {
    }

    static BenchmarkSet read(Path file, String task) {
        List<BenchmarkItem> items = new ArrayList<>();
        for (JsonlObjects.Row row : JsonlObjects.read(file)) {
            String problem = row.text("problem", "question");
            String solution = row.text("solution");
            String answer = row.text("answer");
            if (answer == null && solution != null) {
                answer = Boxed.last(solution);
            }
            if (problem == null || problem.isBlank()) {
                throw DatasetFileException.atLine(file.toString(), row.line(), "no \"problem\" field");
            }
            if (answer == null || answer.isBlank()) {
                throw DatasetFileException.atLine(file.toString(), row.line(),
                        "no \"answer\" field (nor a \\boxed{} answer in \"solution\")");
            }
            items.add(new BenchmarkItem(task, problem, List.of(), answer.trim(), solution));
        }
        return new BenchmarkSet(items, Map.of(task, items), true);
    }
}
