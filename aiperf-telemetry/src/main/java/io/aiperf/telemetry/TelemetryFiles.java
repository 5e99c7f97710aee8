package io.aiperf.telemetry;

import io.aiperf.core.config.OutputConfig;

import java.nio.file.Path;

/** The telemetry manager's export files, with AIPerf's names (a {@code --profile-export-prefix P} renames them). */
record TelemetryFiles(Path gpuJsonl, Path serverJson, Path serverCsv, Path serverJsonl) {

    static TelemetryFiles of(OutputConfig output) {
        Path dir = Path.of(output.artifactDir());
        String p = output.exportPrefix();
        if (p == null || p.isBlank()) {
            return new TelemetryFiles(dir.resolve("gpu_telemetry_export.jsonl"),
                    dir.resolve("server_metrics_export.json"), dir.resolve("server_metrics_export.csv"),
                    dir.resolve("server_metrics_export.jsonl"));
        }
        return new TelemetryFiles(dir.resolve(p + "_gpu_telemetry.jsonl"), dir.resolve(p + "_server_metrics.json"),
                dir.resolve(p + "_server_metrics.csv"), dir.resolve(p + "_server_metrics.jsonl"));
    }
}
