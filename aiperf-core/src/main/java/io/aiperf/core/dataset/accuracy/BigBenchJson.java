package io.aiperf.core.dataset.accuracy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aiperf.core.dataset.file.DatasetFileException;
import io.aiperf.core.error.OneLine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * BIG-bench tasks in their published JSON: an object whose {@code examples} are {@code {input, target}} (a string, or
 * a list whose first string is taken) or {@code {input, target_scores}} (the options with a score each: the expected
 * answer is the best-scored one, score 1, and the options are shown). Two layouts: BIG-bench's
 * {@code <task>/task.json} (at most three levels down; the folder names the task) and BIG-Bench Hard's
 * {@code <task>.json} files (the {@code bbh} directory AIPerf's set comes from; the file names the task), or one such
 * file. Tasks in name order, rows in file order; few-shot examples are the task's first other rows.
 */
final class BigBenchJson {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TASK_FILE = "task.json";

    private BigBenchJson() {
    }

    static BenchmarkSet read(Path path) {
        Map<String, Path> tasks = taskFiles(path);
        List<BenchmarkItem> graded = new ArrayList<>();
        Map<String, List<BenchmarkItem>> byTask = new TreeMap<>();
        tasks.forEach((task, file) -> {
            List<BenchmarkItem> rows = rows(task, file);
            graded.addAll(rows);
            byTask.put(task, rows);
        });
        return new BenchmarkSet(graded, byTask, true);
    }

    /** Task name to file, by name. */
    static Map<String, Path> taskFiles(Path path) {
        Map<String, Path> tasks = new TreeMap<>();
        if (Files.isRegularFile(path)) {
            tasks.put(taskName(path), path);
            return tasks;
        }
        if (!Files.isDirectory(path)) {
            throw DatasetFileException.forFile(path.toString(), "not a file or directory");
        }
        try (Stream<Path> files = Files.find(path, 4, (p, a) -> a.isRegularFile()
                && p.getFileName().toString().endsWith(".json"))) {
            for (Path file : files.sorted().toList()) {
                boolean taskJson = file.getFileName().toString().equals(TASK_FILE);
                // BBH keeps its tasks right in the directory; deeper JSON files that are not task.json are not tasks
                if (!taskJson && !file.getParent().equals(path)) {
                    continue;
                }
                Path before = tasks.putIfAbsent(taskName(file), file);
                if (before != null) {
                    throw DatasetFileException.forFile(path.toString(), "two files for task '" + taskName(file)
                            + "': " + before + " and " + file);
                }
            }
        } catch (IOException e) {
            throw DatasetFileException.forFile(path.toString(), "cannot be listed: " + e.getMessage(), e);
        }
        if (tasks.isEmpty()) {
            throw DatasetFileException.forFile(path.toString(), "no BIG-bench task found (<task>/task.json or "
                    + "BIG-Bench Hard's <task>.json)");
        }
        return tasks;
    }

    private static String taskName(Path file) {
        String name = file.getFileName().toString();
        if (name.equals(TASK_FILE) && file.getParent() != null && file.getParent().getFileName() != null) {
            return file.getParent().getFileName().toString();
        }
        return name.endsWith(".json") ? name.substring(0, name.length() - ".json".length()) : name;
    }

    static List<BenchmarkItem> rows(String task, Path file) {
        JsonNode root;
        try {
            root = JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw DatasetFileException.forFile(file.toString(), "cannot be read as JSON: " + OneLine.of(e), e);
        }
        JsonNode examples = root == null ? null : root.get("examples");
        if (examples == null || !examples.isArray() || examples.isEmpty()) {
            throw DatasetFileException.forFile(file.toString(), "expected an object with a non-empty \"examples\" "
                    + "list");
        }
        List<BenchmarkItem> items = new ArrayList<>();
        for (int i = 0; i < examples.size(); i++) {
            items.add(item(task, file, i + 1, examples.get(i)));
        }
        return items;
    }

    private static BenchmarkItem item(String task, Path file, int n, JsonNode example) {
        String where = "example " + n + ": ";
        JsonNode input = example.get("input");
        if (input == null || !input.isValueNode() || input.asText().isBlank()) {
            throw DatasetFileException.forFile(file.toString(), where + "no \"input\"");
        }
        JsonNode target = example.get("target");
        if (target != null && !target.isNull()) {
            String answer = target.isArray() ? (target.isEmpty() ? null : target.get(0).asText()) : target.asText();
            if (answer == null || !target.isArray() && !target.isValueNode()) {
                throw DatasetFileException.forFile(file.toString(), where + "\"target\" must be a string or a "
                        + "list of strings");
            }
            return new BenchmarkItem(task, input.asText(), List.of(), answer, null);
        }
        JsonNode scores = example.get("target_scores");
        if (scores == null || !scores.isObject() || scores.isEmpty()) {
            throw DatasetFileException.forFile(file.toString(), where + "neither \"target\" nor \"target_scores\"");
        }
        List<String> choices = new ArrayList<>();
        String best = null;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (Iterator<Map.Entry<String, JsonNode>> it = scores.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> choice = it.next();
            choices.add(choice.getKey());
            double score = choice.getValue().asDouble();
            if (score > bestScore) {
                bestScore = score;
                best = choice.getKey();
            }
        }
        if (bestScore <= 0) {
            throw DatasetFileException.forFile(file.toString(), where + "no option of \"target_scores\" scores "
                    + "above 0");
        }
        return new BenchmarkItem(task, input.asText(), choices, best, null);
    }
}
