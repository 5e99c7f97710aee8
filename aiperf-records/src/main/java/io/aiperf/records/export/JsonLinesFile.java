package io.aiperf.records.export;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.ObjectCodec;
import com.fasterxml.jackson.core.StreamWriteFeature;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * A JSON Lines file written by one thread: one generator, one object per line. The per-request writers
 * ({@link JsonlRecordWriter}, {@link RawRecordWriter}) differ only in what a line holds.
 *
 * <p>Lines are gathered in memory and reach the file only whole, in one write of every line gathered so far (when
 * 64 KiB have gathered, and on {@link #flush}), so a process killed between two writes leaves a file of complete
 * lines and never a torn last line. Only a single line longer than {@link #SPILL_BYTES} (a raw export of a huge
 * response) goes out in pieces, to keep memory bounded.
 */
final class JsonLinesFile implements Closeable {

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
            .disable(StreamWriteFeature.FLUSH_PASSED_TO_STREAM)
            .build();

    /** Complete lines are written once this much has gathered. */
    private static final int WRITE_AT_BYTES = 1 << 16;
    /** A line still unfinished at this size is written out in pieces. */
    static final int SPILL_BYTES = 4 << 20;

    private final Path path;
    private final OutputStream file;
    private final LineBuffer lines;
    private final JsonGenerator json;
    private long written;
    private boolean closed;

    /** Bytes of whole lines (and the line being written), written to the file only as asked. */
    private final class LineBuffer extends OutputStream {
        private byte[] bytes = new byte[WRITE_AT_BYTES + 8192];
        private int count;

        @Override
        public void write(int b) throws IOException {
            ensure(1);
            bytes[count++] = (byte) b;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            ensure(len);
            if (len > bytes.length - count) {
                file.write(b, off, len); // the line alone is larger than the spill size: it goes out in pieces
                return;
            }
            System.arraycopy(b, off, bytes, count, len);
            count += len;
        }

        private void ensure(int len) throws IOException {
            if (count + len <= bytes.length) {
                return;
            }
            if (count + len > SPILL_BYTES) {
                drain();
                return;
            }
            bytes = Arrays.copyOf(bytes, Math.min(SPILL_BYTES, Math.max(bytes.length * 2, count + len)));
        }

        void drain() throws IOException {
            if (count > 0) {
                int n = count;
                // Gone even if the write fails: a failure is reported once, and retrying part-written bytes could
                // tear or repeat lines.
                count = 0;
                file.write(bytes, 0, n);
            }
        }

        int size() {
            return count;
        }
    }

    /** Creates (or truncates) {@code file} and its parent folders; {@code codec} may be null. */
    JsonLinesFile(Path path, ObjectCodec codec) throws IOException {
        this.path = path;
        Path parent = path.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        this.file = Files.newOutputStream(path);
        this.lines = new LineBuffer();
        this.json = FACTORY.createGenerator(lines, JsonEncoding.UTF8);
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
            json.flush(); // generator buffer → line buffer only (FLUSH_PASSED_TO_STREAM is off)
            lines.write('\n');
            written++;
            if (lines.size() >= WRITE_AT_BYTES) {
                lines.drain();
            }
        } catch (IOException e) {
            throw cannotWrite(e);
        }
    }

    long written() {
        return written;
    }

    /** Pushes the gathered lines to the file (whole lines only: it is called between lines). */
    void flush() throws IOException {
        try {
            json.flush();
            lines.drain();
            file.flush();
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
        IOException named = new IOException("cannot write " + path + ": " + reason);
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
            json.close();
            lines.drain();
        } catch (IOException e) {
            failure = e;
        }
        try {
            file.close(); // the last flush to the file
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
