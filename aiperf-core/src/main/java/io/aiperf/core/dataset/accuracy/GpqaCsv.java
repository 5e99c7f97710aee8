package io.aiperf.core.dataset.accuracy;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.aiperf.core.dataset.RandomStreams;
import io.aiperf.core.dataset.SeededRandom;
import io.aiperf.core.dataset.file.DatasetFileException;
import io.aiperf.core.error.OneLine;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * GPQA as its authors published it ({@code gpqa_diamond.csv}): a header row, then one record per question (fields
 * quoted, a question often spanning lines) with {@code Question}, {@code Correct Answer} and {@code Incorrect Answer
 * 1..3}; the other columns are ignored. The four answers are put in an order drawn from the run's seed and the
 * question text, so every reading of the file (the dataset side, the records side) puts the right answer under the
 * same letter, which becomes the expected answer. One task, {@code gpqa_diamond}; no few-shot rows (AIPerf's is a
 * zero-shot benchmark).
 */
final class GpqaCsv {

    static final String TASK = "gpqa_diamond";
    static final String QUESTION = "Question";
    static final String CORRECT = "Correct Answer";
    static final List<String> INCORRECT = List.of("Incorrect Answer 1", "Incorrect Answer 2", "Incorrect Answer 3");

    private static final CsvMapper CSV = new CsvMapper();
    private static final String STREAM = "accuracy.gpqa_diamond.choices:";

    private GpqaCsv() {
    }

    /** @param seed {@code --random-seed}, or null (the order then derives from the question alone) */
    static BenchmarkSet read(Path file, Long seed) {
        if (!Files.isRegularFile(file)) {
            throw DatasetFileException.forFile(file.toString(), "gpqa_diamond is read from its CSV file "
                    + "(gpqa_diamond.csv)");
        }
        List<BenchmarkItem> items = new ArrayList<>();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             MappingIterator<Map<String, String>> it = CSV.readerFor(Map.class)
                     .with(CsvSchema.emptySchema().withHeader()).readValues(reader)) {
            int record = 0;
            while (it.hasNextValue()) {
                Map<String, String> row = it.nextValue();
                record++;
                if (record == 1) {
                    requireColumns(file, row);
                }
                String question = row.get(QUESTION);
                if (question == null || question.isBlank()) {
                    throw DatasetFileException.forFile(file.toString(), "row " + record + ": empty \"" + QUESTION
                            + "\"");
                }
                List<String> answers = new ArrayList<>();
                answers.add(row.get(CORRECT));
                INCORRECT.forEach(c -> answers.add(row.get(c)));
                for (int i = 0; i < answers.size(); i++) {
                    if (answers.get(i) == null || answers.get(i).isBlank()) {
                        throw DatasetFileException.forFile(file.toString(), "row " + record + ": empty \""
                                + (i == 0 ? CORRECT : INCORRECT.get(i - 1)) + "\"");
                    }
                }
                int[] order = order(question, seed);
                List<String> choices = new ArrayList<>();
                int gold = -1;
                for (int i = 0; i < order.length; i++) {
                    choices.add(answers.get(order[i]));
                    if (order[i] == 0) {
                        gold = i;
                    }
                }
                items.add(new BenchmarkItem(TASK, question, choices, BenchmarkItem.letter(gold), null));
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof DatasetFileException d) {
                throw d;
            }
            throw DatasetFileException.forFile(file.toString(), "cannot be read as CSV: " + OneLine.of(e), e);
        }
        if (items.isEmpty()) {
            throw DatasetFileException.forFile(file.toString(), "has no questions");
        }
        return new BenchmarkSet(items, Map.of(), false);
    }

    /**
     * Where each answer goes: {@code order[letter]} is the index of the answer shown under that letter (0 the
     * correct one). A Fisher-Yates shuffle driven by a stream named after the question under the run's seed.
     */
    static int[] order(String question, Long seed) {
        SeededRandom random = new SeededRandom(RandomStreams.seedOf(seed == null ? 0L : seed, STREAM + question));
        int[] order = {0, 1, 2, 3};
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return order;
    }

    private static void requireColumns(Path file, Map<String, String> row) {
        List<String> needed = new ArrayList<>(List.of(QUESTION, CORRECT));
        needed.addAll(INCORRECT);
        List<String> missing = needed.stream().filter(c -> !row.containsKey(c)).toList();
        if (!missing.isEmpty()) {
            throw DatasetFileException.forFile(file.toString(), "no column " + String.join(", ", missing)
                    + " in the header (GPQA's CSV has Question, Correct Answer, Incorrect Answer 1..3)");
        }
    }
}
