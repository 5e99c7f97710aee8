package io.aiperf.core.config;

/**
 * @param name     {@code --tokenizer}: a local tokenizer.json, a folder holding one, a Hugging Face id, or
 *                 {@code builtin}; null means "the model name, falling back to builtin with a warning"
 * @param revision {@code --tokenizer-revision}
 * @param trustRemoteCode {@code --tokenizer-trust-remote-code}: recorded in {@code input_config} only, since our
 *                 tokenizers (a tokenizer.json read by DJL, or the builtin tiktoken encoding) never run repository code
 */
public record TokenizerConfig(String name, String revision, boolean trustRemoteCode) {

    public static final String BUILTIN = "builtin";

    public TokenizerConfig(String name, String revision) {
        this(name, revision, false);
    }

    public boolean explicit() {
        return name != null;
    }
}
