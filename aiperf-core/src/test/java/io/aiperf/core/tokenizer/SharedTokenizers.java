package io.aiperf.core.tokenizer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The real tokenizer files shared by the project's tests, loaded the way a run loads them ({@link TokenizerLoader}):
 * system property {@code aiperf.tokenizers.dir}, else {@code <module>/../../shared/tokenizers}. Tests needing them are
 * skipped when they are absent (CI has them). Each tokenizer is loaded once per JVM.
 */
public final class SharedTokenizers {

    private static final Map<String, TextTokenizer> LOADED = new ConcurrentHashMap<>();

    private SharedTokenizers() {
    }

    public static Path dir() {
        String configured = System.getProperty("aiperf.tokenizers.dir");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        String base = System.getProperty("basedir", System.getProperty("user.dir"));
        return Path.of(base).resolve("../../shared/tokenizers").normalize();
    }

    /** {@code <dir>/<name>/tokenizer.json}, or the test is skipped. */
    public static Path require(String name) {
        Path file = dir().resolve(name).resolve("tokenizer.json");
        assumeTrue(Files.isRegularFile(file), "shared tokenizer not found: " + file);
        return file;
    }

    /** The tokenizer {@code <dir>/<name>/tokenizer.json}, loaded once; the test is skipped when it is absent. */
    public static TextTokenizer load(String name) {
        Path file = require(name);
        return LOADED.computeIfAbsent(name, n -> TokenizerLoader.loadLocal(file, n + " (" + file + ")"));
    }

    public static TextTokenizer qwen3() {
        return load("qwen3");
    }

    public static TextTokenizer llama2() {
        return load("llama2");
    }
}
