package io.aiperf.core.config;

import java.util.Objects;

/**
 * @param artifactDir          the run's own directory (already resolved: either {@code --artifact-dir} as given or
 *                             {@code artifacts/<model>-openai-<endpoint>-concurrency<N>})
 * @param exportLevel          which per-request files are written besides the summary
 * @param exportPrefix         base name of every export ({@code --profile-export-prefix}, already stripped of
 *                             folders and known suffixes), or null for AIPerf's default names
 * @param sliceDurationSeconds width of the time slices ({@code --slice-duration}), or null for no time-slice export
 */
public record OutputConfig(String artifactDir, ExportLevel exportLevel, String exportPrefix,
                           Double sliceDurationSeconds) {

    public OutputConfig {
        Objects.requireNonNull(exportLevel, "exportLevel");
    }

    /** True when workers must ship each request's payload, headers and raw responses. */
    public boolean raw() {
        return exportLevel == ExportLevel.RAW;
    }
}
