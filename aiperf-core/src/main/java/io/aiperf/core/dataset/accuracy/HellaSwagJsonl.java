package io.aiperf.core.dataset.accuracy;

import com.fasterxml.jackson.databind.JsonNode;
import io.aiperf.core.dataset.file.DatasetFileException;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * HellaSwag as Rowan published it ({@code hellaswag_val.jsonl}): {@code ctx}, four {@code endings}, {@code label}
 * (the index of the right ending, a number or a string) and {@code activity_label}, which is the task. The expected
 * answer is the right ending's letter.
 */
final class HellaSwagJsonl {

    private HellaSwagJsonl() {
    }

    static BenchmarkSet read(Path file) {
        List<BenchmarkItem> items = new ArrayList<>();
        Map<String, List<BenchmarkItem>> byTask = new LinkedHashMap<>();
        for (JsonlObjects.Row row : JsonlObjects.read(file)) {
            String ctx = row.text("ctx");
            JsonNode endings = row.get("endings");
            String label = row.text("label");
            String task = row.text("activity_label");
            String where = file.toString();
            if (ctx == null || endings == null || !endings.isArray() || endings.size() < 2) {
                throw DatasetFileException.atLine(where, row.line(), "expected \"ctx\" and a list of \"endings\"");
            }
            int index;
            try {
                index = Integer.parseInt(label == null ? "" : label.trim());
            } catch (NumberFormatException e) {
                throw DatasetFileException.atLine(where, row.line(), "\"label\" must be the index of the right "
                        + "ending (got " + label + ")");
            }
            if (index < 0 || index >= endings.size()) {
                throw DatasetFileException.atLine(where, row.line(), "\"label\" " + index + " is not an index of "
                        + "the " + endings.size() + " endings");
            }
            List<String> choices = new ArrayList<>();
            endings.forEach(e -> choices.add(e.asText()));
            BenchmarkItem item = new BenchmarkItem(task == null || task.isBlank() ? "hellaswag" : task, ctx,
                    choices, BenchmarkItem.letter(index), null);
            items.add(item);
            byTask.computeIfAbsent(item.task(), k -> new ArrayList<>()).add(item);
        }
        return new BenchmarkSet(items, byTask, true);
    }
}
