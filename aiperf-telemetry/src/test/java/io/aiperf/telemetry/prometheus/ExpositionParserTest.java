package io.aiperf.telemetry.prometheus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExpositionParserTest {

    @Test
    void aGaugeWithHelpAndLabels() {
        Exposition e = ExpositionParser.parse("""
                # HELP queue_depth Requests waiting.
                # TYPE queue_depth gauge
                queue_depth{zone="b",model="m"} 3
                """);

        assertThat(e.problems()).isEmpty();
        assertThat(e.openMetrics()).isFalse();
        MetricFamily f = e.family("queue_depth");
        assertThat(f.type()).isEqualTo(MetricType.GAUGE);
        assertThat(f.help()).isEqualTo("Requests waiting.");
        assertThat(f.unit()).isNull();
        Sample s = f.samples().get(0);
        assertThat(s.value()).isEqualTo(3.0);
        assertThat(s.timestampMs()).isNull();
        assertThat(s.labels().keySet()).containsExactly("model", "zone");
        assertThat(s.label("zone")).isEqualTo("b");
        assertThat(s.label("absent")).isNull();
        assertThatThrownBy(() -> s.labels().put("x", "y")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void labelValuesAreUnescapedAndLabelListsMayHaveBlanksAndATrailingComma() {
        Exposition e = ExpositionParser.parse("m{ a = \"back\\\\slash\" ,\tb=\"say \\\"hi\\\"\",c=\"two\\nlines\", } 1\n");

        assertThat(e.problems()).isEmpty();
        assertThat(e.family("m").samples().get(0).labels())
                .isEqualTo(Map.of("a", "back\\slash", "b", "say \"hi\"", "c", "two\nlines"));
    }

    @Test
    void specialAndExponentValues() {
        Exposition e = ExpositionParser.parse("""
                a NaN
                b +Inf
                c -Inf
                d Inf
                e 1.5e-3
                f -2E+2
                g .5
                """);

        assertThat(e.problems()).isEmpty();
        assertThat(e.family("a").samples().get(0).value()).isNaN();
        assertThat(e.family("b").samples().get(0).value()).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(e.family("c").samples().get(0).value()).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(e.family("d").samples().get(0).value()).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(e.family("e").samples().get(0).value()).isEqualTo(0.0015);
        assertThat(e.family("f").samples().get(0).value()).isEqualTo(-200.0);
        assertThat(e.family("g").samples().get(0).value()).isEqualTo(0.5);
    }

    @Test
    void hexAndJavaOnlyNumberSpellingsAreProblems() {
        Exposition e = ExpositionParser.parse("a 0x10\nb 1d\nc 1_000\nd Infinity\n");

        assertThat(e.problems()).extracting(ParseProblem::line).containsExactly(1, 2, 3, 4);
        assertThat(e.families()).isEmpty();
    }

    @Test
    void timestampsAreMillisecondsIn004AndSecondsInOpenMetrics() {
        Exposition text = ExpositionParser.parse("up 1 1700000000123\n");
        Exposition om = ExpositionParser.parse("up 1 1700000000.1234\n# EOF\n");

        assertThat(text.family("up").samples().get(0).timestampMs()).isEqualTo(1_700_000_000_123L);
        assertThat(om.openMetrics()).isTrue();
        assertThat(om.family("up").samples().get(0).timestampMs()).isEqualTo(1_700_000_000_123L);
        assertThat(ExpositionParser.parse("up 1 1.5\n").problems()).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("timestamp"));
    }

    @Test
    void samplesWithoutTypeAreUntypedFamiliesOfTheirOwnName() {
        Exposition e = ExpositionParser.parse("x_sum 1\nx_count 2\n");

        assertThat(e.families()).extracting(MetricFamily::name).containsExactly("x_sum", "x_count");
        assertThat(e.families()).extracting(MetricFamily::type).containsOnly(MetricType.UNTYPED);
    }

    @Test
    void aHistogramKeepsItsSuffixesInTheSampleNames() {
        Exposition e = ExpositionParser.parse("""
                # TYPE lat histogram
                lat_bucket{le="0.5"} 1
                lat_bucket{le="+Inf"} 2
                lat_sum 0.9
                lat_count 2
                """);

        assertThat(e.families()).hasSize(1);
        assertThat(e.family("lat").samples()).extracting(Sample::name)
                .containsExactly("lat_bucket", "lat_bucket", "lat_sum", "lat_count");
    }

    @Test
    void in004ACounterFamilyIsNamedAsWrittenInOpenMetricsWithoutTotal() {
        Exposition text = ExpositionParser.parse("# TYPE req_total counter\nreq_total 5\n");
        Exposition om = ExpositionParser.parse("""
                # TYPE req counter
                # HELP req Requests.
                req_total 5
                req_created 1.7e9
                # EOF
                """);

        assertThat(text.family("req_total").type()).isEqualTo(MetricType.COUNTER);
        assertThat(om.problems()).isEmpty();
        assertThat(om.families()).extracting(MetricFamily::name).containsExactly("req");
        assertThat(om.family("req").samples()).extracting(Sample::name).containsExactly("req_total", "req_created");
    }

    @Test
    void anOpenMetricsCounterTypedWithTotalStillDropsIt() {
        Exposition om = ExpositionParser.parse("# HELP req_total R.\n# TYPE req_total counter\nreq_total 5\n# EOF\n");

        assertThat(om.problems()).isEmpty();
        assertThat(om.family("req").help()).isEqualTo("R.");
        assertThat(om.family("req").samples()).hasSize(1);
    }

    @Test
    void openMetricsUnitInfoStatesetAndExemplarsAreRead() {
        Exposition e = ExpositionParser.parse("""
                # TYPE t gauge
                # UNIT t celsius
                t 21
                # TYPE b info
                b_info{version="1"} 1
                # TYPE s stateset
                s{s="on"} 1
                # TYPE h histogram
                h_bucket{le="1"} 1 # {trace_id="abc"} 0.5 1700000000.5
                h_bucket{le="+Inf"} 1 # {} 0.5
                h_count 1
                # EOF
                """);

        assertThat(e.problems()).isEmpty();
        assertThat(e.family("t").unit()).isEqualTo("celsius");
        assertThat(e.family("b").type()).isEqualTo(MetricType.INFO);
        assertThat(e.family("s").type()).isEqualTo(MetricType.STATESET);
        assertThat(e.family("h").samples()).extracting(Sample::value).containsExactly(1.0, 1.0, 1.0);
    }

    @Test
    void anExemplarIsAProblemIn004() {
        Exposition e = ExpositionParser.parse("h_bucket{le=\"1\"} 1 # {trace_id=\"abc\"} 0.5\n");

        assertThat(e.problems()).extracting(ParseProblem::line).containsExactly(1);
    }

    @Test
    void anythingAfterEofIsOneProblem() {
        Exposition e = ExpositionParser.parse("a 1\n# EOF\nb 2\nc 3\n");

        assertThat(e.families()).extracting(MetricFamily::name).containsExactly("a");
        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(3);
            assertThat(p.message()).contains("after # EOF");
        });
    }

    @Test
    void blankLinesPlainCommentsAndCrlfAreFine() {
        Exposition e = ExpositionParser.parse("# just a comment\r\n\r\n   \r\n#HELP not_help x\r\na 1\r\n");

        assertThat(e.problems()).isEmpty();
        assertThat(e.families()).extracting(MetricFamily::name).containsExactly("a");
    }

    @Test
    void helpTextIsUnescaped() {
        Exposition text = ExpositionParser.parse("# HELP a One\\ntwo \\\\ \\\"q\\\" \\t\na 1\n");
        Exposition om = ExpositionParser.parse("# HELP a say \\\"q\\\"\na 1\n# EOF\n");

        assertThat(text.family("a").help()).isEqualTo("One\ntwo \\ \\\"q\\\" \\t");
        assertThat(om.family("a").help()).isEqualTo("say \"q\"");
    }

    @Test
    void aBadLineIsSkippedAndTheNextOneRead() {
        Exposition e = ExpositionParser.parse("a{x=\"1\" 1\nb 2\n");

        assertThat(e.families()).extracting(MetricFamily::name).containsExactly("b");
        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(1);
            assertThat(p.message()).contains("expected ',' or '}'").contains("a{x=\"1\" 1");
        });
    }

    @Test
    void aSampleThatDoesNotFitItsTypedFamilyIsAProblem() {
        Exposition e = ExpositionParser.parse("# TYPE h histogram\nh 1\nh_bucket 1\n# TYPE q summary\nq 1\n");

        assertThat(e.problems()).extracting(ParseProblem::line).containsExactly(2, 3, 5);
        assertThat(e.problems().get(0).message()).contains("does not fit the histogram family h");
        assertThat(e.problems().get(1).message()).contains("no le label");
        assertThat(e.problems().get(2).message()).contains("no quantile label");
    }

    @Test
    void typeAfterSamplesAndRepeatedMetadataAreProblems() {
        Exposition e = ExpositionParser.parse("a 1\n# TYPE a gauge\n# HELP b x\n# HELP b y\n# TYPE c gauge\n"
                + "# TYPE c counter\n# TYPE\n# TYPE d\n# UNIT d\n");

        assertThat(e.problems()).extracting(ParseProblem::line).containsExactly(2, 4, 6, 7, 8, 9);
    }

    @Test
    void emptyAndNullTextsAreEmptyExpositions() {
        assertThat(ExpositionParser.parse("").families()).isEmpty();
        assertThat(ExpositionParser.parse(null).problems()).isEmpty();
    }

    @Test
    void aProblemQuotesTheLineOnOneLineWithoutControlCharacters() {
        Exposition e = ExpositionParser.parse("bad{x=\"\u001b[2J\r\u0085\"} \u0007\n");

        ParseProblem p = e.problems().get(0);
        assertThat(p.message()).doesNotContain("\u001b", "\r", "\u0007", "\u0085", "\n").contains("\\u001b");
    }

    @Test
    void aLongLineIsQuotedShort() {
        Exposition e = ExpositionParser.parse("bad " + "9".repeat(10_000) + "x\n");

        assertThat(e.problems().get(0).message()).hasSizeLessThan(ParseProblem.MAX_MESSAGE_LENGTH + 4);
    }

    @Test
    void familiesKeepTheOrderTheyFirstAppearedIn() {
        Exposition e = ExpositionParser.parse("z 1\na 2\nz 3\n");

        assertThat(e.families()).extracting(MetricFamily::name).containsExactly("z", "a");
        assertThat(e.family("z").samples()).extracting(Sample::value).isEqualTo(List.of(1.0, 3.0));
    }
}
