package io.aiperf.telemetry.prometheus;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Parses a scraped exposition in Prometheus text format 0.0.4 or OpenMetrics 1.0 into families of samples. A
 * malformed line becomes a {@link ParseProblem} (its line number and what was wrong) and parsing goes on with the
 * next line: one bad line from a server must not cost the other metrics, nor stop the benchmark. Nothing is thrown,
 * whatever the input.
 *
 * <p>The format is told from the text, not the Content-Type: an OpenMetrics exposition must end with {@code # EOF},
 * so a text that has that line is read as OpenMetrics (counter families without {@code _total}, timestamps in
 * seconds, exemplars), any other as 0.0.4.
 */
public final class ExpositionParser {

    private static final String EOF_LINE = "# EOF";
    // the suffixes a sample may add to its family's name (which ones a type allows: MetricType.allowsSuffix)
    private static final List<String> SUFFIXES = List.of("_total", "_created", "_bucket", "_sum", "_count", "_gsum",
            "_gcount", "_info");

    private final boolean openMetrics;
    private final Map<String, FamilyBuilder> families = new LinkedHashMap<>();
    private final List<ParseProblem> problems = new ArrayList<>();
    private int lineNumber;

    private ExpositionParser(boolean openMetrics) {
        this.openMetrics = openMetrics;
    }

    /** Parses {@code text}; never throws, a null text reads as empty. */
    public static Exposition parse(String text) {
        String body = text == null ? "" : text;
        ExpositionParser parser = new ExpositionParser(hasEofLine(body));
        parser.readLines(body);
        List<MetricFamily> built = new ArrayList<>(parser.families.size());
        parser.families.values().forEach(f -> built.add(f.build()));
        return new Exposition(built, parser.problems, parser.openMetrics);
    }

    private static boolean hasEofLine(String text) {
        int at = text.indexOf(EOF_LINE);
        while (at >= 0) {
            int end = at + EOF_LINE.length();
            boolean startsLine = at == 0 || text.charAt(at - 1) == '\n';
            boolean endsLine = end == text.length() || text.charAt(end) == '\n'
                    || (text.charAt(end) == '\r' && (end + 1 == text.length() || text.charAt(end + 1) == '\n'));
            if (startsLine && endsLine) {
                return true;
            }
            at = text.indexOf(EOF_LINE, at + 1);
        }
        return false;
    }

    private void readLines(String text) {
        boolean afterEof = false;
        int start = 0;
        while (start < text.length()) {
            int newline = text.indexOf('\n', start);
            int end = newline < 0 ? text.length() : newline;
            lineNumber++;
            String line = text.substring(start, end > start && text.charAt(end - 1) == '\r' ? end - 1 : end);
            start = end + 1;
            if (afterEof) {
                problems.add(new ParseProblem(lineNumber, "text after # EOF; the rest of the exposition is ignored"));
                return;
            }
            if (line.equals(EOF_LINE)) {
                afterEof = true;
                continue;
            }
            try {
                readLine(line);
            } catch (MalformedLineException e) {
                problems.add(new ParseProblem(lineNumber, e.getMessage() + ": " + quoted(line)));
            } catch (RuntimeException bug) {
                // a parser bug must cost one line, not the scrape
                problems.add(new ParseProblem(lineNumber, "cannot read the line (" + bug + "): " + quoted(line)));
            }
        }
    }

    private void readLine(String line) throws MalformedLineException {
        if (line.isBlank()) {
            return;
        }
        if (line.charAt(0) == '#') {
            readComment(line);
        } else {
            addSample(SampleLineParser.parse(line, openMetrics));
        }
    }

    /** {@code # HELP}, {@code # TYPE}, {@code # UNIT}; any other comment is ignored. */
    private void readComment(String line) throws MalformedLineException {
        MetadataLine meta = MetadataLine.of(line);
        if (meta == null) {
            return;
        }
        switch (meta.keyword()) {
            case "TYPE" -> declareType(meta);
            case "HELP" -> {
                FamilyBuilder family = familyForMetadata(meta.name());
                if (family.hasHelp()) {
                    throw new MalformedLineException("second # HELP for " + meta.name());
                }
                family.help(HelpText.unescape(meta.text(), openMetrics));
            }
            case "UNIT" -> {
                if (meta.text().isEmpty() || meta.text().chars().anyMatch(c -> c == ' ' || c == '\t')) {
                    throw new MalformedLineException("# UNIT needs one unit word after the name");
                }
                FamilyBuilder family = familyForMetadata(meta.name());
                if (family.hasUnit()) {
                    throw new MalformedLineException("second # UNIT for " + meta.name());
                }
                family.unit(meta.text());
            }
            default -> throw new IllegalStateException("MetadataLine gave keyword " + meta.keyword());
        }
    }

    private void declareType(MetadataLine meta) throws MalformedLineException {
        MetricType type = MetricType.fromTypeWord(meta.text());
        if (type == null) {
            throw new MalformedLineException("unknown metric type '" + meta.text() + "'");
        }
        String name = meta.name();
        if (openMetrics && type == MetricType.COUNTER && name.endsWith("_total")) {
            // OpenMetrics names the counter family without _total; a HELP already seen under the long name moves
            String shortName = name.substring(0, name.length() - "_total".length());
            FamilyBuilder early = families.get(name);
            if (early != null && !early.hasDeclaredType() && !early.hasSamples() && !families.containsKey(shortName)) {
                families.remove(name);
                FamilyBuilder moved = new FamilyBuilder(shortName);
                moved.help(early.help());
                moved.unit(early.unit());
                families.put(shortName, moved);
            }
            name = shortName;
        }
        FamilyBuilder family = familyForMetadata(name);
        if (family.hasDeclaredType()) {
            throw new MalformedLineException("second # TYPE for " + name);
        }
        if (family.hasSamples()) {
            throw new MalformedLineException("# TYPE for " + name + " after its samples");
        }
        family.declareType(type);
    }

    private FamilyBuilder familyForMetadata(String name) {
        return families.computeIfAbsent(name, FamilyBuilder::new);
    }

    private void addSample(Sample sample) throws MalformedLineException {
        String name = sample.name();
        FamilyBuilder exact = families.get(name);
        if (exact != null && exact.type().allowsSuffix("")) {
            checkTypeLabels(exact.type(), "", sample);
            exact.add(sample);
            return;
        }
        for (String suffix : SUFFIXES) {
            if (name.endsWith(suffix) && name.length() > suffix.length()) {
                FamilyBuilder base = families.get(name.substring(0, name.length() - suffix.length()));
                if (base != null && base.hasDeclaredType() && base.type().allowsSuffix(suffix)) {
                    checkTypeLabels(base.type(), suffix, sample);
                    base.add(sample);
                    return;
                }
            }
        }
        if (exact != null) {
            throw new MalformedLineException("sample " + name + " does not fit the "
                    + exact.type().name().toLowerCase(Locale.ROOT) + " family " + name);
        }
        FamilyBuilder untyped = new FamilyBuilder(name);
        untyped.add(sample);
        families.put(name, untyped);
    }

    /** A bucket needs a numeric {@code le}, a summary's quantile line a numeric {@code quantile}. */
    private static void checkTypeLabels(MetricType type, String suffix, Sample sample) throws MalformedLineException {
        String required = null;
        if ((type == MetricType.HISTOGRAM || type == MetricType.GAUGEHISTOGRAM) && suffix.equals("_bucket")) {
            required = "le";
        } else if (type == MetricType.SUMMARY && suffix.isEmpty()) {
            required = "quantile";
        }
        if (required == null) {
            return;
        }
        String value = sample.label(required);
        if (value == null) {
            throw new MalformedLineException(sample.name() + " has no " + required + " label");
        }
        try {
            ExpositionNumbers.value(value);
        } catch (MalformedLineException e) {
            throw new MalformedLineException(sample.name() + " has a non-numeric " + required + " '" + value + "'");
        }
    }

    private static String quoted(String line) {
        return "'" + (line.length() > 120 ? line.substring(0, 120) + "..." : line) + "'";
    }
}
