package io.aiperf.cli.tools;

import java.io.IOException;
import java.io.Writer;

/** Writes mooncake trace rows (one JSON object per line) with whole-millisecond timestamps. */
final class MooncakeRowWriter {

    private final Writer out;
    private final StringBuilder line = new StringBuilder(128);
    private long rows;

    MooncakeRowWriter(Writer out) {
        this.out = out;
    }

    /** One row; {@code hashIds} may be null (the field is then left out). */
    void write(long timestampMs, long inputLength, long outputLength, long[] hashIds) throws IOException {
        line.setLength(0);
        line.append("{\"timestamp\":").append(timestampMs)
                .append(",\"input_length\":").append(inputLength)
                .append(",\"output_length\":").append(outputLength);
        if (hashIds != null) {
            line.append(",\"hash_ids\":[");
            for (int i = 0; i < hashIds.length; i++) {
                if (i > 0) {
                    line.append(',');
                }
                line.append(hashIds[i]);
            }
            line.append(']');
        }
        line.append("}\n");
        out.write(line.toString());
        rows++;
    }

    long rows() {
        return rows;
    }
}
