package io.aiperf.worker.http;

import io.netty.buffer.ByteBuf;
import io.netty.util.ByteProcessor;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * Incremental, byte-level parser for a {@code text/event-stream} body. Feed it buffers as they arrive; it emits an
 * {@link SseEvent} for every block completed by a blank line, however the bytes were split.
 *
 * <p>Grammar handled (the WHATWG event-stream format, plus AIPerf's expectations):
 * <ul>
 *   <li>line endings {@code \r\n}, {@code \n} or a bare {@code \r}, also when a {@code \r\n} pair is split across
 *       two buffers;</li>
 *   <li>{@code field:value} with or without the single space after the colon (only one space is removed); a line
 *       without a colon is a field with an empty value;</li>
 *   <li>{@code data} lines are joined with {@code "\n"}; {@code event} sets the type; {@code :comment} lines are kept
 *       (joined with {@code "\n"}) because AIPerf reads an {@code event: error}'s message from them; {@code id},
 *       {@code retry} and unknown fields are ignored;</li>
 *   <li>unlike a browser's EventSource, a block is emitted when it had any {@code data}, {@code event} or comment
 *       line, so a comment-only keep-alive becomes an event with null data (callers skip it) and an {@code event:
 *       error} block carrying only a comment is not lost;</li>
 *   <li>{@link #finish} emits a last block that the stream ended without terminating, even mid-line, as AIPerf keeps a
 *       trailing message.</li>
 * </ul>
 *
 * <p>Allocation: the current line and the pending data/comment are accumulated in growable byte arrays owned by the
 * parser and reused; per event it allocates the event and its strings, never per byte. Bytes are decoded as UTF-8
 * once per field, so multi-byte characters split across buffers decode correctly.
 *
 * <p>Not thread-safe: one instance per connection, used on its event loop. It never retains or releases the buffers
 * it is fed; it only advances their reader index.
 */
public final class SseEventParser {

    private static final int INITIAL_CAPACITY = 256;

    private byte[] line = new byte[INITIAL_CAPACITY];
    private int lineLength;
    /** The previous buffer ended in '\r': a '\n' at the start of the next one belongs to the same line end. */
    private boolean pendingCr;

    private byte[] data = new byte[INITIAL_CAPACITY];
    private int dataLength;
    private boolean hasData;

    private byte[] comment = new byte[64];
    private int commentLength;
    private boolean hasComment;

    private String type;

    /** Consumes all readable bytes of {@code in}; completed events are appended to {@code out}. */
    public void feed(ByteBuf in, List<Object> out) {
        int index = in.readerIndex();
        int end = in.writerIndex();
        if (pendingCr && index < end) {
            pendingCr = false;
            if (in.getByte(index) == '\n') {
                index++;
            }
        }
        while (index < end) {
            int eol = in.forEachByte(index, end - index, ByteProcessor.FIND_CRLF);
            if (eol < 0) {
                appendToLine(in, index, end - index);
                index = end;
                break;
            }
            appendToLine(in, index, eol - index);
            index = eol + 1;
            if (in.getByte(eol) == '\r') {
                if (index < end) {
                    if (in.getByte(index) == '\n') {
                        index++;
                    }
                } else {
                    pendingCr = true;
                }
            }
            endOfLine(out);
        }
        in.readerIndex(end);
    }

    /** End of stream: emits the unterminated last line and block, if any, and resets the parser. */
    public void finish(List<Object> out) {
        if (lineLength > 0) {
            endOfLine(out);
        }
        dispatch(out);
        reset();
    }

    /** Drops any partial line or block (a new response starts on a reused connection). */
    public void reset() {
        lineLength = 0;
        pendingCr = false;
        clearBlock();
    }

    private void endOfLine(List<Object> out) {
        int length = lineLength;
        lineLength = 0;
        if (length == 0) {
            dispatch(out);
            return;
        }
        byte[] l = line;
        if (l[0] == ':') {
            int from = length > 1 && l[1] == ' ' ? 2 : 1;
            if (hasComment) {
                comment = append(comment, commentLength, (byte) '\n');
                commentLength++;
            }
            comment = append(comment, commentLength, l, from, length - from);
            commentLength += length - from;
            hasComment = true;
            return;
        }
        int colon = indexOfColon(l, length);
        int nameLength = colon < 0 ? length : colon;
        int valueFrom = colon < 0 ? length : (colon + 1 < length && l[colon + 1] == ' ' ? colon + 2 : colon + 1);
        int valueLength = length - valueFrom;
        if (isField(l, nameLength, 'd', 'a', 't', 'a')) {
            if (hasData) {
                data = append(data, dataLength, (byte) '\n');
                dataLength++;
            }
            data = append(data, dataLength, l, valueFrom, valueLength);
            dataLength += valueLength;
            hasData = true;
        } else if (nameLength == 5 && l[0] == 'e' && l[1] == 'v' && l[2] == 'e' && l[3] == 'n' && l[4] == 't') {
            type = eventType(l, valueFrom, valueLength);
        }
        // id, retry and unknown fields: ignored
    }

    private void dispatch(List<Object> out) {
        if (hasData || hasComment || type != null) {
            out.add(new SseEvent(
                    type == null ? SseEvent.DEFAULT_TYPE : type,
                    hasData ? new String(data, 0, dataLength, StandardCharsets.UTF_8) : null,
                    hasComment ? new String(comment, 0, commentLength, StandardCharsets.UTF_8) : null));
        }
        clearBlock();
    }

    private void clearBlock() {
        dataLength = 0;
        hasData = false;
        commentLength = 0;
        hasComment = false;
        type = null;
    }

    private void appendToLine(ByteBuf in, int from, int length) {
        if (length == 0) {
            return;
        }
        if (lineLength + length > line.length) {
            line = Arrays.copyOf(line, grow(line.length, lineLength + length));
        }
        in.getBytes(from, line, lineLength, length);
        lineLength += length;
    }

    private static String eventType(byte[] l, int from, int length) {
        if (length == 0) {
            return null;
        }
        if (length == 5 && l[from] == 'e' && l[from + 1] == 'r' && l[from + 2] == 'r' && l[from + 3] == 'o'
                && l[from + 4] == 'r') {
            return SseEvent.ERROR_TYPE;
        }
        String value = new String(l, from, length, StandardCharsets.UTF_8);
        return SseEvent.DEFAULT_TYPE.equals(value) ? SseEvent.DEFAULT_TYPE : value;
    }

    private static boolean isField(byte[] l, int nameLength, char a, char b, char c, char d) {
        return nameLength == 4 && l[0] == a && l[1] == b && l[2] == c && l[3] == d;
    }

    private static int indexOfColon(byte[] l, int length) {
        for (int i = 0; i < length; i++) {
            if (l[i] == ':') {
                return i;
            }
        }
        return -1;
    }

    private static byte[] append(byte[] dst, int dstLength, byte b) {
        if (dstLength == dst.length) {
            dst = Arrays.copyOf(dst, grow(dst.length, dstLength + 1));
        }
        dst[dstLength] = b;
        return dst;
    }

    private static byte[] append(byte[] dst, int dstLength, byte[] src, int from, int length) {
        if (dstLength + length > dst.length) {
            dst = Arrays.copyOf(dst, grow(dst.length, dstLength + length));
        }
        System.arraycopy(src, from, dst, dstLength, length);
        return dst;
    }

    private static int grow(int current, int needed) {
        return Math.max(needed, current * 2);
    }
}
