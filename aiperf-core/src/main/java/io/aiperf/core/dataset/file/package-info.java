/**
 * Datasets read from {@code --input-file}: the JSONL formats ({@link io.aiperf.core.dataset.file.DatasetFormat}),
 * their detection and validation, and the loader ({@link io.aiperf.core.dataset.file.FileDatasetLoader}) that turns
 * rows into conversations. Every problem is a {@link io.aiperf.core.dataset.file.DatasetFileException} whose message
 * is one line, {@code <file>:<line>: <what is wrong>}. See {@code docs/input-formats.md}.
 */
package io.aiperf.core.dataset.file;
