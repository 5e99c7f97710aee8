package io.aiperf.records.accuracy;

import io.aiperf.records.export.TextTable;

import java.util.List;
import java.util.Locale;

/** AIPerf's "Accuracy Benchmark Results" console table: a row per task, then OVERALL. */
public final class AccuracyTable {

    static final String TITLE = "Accuracy Benchmark Results";

    private AccuracyTable() {
    }

    public static String render(AccuracyTally tally, boolean unicode) {
        TextTable table = new TextTable(List.of("Task", "Correct", "Total", "Unparsed", "Accuracy"),
                List.of(TextTable.Align.LEFT, TextTable.Align.RIGHT, TextTable.Align.RIGHT, TextTable.Align.RIGHT,
                        TextTable.Align.RIGHT));
        for (AccuracyTally.TaskResult t : tally.results()) {
            table.addRow(List.of(t.task(), Long.toString(t.passed()), Long.toString(t.total()),
                    Long.toString(t.unparsed()), String.format(Locale.ROOT, "%.2f%%", 100 * t.accuracyRate())));
        }
        return table.render(TITLE, unicode);
    }
}
