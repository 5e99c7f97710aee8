package io.aiperf.telemetry.prometheus;

import static org.assertj.core.api.Assertions.assertThat;

import io.aiperf.core.testing.Fuzz;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Whatever a server sends, parse() returns, and its problems are safe to log. */
class ExpositionParserFuzzTest {

    private static final String[] FIXTURES = {"node-exporter.txt", "python-client.txt",
        "python-client.openmetrics.txt", "vllm.txt", "dcgm-exporter.txt", "malformed.txt"};
    // the characters the formats give a meaning, plus ones that must not leak raw into a log line
    private static final String ALPHABET = "abc_:{}=\",# \t\n\r\\.+-eE0123456789NaInfTYPEHELPUNITOF\u0000\u001b\u2028é";

    @Test
    void randomTextNeverThrowsAndGivesLoggableProblems() {
        Fuzz.forAll(2000, ExpositionParserFuzzTest::randomText, ExpositionParserFuzzTest::shorter,
                ExpositionParserFuzzTest::check);
    }

    @Test
    void mutatedRealExpositionsNeverThrowAndGiveLoggableProblems() {
        Fuzz.forAll(300, ExpositionParserFuzzTest::mutatedFixture, ExpositionParserFuzzTest::shorter,
                ExpositionParserFuzzTest::check);
    }

    private static void check(String text) {
        Exposition e = ExpositionParser.parse(text);
        long lines = text.chars().filter(c -> c == '\n').count() + 1;
        for (ParseProblem p : e.problems()) {
            assertThat(p.line()).isBetween(1, (int) lines);
            assertThat(p.message()).isNotBlank()
                    .doesNotContain("\n", "\r", "\u0000", "\u001b", "\u2028")
                    .hasSizeLessThanOrEqualTo(ParseProblem.MAX_MESSAGE_LENGTH + 3);
        }
        for (MetricFamily f : e.families()) {
            assertThat(SampleLineParser.isMetricName(f.name())).as(f.name()).isTrue();
            for (Sample s : f.samples()) {
                assertThat(new ArrayList<>(s.labels().keySet())).isSorted();
            }
        }
    }

    private static String randomText(Random r) {
        StringBuilder out = new StringBuilder();
        int length = r.nextInt(200);
        for (int i = 0; i < length; i++) {
            out.append(ALPHABET.charAt(r.nextInt(ALPHABET.length())));
        }
        return out.toString();
    }

    private static String mutatedFixture(Random r) {
        StringBuilder text = new StringBuilder(FixtureExpositionsTest.fixture(FIXTURES[r.nextInt(FIXTURES.length)]));
        int edits = 1 + r.nextInt(20);
        for (int i = 0; i < edits && !text.isEmpty(); i++) {
            int at = r.nextInt(text.length());
            switch (r.nextInt(4)) {
                case 0 -> text.deleteCharAt(at);
                case 1 -> text.insert(at, ALPHABET.charAt(r.nextInt(ALPHABET.length())));
                case 2 -> text.setCharAt(at, ALPHABET.charAt(r.nextInt(ALPHABET.length())));
                default -> text.setLength(at); // a scrape cut short
            }
        }
        return text.toString();
    }

    private static List<String> shorter(String text) {
        List<String> candidates = new ArrayList<>();
        if (text.length() > 1) {
            candidates.add(text.substring(0, text.length() / 2));
            candidates.add(text.substring(text.length() / 2));
            for (int i = 0; i < Math.min(text.length(), 40); i++) {
                candidates.add(text.substring(0, i) + text.substring(i + 1));
            }
        }
        return candidates;
    }
}
