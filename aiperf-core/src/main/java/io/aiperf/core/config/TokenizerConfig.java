package io.aiperf.core.config;

/**
 * @param name     {@code --tokenizer}: a local tokenizer.json, a folder holding one, a Hugging Face id, or
 *                 {@code builtin}; null means "the model name, falling back to builtin with a warning"
 * @param revision {@code --tokenizer-revision}
 */
public record TokenizerConfig(String name, String revision) {

    public static final String BUILTIN = "builtin";

    public boolean explicit() {
        return name != null;
    }
}
