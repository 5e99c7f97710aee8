package io.aiperf.ui.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The one entry to the report: {@code aiperf plot} calls it, and so can a sweep when it ends ({@code --auto-plot}).
 * Reads the runs under {@code dirs}, writes {@code out/report.html} and one {@code out/<chart>.png} per chart.
 */
public final class Report {

    public static final String HTML = "report.html";

    private Report() {
    }

    /** As {@link #write(List, Path, int, Theme, boolean)} with the light theme and the PNGs. */
    public static List<Path> write(List<Path> dirs, Path out, int numGpus) {
        return write(dirs, out, numGpus, Theme.LIGHT, true);
    }

    /**
     * Writes the report and returns the files written, the HTML first.
     *
     * @param numGpus the GPUs serving the model, the efficiency plot's divisor
     * @throws io.aiperf.core.error.UsageException when a DIR holds no run
     */
    public static List<Path> write(List<Path> dirs, Path out, int numGpus, Theme theme, boolean png) {
        ReportInputs inputs = ReportInputs.find(dirs);
        List<ChartSpec> charts = ReportCharts.of(inputs, numGpus);
        List<Path> written = new ArrayList<>();
        try {
            Files.createDirectories(out);
            Path html = out.resolve(HTML);
            Files.writeString(html, HtmlReport.render(inputs, charts, theme), StandardCharsets.UTF_8);
            written.add(html);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (png) {
            charts.forEach(c -> written.add(PngCharts.write(c, out, theme)));
        }
        return written;
    }
}
