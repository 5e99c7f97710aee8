package io.aiperf.records.accuracy;

import io.aiperf.core.dataset.accuracy.Boxed;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code math}: takes the model's final answer and compares it with the gold one through {@link MathAnswer}. The
 * answer is the contents of the last {@code \boxed{}} (what the prompts ask for); failing that, what follows the last
 * "the answer is" / "answer:" / "final answer", or else the last number of the response. Either fallback flags the
 * response unparsed (it is still scored).
 */
public final class MathGrader implements Grader {

    private static final Pattern ANSWER_PHRASE = Pattern.compile(
            "(?i:final answer|answer)\\s*(?i:is)?\\s*[:=]?\\s*([^\\n]+)");
    private static final Pattern NUMBER = Pattern.compile("-?\\d[\\d,]*(?:\\.\\d+)?(?:/\\d+)?");

    @Override
    public String name() {
        return "math";
    }

    @Override
    public Grade grade(String response, String expected) {
        String text = response == null ? "" : response;
        String answer = Boxed.last(text);
        String how = "last \\boxed{}";
        boolean unparsed = false;
        if (answer == null) {
            unparsed = true;
            String phrase = lastGroup(ANSWER_PHRASE, text);
            if (phrase != null) {
                String inner = Boxed.last(phrase);
                String number = lastMatch(NUMBER, phrase);
                answer = inner != null ? inner : number != null ? number : stripPunctuation(phrase);
                how = "'answer is' phrase (fallback)";
            } else {
                answer = lastMatch(NUMBER, text);
                how = "last number (fallback)";
            }
        }
        if (answer == null) {
            return new Grade(false, true, "", "no answer found; ground_truth '" + expected.strip() + "'");
        }
        boolean match = MathAnswer.equal(answer, expected);
        return new Grade(match, unparsed, answer.strip(), how + " extracted to '" + answer.strip()
                + "' (normalised '" + MathAnswer.normalize(answer) + "'); ground_truth normalised '"
                + MathAnswer.normalize(expected) + "'; match=" + match);
    }

    private static String stripPunctuation(String s) {
        return s.strip().replaceAll("[.\\s]+$", "");
    }

    private static String lastGroup(Pattern p, String text) {
        Matcher m = p.matcher(text);
        String found = null;
        while (m.find()) {
            found = m.group(1);
        }
        return found;
    }

    private static String lastMatch(Pattern p, String text) {
        Matcher m = p.matcher(text);
        String found = null;
        while (m.find()) {
            found = m.group();
        }
        return found;
    }
}
