package io.aiperf.core.dataset.accuracy;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import io.aiperf.core.dataset.file.DatasetFileException;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * MMLU as Hendrycks published it ({@code data.tar}): {@code test/<subject>_test.csv} and {@code dev/<subject>_dev.csv},
 * headerless CSV rows {@code question,A,B,C,D,answer} with the answer a letter. The path is the {@code data}
 * directory (or any directory holding those files at most two levels down); each subject is a task, graded from its
 * test file, its few-shot examples the first rows of its dev file.
 */
final class MmluFiles {

    private static final CsvMapper CSV = new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY);
    private static final String TEST = "_test.csv";
    private static final String DEV = "_dev.csv";

    private MmluFiles() {
    }

    static BenchmarkSet read(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw DatasetFileException.forFile(dir.toString(), "mmlu needs the directory of its CSV files (with "
                    + "test/<subject>_test.csv and dev/<subject>_dev.csv)");
        }
        Map<String, Path> tests = new TreeMap<>();
        Map<String, Path> devs = new TreeMap<>();
        try (Stream<Path> files = Files.find(dir, 3, (p, a) -> a.isRegularFile())) {
            files.forEach(p -> {
                String name = p.getFileName().toString();
                if (name.endsWith(TEST)) {
                    tests.put(name.substring(0, name.length() - TEST.length()), p);
                } else if (name.endsWith(DEV)) {
                    devs.put(name.substring(0, name.length() - DEV.length()), p);
                }
            });
        } catch (IOException e) {
            throw DatasetFileException.forFile(dir.toString(), "cannot be listed: " + e.getMessage(), e);
        }
        if (tests.isEmpty()) {
            throw DatasetFileException.forFile(dir.toString(), "no MMLU test file (<subject>_test.csv) found");
        }
        List<BenchmarkItem> graded = new ArrayList<>();
        Map<String, List<BenchmarkItem>> shots = new TreeMap<>();
        for (Map.Entry<String, Path> t : tests.entrySet()) {
            graded.addAll(rows(t.getKey(), t.getValue()));
            Path dev = devs.get(t.getKey());
            shots.put(t.getKey(), dev == null ? List.of() : rows(t.getKey(), dev));
        }
        return new BenchmarkSet(graded, shots, false);
    }

    /** The rows of one subject file; a row is a record, so a question may span lines. */
    static List<BenchmarkItem> rows(String subject, Path file) {
        List<BenchmarkItem> items = new ArrayList<>();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             MappingIterator<String[]> it = CSV.readerFor(String[].class).readValues(reader)) {
            int record = 0;
            while (it.hasNextValue()) {
                String[] row = it.nextValue();
                record++;
                if (row.length == 1 && row[0].isBlank()) {
                    continue;
                }
                if (row.length != 6) {
                    throw DatasetFileException.forFile(file.toString(), "row " + record + " has " + row.length
                            + " columns, expected 6 (question,A,B,C,D,answer)");
                }
                String answer = row[5].trim().toUpperCase(java.util.Locale.ROOT);
                if (!answer.matches("[ABCD]")) {
                    throw DatasetFileException.forFile(file.toString(), "row " + record + ": answer '" + row[5]
                            + "' is not one of A, B, C, D");
                }
                items.add(new BenchmarkItem(subject, row[0], List.of(row[1], row[2], row[3], row[4]), answer, null));
            }
        } catch (IOException e) {
            throw DatasetFileException.forFile(file.toString(), "cannot be read as CSV: "
                    + io.aiperf.core.error.OneLine.of(e), e);
        }
        return items;
    }
}
