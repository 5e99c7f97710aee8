package io.aiperf.worker.http;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A random valid {@code text/event-stream} body and the events the WHATWG rules (with aiperf's documented
 * differences, see {@link SseEventParser}) give for it, worked out here from the lines as they were written, not by
 * the parser under test: every line-ending style, fields with and without the optional space, comments, ignored
 * fields, empty {@code event:} values, multi-line data, and a stream that may end without a blank line, or mid-line.
 */
record RandomSseStream(byte[] bytes, List<SseEvent> events) {

    private static final String[] ENDINGS = {"\n", "\r\n", "\r"};
    private static final String[] IGNORED = {"id", "retry", "foo", "Data", "datas", "dat", "EVENT"};

    static RandomSseStream of(Random r) {
        StringBuilder s = new StringBuilder();
        List<SseEvent> events = new ArrayList<>();
        String previousEnding = "";
        int blocks = r.nextInt(8);
        for (int b = 0; b < blocks; b++) {
            boolean lastBlock = b == blocks - 1;
            List<String> data = new ArrayList<>();
            List<String> comments = new ArrayList<>();
            String type = null;
            int lines = 1 + r.nextInt(4);
            for (int l = 0; l < lines; l++) {
                String value = FuzzInputs.text(r, 5);
                boolean space = r.nextBoolean();
                // "name: value" drops the one space; "name:value" keeps the value, less one leading space
                String read = space || !value.startsWith(" ") ? value : value.substring(1);
                String separator = space ? ": " : ":";
                int kind = r.nextInt(20);
                if (kind < 9) {
                    s.append("data").append(separator).append(value);
                    data.add(read);
                } else if (kind < 10) {
                    s.append("data"); // no colon: the field with an empty value
                    data.add("");
                } else if (kind < 13) {
                    s.append("event").append(separator).append(value);
                    type = read.isEmpty() ? null : read;
                } else if (kind < 16) {
                    s.append(separator).append(value); // a comment line starts with the colon
                    comments.add(read);
                } else {
                    s.append(IGNORED[r.nextInt(IGNORED.length)]).append(separator).append(value);
                }
                boolean endsStreamMidLine = lastBlock && l == lines - 1 && r.nextInt(4) == 0;
                previousEnding = endsStreamMidLine ? "" : ENDINGS[r.nextInt(ENDINGS.length)];
                s.append(previousEnding);
            }
            boolean terminated = !lastBlock || r.nextBoolean();
            int blankLines = terminated ? 1 + (r.nextInt(4) == 0 ? 1 : 0) : 0;
            for (int i = 0; i < blankLines && !previousEnding.isEmpty(); i++) {
                // a "\r" line end followed by a "\n" blank line would read as one "\r\n": no blank line at all
                String ending;
                do {
                    ending = ENDINGS[r.nextInt(ENDINGS.length)];
                } while ("\r".equals(previousEnding) && "\n".equals(ending));
                s.append(ending);
                previousEnding = ending;
            }
            if (!data.isEmpty() || !comments.isEmpty() || type != null) {
                events.add(new SseEvent(type == null ? SseEvent.DEFAULT_TYPE : type,
                        data.isEmpty() ? null : String.join("\n", data),
                        comments.isEmpty() ? null : String.join("\n", comments)));
            }
        }
        return new RandomSseStream(s.toString().getBytes(StandardCharsets.UTF_8), List.copyOf(events));
    }

    @Override
    public String toString() {
        return FuzzInputs.show(bytes) + " → " + events;
    }
}
