package io.aiperf.cli.tools;

import io.aiperf.core.dataset.file.DatasetFileException;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Streams a BurstGPT CSV into mooncake rows. Columns are found by name, not position: a header name is compared
 * lower-cased, with anything in parentheses dropped and runs of other punctuation read as one space, so
 * {@code Timestamp (s)}, {@code timestamp} and {@code Request_tokens} all match. Rows are kept in file order and
 * must not go back in time.
 *
 * <p>Order of work: the per-row filters (time window on the original seconds, model, log type, ISL and OSL bounds),
 * then {@code skip}, then {@code maxRequests}; kept timestamps are shifted so the first kept row is at 0, divided by
 * the speed ratio and written as whole milliseconds.
 */
final class BurstGptConverter {

    /** The filters and timing change, already validated; null bounds and names mean "no filter". */
    record Settings(String model, String logType, Double startTimeS, Double endTimeS,
                    long minIsl, Long maxIsl, long minOsl, Long maxOsl,
                    long skip, Long maxRequests, double speedRatio) {
    }

    /** What happened: rows read, rows written, and the written trace's span in ms. */
    record Result(long rowsRead, long rowsWritten, long spanMs) {
    }

    static final String TIMESTAMP = "timestamp";
    static final String MODEL = "model";
    static final String REQUEST_TOKENS = "request tokens";
    static final String RESPONSE_TOKENS = "response tokens";
    static final String LOG_TYPE = "log type";

    private final Settings s;

    BurstGptConverter(Settings settings) {
        this.s = settings;
    }

    Result convert(BufferedReader in, Path file, MooncakeRowWriter out) throws IOException {
        String display = file.toString();
        int line = 0;
        String text;
        List<String> header = null;
        try {
            while ((text = in.readLine()) != null) {
                line++;
                if (line == 1 && text.startsWith("\uFEFF")) {
                    text = text.substring(1);
                }
                if (!text.isBlank()) {
                    header = split(display, line, text);
                    break;
                }
            }
        } catch (IOException e) {
            throw ToolFiles.readFailure(file, line + 1, e);
        }
        if (header == null) {
            throw DatasetFileException.forFile(display, "empty file (expected a BurstGPT CSV header)");
        }
        int ts = column(header, TIMESTAMP);
        int isl = column(header, REQUEST_TOKENS);
        int osl = column(header, RESPONSE_TOKENS);
        int model = column(header, MODEL);
        int logType = column(header, LOG_TYPE);
        List<String> missing = new ArrayList<>();
        if (ts < 0) {
            missing.add("Timestamp");
        }
        if (isl < 0) {
            missing.add("Request tokens");
        }
        if (osl < 0) {
            missing.add("Response tokens");
        }
        if (s.model() != null && model < 0) {
            missing.add("Model (needed by --model)");
        }
        if (s.logType() != null && logType < 0) {
            missing.add("Log Type (needed by --log-type)");
        }
        if (!missing.isEmpty()) {
            throw DatasetFileException.forFile(display, "missing required column(s) " + String.join(", ", missing)
                    + " in header: " + String.join(",", header));
        }
        int needed = Math.max(Math.max(ts, isl), Math.max(osl, Math.max(model, logType))) + 1;

        long read = 0;
        long matched = 0;
        long written = 0;
        double first = Double.NaN;
        double previous = Double.NEGATIVE_INFINITY;
        long lastMs = 0;
        try {
            while ((s.maxRequests() == null || written < s.maxRequests()) && (text = in.readLine()) != null) {
                line++;
                if (text.isBlank()) {
                    continue;
                }
                read++;
                List<String> f = split(display, line, text);
                if (f.size() < needed) {
                    throw DatasetFileException.atLine(display, line, "expected at least " + needed
                            + " fields, found " + f.size());
                }
                double seconds = number(display, line, header.get(ts), f.get(ts));
                long input = tokens(display, line, header.get(isl), f.get(isl));
                long output = tokens(display, line, header.get(osl), f.get(osl));
                if ((s.startTimeS() != null && seconds < s.startTimeS())
                        || (s.endTimeS() != null && seconds > s.endTimeS())
                        || (s.model() != null && !f.get(model).strip().equalsIgnoreCase(s.model()))
                        || (s.logType() != null && !f.get(logType).strip().equalsIgnoreCase(s.logType()))
                        || input < s.minIsl() || (s.maxIsl() != null && input > s.maxIsl())
                        || output < s.minOsl() || (s.maxOsl() != null && output > s.maxOsl())) {
                    continue;
                }
                if (seconds < previous) {
                    throw DatasetFileException.atLine(display, line, "timestamp " + f.get(ts).strip()
                            + " is earlier than the previous kept row's; rows must be in time order");
                }
                previous = seconds;
                if (matched++ < s.skip()) {
                    continue;
                }
                if (Double.isNaN(first)) {
                    first = seconds;
                }
                lastMs = Math.round((seconds - first) / s.speedRatio() * 1000.0);
                out.write(lastMs, input, output, null);
                written++;
            }
        } catch (IOException e) {
            if (e instanceof java.nio.charset.CharacterCodingException) {
                throw ToolFiles.readFailure(file, line + 1, e);
            }
            throw e;
        }
        return new Result(read, written, lastMs);
    }

    /** The header name reduced to the form columns are matched on. */
    static String normalize(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("\\([^)]*\\)", " ").replaceAll("[^a-z0-9]+", " ").strip();
    }

    private static int column(List<String> header, String wanted) {
        for (int i = 0; i < header.size(); i++) {
            if (normalize(header.get(i)).equals(wanted)) {
                return i;
            }
        }
        return -1;
    }

    private static double number(String display, int line, String column, String value) {
        try {
            double v = Double.parseDouble(value.strip());
            if (Double.isFinite(v)) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw DatasetFileException.atLine(display, line, column.strip() + " is not a number: '" + value + "'");
    }

    private static long tokens(String display, int line, String column, String value) {
        double v;
        try {
            v = Double.parseDouble(value.strip());
        } catch (NumberFormatException e) {
            v = Double.NaN;
        }
        if (!(v >= 0) || v != Math.rint(v) || v > Long.MAX_VALUE) {
            throw DatasetFileException.atLine(display, line, column.strip()
                    + " is not a non-negative whole number: '" + value + "'");
        }
        return (long) v;
    }

    /** One CSV record on one line (Jackson's CSV parser). */
    static List<String> split(String display, int line, String text) {
        return io.aiperf.core.dataset.file.CsvLine.split(display, line, text);
    }
}
