package io.aiperf.records.accuracy;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code multiple_choice}: finds the chosen letter (A to D) and compares it with the gold letter. Where it looks, in
 * order: the last "the answer is (X)" (the CoT prompt's closing sentence), the last "Answer: X", a letter opening
 * the first line (a non-CoT reply is just the letter); these count as parsed. Failing those, the last lone capital
 * A to D anywhere is taken and the response is flagged unparsed.
 */
public final class MultipleChoiceGrader implements Grader {

    private static final Pattern ANSWER_IS = Pattern.compile("(?i:answer is):?\\s*\\(?([A-D])\\b\\)?");
    private static final Pattern ANSWER_COLON = Pattern.compile("(?i:answer)\\s*:\\s*\\(?([A-D])\\b\\)?");
    private static final Pattern LEADING = Pattern.compile("^\\s*[(\\[*]*([A-D])(?:[)\\].:*,]|\\s|$)");
    private static final Pattern LONE = Pattern.compile("\\b([A-D])\\b");

    @Override
    public String name() {
        return "multiple_choice";
    }

    @Override
    public Grade grade(String response, String expected) {
        String text = response == null ? "" : response;
        String gold = expected.strip().toUpperCase(Locale.ROOT);
        String letter = last(ANSWER_IS, text);
        String how = "'answer is (X)'";
        if (letter == null) {
            letter = last(ANSWER_COLON, text);
            how = "'Answer: X'";
        }
        if (letter == null) {
            Matcher m = LEADING.matcher(firstLine(text));
            letter = m.find() ? m.group(1) : null;
            how = "first-line-of-response";
        }
        boolean unparsed = false;
        if (letter == null) {
            letter = last(LONE, text);
            how = "last lone letter (fallback)";
            unparsed = true;
        }
        if (letter == null) {
            return new Grade(false, true, "", "no answer letter found; ground_truth '" + gold + "'");
        }
                boolean match = letter.equals(gold);
        return new Grade(match, unparsed, letter, how + " extracted to '" + letter + "'; ground_truth '" + gold
                + "'; match=" + match);
    }

    private static String last(Pattern p, String text) {
        Matcher m = p.matcher(text);
        String found = null;
        while (m.find()) {
            found = m.group(1);
        }
        return found;
    }

    private static String firstLine(String text) {
        for (String line : text.split("\n", -1)) {
            if (!line.isBlank()) {
                return line;
            }
        }
        return "";
    }
}
