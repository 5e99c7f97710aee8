package io.aiperf.core.config;

import java.util.Objects;

/**
 * @param artifactDir          the run's own directory (already resolved: either {@code --artifact-dir} as given or
 *                             {@code artifacts/<model>-openai-<endpoint>-concurrency<N>})
 * @param exportLevel          which per-request files are written besides the summary
 * @param exportPrefix         base name of every export ({@code --profile-export-prefix}, already stripped of
 *                             folders and known suffixes), or null for AIPerf's default names
 * @param sliceDurationSeconds width of the time slices ({@code --slice-duration}), or null for no time-slice export
 * @param exportHttpTrace      {@code --export-http-trace}: trace every request's transport phases and write each
 *                             one's {@code trace_data} into {@code profile_export.jsonl}
 * @param showTraceTiming      {@code --show-trace-timing}: trace every request's transport phases and print the
 *                             HTTP trace timing table after the metrics table
 */
public record OutputConfig(String artifactDir, ExportLevel exportLevel, String exportPrefix,
                           Double sliceDurationSeconds, boolean exportHttpTrace, boolean showTraceTiming) {

    public OutputConfig {
        Objects.requireNonNull(exportLevel, "exportLevel");
    }

    /** These settings, writing into {@code dir} (a run's directory read where it is now). */
    public OutputConfig withArtifactDir(String dir) {
        return new OutputConfig(dir, exportLevel, exportPrefix, sliceDurationSeconds, exportHttpTrace, showTraceTiming);
    }

    /** True when workers must ship each request's payload, headers and raw responses. */
    public boolean raw() {
        return exportLevel == ExportLevel.RAW;
    }

    /**
     * True when workers must stamp each request's transport phases (either trace option): the {@code http_req_*}
     * metrics are computed and exported only then.
     */
    public boolean httpTrace() {
        return exportHttpTrace || showTraceTiming;
    }
}
