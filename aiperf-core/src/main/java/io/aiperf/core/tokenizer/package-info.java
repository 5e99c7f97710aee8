/**
 * Token counting: {@link io.aiperf.core.tokenizer.TokenizerLoader} turns {@code --tokenizer} (or the model
 * name) into a {@link io.aiperf.core.tokenizer.TextTokenizer}: a Hugging Face {@code tokenizer.json} run by DJL
 * (truncation, padding and special tokens always off) or the offline builtin tiktoken {@code o200k_base}.
 *
 * <p>Threading: loading is slow (up to ~1 s for large vocabularies) and happens once, at start-up; the loaded
 * tokenizers are immutable and safe to share between threads.
 *
 * <p>Logging: DJL logs through SLF4J under {@code ai.djl} (a CUDA probe warning, native-library DEBUG lines);
 * the application's logging configuration should set that logger to ERROR.
 */
package io.aiperf.core.tokenizer;
