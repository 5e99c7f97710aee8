package io.aiperf.records.tokenizer;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Locates the real tokenizer files shared by the project's tests: system property {@code aiperf.tokenizers.dir},
 * else {@code <module>/../../shared/tokenizers}. Tests needing them are skipped when they are absent (CI has them).
 */
final class SharedTokenizers {

    private SharedTokenizers() {
    }

    static Path dir() {
        String configured = System.getProperty("aiperf.tokenizers.dir");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        return Path.of(System.getProperty("user.dir")).resolve("../../shared/tokenizers").normalize();
    }

    /** {@code <dir>/<name>/tokenizer.json}, or the test is skipped. */
    static Path require(String name) {
        Path file = dir().resolve(name).resolve("tokenizer.json");
        assumeTrue(Files.isRegularFile(file), "shared tokenizer not found: " + file);
        return file;
    }
}
