package io.aiperf.cli.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Netty's leak detection in the service JVMs of the end-to-end tests. Netty's own default (level {@code simple}
 * samples about one buffer in a hundred) is on in every run, and {@link AiperfRuns} fails a test when a run's
 * {@code logs/aiperf.log} holds Netty's {@code LEAK:} report. Chosen test classes run at {@code paranoid} (every
 * buffer tracked; the worker then also collects before it exits so its leaks are reported,
 * {@code io.aiperf.worker.http.LeakReport}) through {@link AiperfRuns#withParanoidLeakDetection}: paranoid roughly
 * doubles a run's time and upsets the latency assertions of the timing tests, so the whole suite does not use it.
 * {@code -Daiperf.it.leakDetection=paranoid} (or another Netty level) sets it for every run of a suite.
 */
final class NettyLeaks {

    static final String LEVEL_PROPERTY = "aiperf.it.leakDetection";
    private static final String MARKER = "LEAK:";
    /** Lines of each report kept for the failure message: the report and the first records of where it was touched. */
    private static final int CONTEXT_LINES = 12;

    private NettyLeaks() {
    }

    static final String PARANOID = "-Dio.netty.leakDetection.level=paranoid";

    /** The suite's leak level option for the service JVMs, or null when the suite leaves Netty's default. */
    static String suiteOption() {
        String level = System.getProperty(LEVEL_PROPERTY, "").strip();
        return level.isEmpty() ? null : "-Dio.netty.leakDetection.level=" + level;
    }

    /** {@code serviceOptions} with the suite's leak level in front, if it sets one (the test's own options win). */
    static String withSuiteLevel(String serviceOptions) {
        String option = suiteOption();
        String rest = serviceOptions == null ? "" : serviceOptions.strip();
        return option == null ? rest : (option + " " + rest).strip();
    }

    /** Every leak report in the {@code aiperf.log} files under {@code dir}, each with its first lines of context. */
    static List<String> reportedUnder(Path dir) throws IOException {
        List<String> reports = new ArrayList<>();
        if (dir == null || !Files.isDirectory(dir)) {
            return reports;
        }
        List<Path> logs;
        try (Stream<Path> walk = Files.walk(dir)) {
            logs = walk.filter(p -> p.getFileName().toString().equals("aiperf.log") && Files.isRegularFile(p))
                    .toList();
        }
        for (Path log : logs) {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).contains(MARKER)) {
                    reports.add(log + ":\n" + String.join("\n",
                            lines.subList(i, Math.min(lines.size(), i + CONTEXT_LINES))));
                }
            }
        }
        return reports;
    }
}
