package io.aiperf.telemetry.prometheus;

/**
 * A {@code # HELP name text}, {@code # TYPE name type} or {@code # UNIT name unit} line split into its parts.
 *
 * @param text what follows the name and its blanks: the still escaped help text, the type word, the unit
 */
record MetadataLine(String keyword, String name, String text) {

    /**
     * The parts of {@code line} (which starts with '#'), or null for a plain comment: '#', blanks, then a word other
     * than HELP, TYPE or UNIT. Blanks are spaces and tabs, as 0.0.4 allows; OpenMetrics' single spaces fit that.
     */
    static MetadataLine of(String line) throws MalformedLineException {
        int pos = skipBlanks(line, 1);
        if (pos == 1) {
            return null; // "#HELP" is a comment, not a HELP line
        }
        int keywordEnd = tokenEnd(line, pos);
        String keyword = line.substring(pos, keywordEnd);
        if (!keyword.equals("HELP") && !keyword.equals("TYPE") && !keyword.equals("UNIT")) {
            return null;
        }
        int nameStart = skipBlanks(line, keywordEnd);
        int nameEnd = tokenEnd(line, nameStart);
        String name = line.substring(nameStart, nameEnd);
        if (nameStart == keywordEnd || !SampleLineParser.isMetricName(name)) {
            throw new MalformedLineException("# " + keyword + " needs a metric name, got '" + name + "'");
        }
        int textStart = skipBlanks(line, nameEnd);
        String text = line.substring(textStart);
        if (!keyword.equals("HELP")) {
            text = text.strip();
            if (text.isEmpty() && keyword.equals("TYPE")) {
                throw new MalformedLineException("# TYPE " + name + " needs a type");
            }
        }
        return new MetadataLine(keyword, name, text);
    }

    private static int skipBlanks(String line, int pos) {
        while (pos < line.length() && (line.charAt(pos) == ' ' || line.charAt(pos) == '\t')) {
            pos++;
        }
        return pos;
    }

    private static int tokenEnd(String line, int pos) {
        while (pos < line.length() && line.charAt(pos) != ' ' && line.charAt(pos) != '\t') {
            pos++;
        }
        return pos;
    }
}
