package io.aiperf.ui;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The last lines of the run's log for the dashboard's log pane: reads only the file's tail (at most
 * {@link #TAIL_BYTES}), once per redraw while the pane is shown, so a long run's log costs the same as a short one's.
 */
final class LogTail {

    static final int TAIL_BYTES = 32 * 1024;

    private final Path file;

    LogTail(Path file) {
        this.file = file;
    }

    /** Up to {@code n} last complete-or-not lines, oldest first; empty when the file cannot be read. */
    List<String> last(int n) {
        if (file == null || n <= 0) {
            return List.of();
        }
        byte[] tail;
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "r")) {
            long length = f.length();
            int size = (int) Math.min(length, TAIL_BYTES);
            tail = new byte[size];
            f.seek(length - size);
            f.readFully(tail);
        } catch (IOException e) {
            return List.of();
        }
        String[] lines = new String(tail, StandardCharsets.UTF_8).split("\r?\n");
        List<String> kept = new ArrayList<>(n);
        // The first line may be cut by the tail window: skip it unless the window holds the whole file.
        int first = tail.length == TAIL_BYTES ? 1 : 0;
        for (int i = Math.max(first, lines.length - n); i < lines.length; i++) {
            if (!lines[i].isBlank()) {
                kept.add(lines[i].replace('\t', ' '));
            }
        }
        return kept;
    }
}
