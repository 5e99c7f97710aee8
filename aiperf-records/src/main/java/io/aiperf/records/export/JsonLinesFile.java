package io.aiperf.records.export;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.ObjectCodec;
import com.fasterxml.jackson.core.StreamWriteFeature;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A JSON Lines file written by one thread: one generator over a 64 KiB buffer, one object per line. The per-request
 * writers ({@link JsonlRecordWriter}, {@link RawRecordWriter}) differ only in what a line holds.
 */
final class JsonLinesFile implements Closeable {

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
            .disable(StreamWriteFeature.FLUSH_PASSED_TO_STREAM)
            .build();

    private final Path file;
    private final Writer out;
    private final JsonGenerator json;
    private long written;
    private boolean closed;

    /** Creates (or truncates) {@code file} and its parent folders; {@code codec} may be null. */
    JsonLinesFile(Path file, ObjectCodec codec) throws IOException {
        this.file = file;
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        this.out = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(file), StandardCharsets.UTF_8),
                1 << 16);
        this.json = FACTORY.createGenerator(out);
        this.json.setRootValueSeparator(null);
        if (codec != null) {
            this.json.setCodec(codec);
        }
    }

    /** The generator lines are written with (between {@link #checkOpen()} and {@link #endLine()}). */
    JsonGenerator generator() {
        return json;
    }

    void checkOpen() throws IOException {
        if (closed) {
            throw new IOException("writer is closed");
        }
    }

    /** Ends the line just written with the {@link #generator()}. */
    void endLine() throws IOException {
        try {
            json.flush(); // generator buffer → BufferedWriter only (FLUSH_PASSED_TO_STREAM is off)
            out.write('\n');
        } catch (IOException e) {
            throw cannotWrite(e);
        }
        written++;
    }

    long written() {
        return written;
    }

    /** Pushes buffered lines to the file. */
    void flush() throws IOException {
        try {
            json.flush();
            out.flush();
        } catch (IOException e) {
            throw cannotWrite(e);
        }
    }

    /**
     * A write that failed (the disk is full, the file system went read-only), as one line naming the file. The
     * original is kept as suppressed, not as the cause, so that {@code OneLine.of} reports this line.
     */
    private IOException cannotWrite(IOException e) {
        String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        IOException named = new IOException("cannot write " + file + ": " + reason);
        named.addSuppressed(e);
        return named;
    }

    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        IOException failure = null;
        try {
            json.close(); // into the BufferedWriter only
        } catch (IOException e) {
            failure = e;
        }
        try {
            out.close(); // the last flush to the file
        } catch (IOException e) {
            if (failure == null) {
                failure = e;
            }
        }
        if (failure != null) {
            throw cannotWrite(failure);
        }
    }
}
