package io.aiperf.core.config;

/**
 * @param artifactDir the run's own directory (already resolved: either {@code --artifact-dir} as given or
 *                    {@code artifacts/<model>-openai-<endpoint>-concurrency<N>})
 */
public record OutputConfig(String artifactDir) {
}
