package io.aiperf.records.export;

import io.aiperf.core.config.BenchmarkConfig;
import io.aiperf.core.message.Message.TelemetryResult;
import io.aiperf.records.aggregate.ProfileSummary;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What the console shows at the end of a run: the tables (metrics, trace timing when asked, errors, warnings) and the
 * trailer (command, duration, one line per file written). The records manager and a rebuilt summary print the same.
 */
public final class RunReport {

    private RunReport() {
    }

    /** The console tables, without ANSI escapes; box-drawing characters unless the UI is {@code none}. */
    public static String tables(BenchmarkConfig config, ProfileSummary summary) {
        return tables(config, summary, null);
    }

    /** The console tables, with the telemetry's after the metrics (GPU tables only with {@code --gpu-telemetry}). */
    public static String tables(BenchmarkConfig config, ProfileSummary summary, TelemetryResult telemetry) {
        boolean unicode = !"none".equals(config.service().uiType());
        ConsoleTableRenderer renderer = new ConsoleTableRenderer(unicode);
        StringBuilder report = new StringBuilder(renderer.renderMetrics(summary, "NVIDIA AIPerf | "
                + config.endpoint().type().metricsTitle()));
        if (config.output().showTraceTiming()) {
            String trace = renderer.renderTraceTiming(summary);
            if (!trace.isEmpty()) {
                report.append('\n').append(trace);
            }
        }
        report.append(TelemetryReport.tables(telemetry, summary, config.telemetry().gpu().console(), unicode));
        if (!summary.errors().isEmpty()) {
            report.append('\n').append(renderer.renderErrors(summary));
        }
        String warnings = renderer.renderWarnings(summary);
        if (!warnings.isEmpty()) {
            report.append('\n').append(warnings);
        }
        return report.toString();
    }

    /** The trailer lines: {@code CLI Command}, {@code Benchmark Duration}, the files written, inputs and log. */
    public static List<String> trailer(BenchmarkConfig config, ProfileSummary summary, List<String> filesWritten,
                                       Path artifactDir) {
        List<String> trailer = new ArrayList<>();
        trailer.add("CLI Command: " + config.cliCommand());
        summary.benchmarkDurationSeconds().ifPresent(s ->
                trailer.add(String.format(Locale.ROOT, "Benchmark Duration: %.2f sec", s)));
        trailer.addAll(filesWritten);
        trailer.add("Inputs Export: " + artifactDir.resolve("inputs.json"));
        trailer.add("Log File: " + artifactDir.resolve("logs").resolve("aiperf.log"));
        return trailer;
    }
}
