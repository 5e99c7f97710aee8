package io.aiperf.cli.tools;

import io.aiperf.core.error.UsageException;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * An output written next to its final name and moved into place by {@link #commit()}, so a run that fails half way
 * (a bad input row, a full disk) leaves no truncated file behind and never clobbers an existing one.
 */
public final class OutputFile implements Closeable {

    private final Path target;
    private final Path temp;
    private final BufferedWriter writer;
    private boolean committed;

    private OutputFile(Path target, Path temp, BufferedWriter writer) {
        this.target = target;
        this.temp = temp;
        this.writer = writer;
    }

    /** Opens a temporary file beside {@code file}; a directory that does not exist is a usage error. */
    public static OutputFile open(Path file, String option) {
        Path absolute = file.toAbsolutePath();
        Path parent = absolute.getParent();
        if (parent == null || !Files.isDirectory(parent)) {
            throw new UsageException(option + ": directory does not exist: " + parent);
        }
        if (Files.isDirectory(file)) {
            throw new UsageException(option + ": " + file + " is a directory, not a file");
        }
        try {
            Path temp = Files.createTempFile(parent, "." + absolute.getFileName() + ".", ".tmp");
            return new OutputFile(file, temp, Files.newBufferedWriter(temp, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UsageException(option + ": cannot write in " + parent + ": " + e.getMessage());
        }
    }

    /** {@code file}, once its directory exists (created when missing, for options that promise to). */
    public static Path withParentCreated(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        return file;
    }

    public BufferedWriter writer() {
        return writer;
    }

    /** Flushes and moves the finished file to its name, replacing any file there. */
    public void commit() throws IOException {
        writer.close();
        try {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
        committed = true;
    }

    /** Without {@link #commit()}, discards what was written. */
    @Override
    public void close() throws IOException {
        if (!committed) {
            try {
                writer.close();
            } finally {
                Files.deleteIfExists(temp);
            }
        }
    }
}
