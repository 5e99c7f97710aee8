package io.aiperf.cli.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * What one finished run of {@code bin/aiperf} left for its user: the exit status, the console output, and for a
 * {@link AiperfRuns#profile profile} run the artifact directory, with readers for the files tests look at.
 *
 * @param artifacts the {@code --artifact-dir} the run was given; null for a run of an exact argv
 */
record AiperfRun(int exitCode, String stdout, String stderr, Path artifacts) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** {@code profile_export_aiperf.json}. */
    JsonNode summary() throws IOException {
        return json("profile_export_aiperf.json");
    }

    /** {@code profile_export.jsonl}, one node per request record, in file order. */
    List<JsonNode> records() throws IOException {
        return jsonLines("profile_export.jsonl");
    }

    /** {@code inputs.json}: the payloads as sent. */
    JsonNode inputs() throws IOException {
        return json("inputs.json");
    }

    JsonNode json(String file) throws IOException {
        return JSON.readTree(artifact(file).toFile());
    }

    List<JsonNode> jsonLines(String file) throws IOException {
        List<JsonNode> nodes = new ArrayList<>();
        for (String line : Files.readAllLines(artifact(file))) {
            nodes.add(JSON.readTree(line));
        }
        return nodes;
    }

    String text(String file) throws IOException {
        return Files.readString(artifact(file), StandardCharsets.UTF_8);
    }

    Path artifact(String file) {
        return artifactDir().resolve(file);
    }

    /** Every regular file under the artifact directory, logs included. */
    List<Path> artifactFiles() throws IOException {
        try (Stream<Path> walk = Files.walk(artifactDir())) {
            return walk.filter(Files::isRegularFile).toList();
        }
    }

    private Path artifactDir() {
        return Objects.requireNonNull(artifacts, "this run was given no --artifact-dir");
    }
}
