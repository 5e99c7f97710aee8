package io.aiperf.ui.report;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ReportTest {

    @TempDir
    Path tmp;

    @Test
    void writesTheHtmlThenOnePngPerChart() {
        RunFixture.concurrency(1).record(10, 5, 100).writeTo(tmp.resolve("in/c1"));
        RunFixture.concurrency(2).record(20, 6, 110).writeTo(tmp.resolve("in/c2"));
        Path out = tmp.resolve("out");

        List<Path> written = Report.write(List.of(tmp.resolve("in")), out, 1);

        List<String> charts = ReportCharts.of(ReportInputs.find(List.of(tmp.resolve("in"))), 1).stream()
                .map(ChartSpec::name).toList();
        assertThat(written.get(0)).isEqualTo(out.resolve("report.html"));
        assertThat(written.subList(1, written.size())).extracting(p -> p.getFileName().toString())
                .containsExactlyElementsOf(charts.stream().map(c -> c + ".png").toList());
        assertThat(written).allMatch(Files::isRegularFile);
    }

    @Test
    void withoutPngsOnlyTheHtml() {
        RunFixture.concurrency(1).record(10, 5, 100).writeTo(tmp.resolve("in"));

        assertThat(Report.write(List.of(tmp.resolve("in")), tmp.resolve("out"), 1, Theme.DARK, false))
                .containsExactly(tmp.resolve("out/report.html"));
    }
}
