package io.aiperf.core.dataset.file;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Reads lines of UTF-8 text one at a time, decoding each line on its own so that a bad byte sequence is reported at
 * its own line (a buffered character reader decodes ahead and would fail at an earlier line). Lines end at
 * {@code \n}, {@code \r\n} or a lone {@code \r}; the terminator is not returned.
 */
final class Utf8Lines implements Closeable {

    private final InputStream in;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    private final ByteArrayOutputStream line = new ByteArrayOutputStream(256);
    private final byte[] buf = new byte[1 << 16];
    private int pos;
    private int len;
    private boolean skipLf;

    /** @param in read with its own buffering here; closed by {@link #close()} */
    Utf8Lines(InputStream in) {
        this.in = in;
    }

    /**
     * The next line, or null at the end of the input.
     *
     * @throws CharacterCodingException when the line is not valid UTF-8 (the line is consumed)
     */
    String next() throws IOException {
        line.reset();
        boolean any = false;
        while (true) {
            if (pos == len) {
                len = in.read(buf);
                pos = 0;
                if (len <= 0) {
                    len = 0;
                    return any ? decode() : null;
                }
            }
            byte b = buf[pos++];
            if (skipLf) {
                skipLf = false;
                if (b == '\n') {
                    continue;
                }
            }
            if (b == '\n') {
                return decode();
            }
            if (b == '\r') {
                skipLf = true;
                return decode();
            }
            line.write(b);
            any = true;
        }
    }

    private String decode() throws CharacterCodingException {
        decoder.reset();
        return decoder.decode(ByteBuffer.wrap(line.toByteArray())).toString();
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
