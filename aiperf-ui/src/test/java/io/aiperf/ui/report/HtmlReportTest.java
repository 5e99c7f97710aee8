package io.aiperf.ui.report;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class HtmlReportTest {

    @TempDir
    Path tmp;

    private String page(Theme theme) {
        RunFixture.concurrency(1).record(10, 5, 100).writeTo(tmp.resolve("c1"));
        RunFixture.concurrency(2).record(20, 6, 110).writeTo(tmp.resolve("c2"));
        ReportInputs inputs = ReportInputs.find(List.of(tmp));
        return HtmlReport.render(inputs, ReportCharts.of(inputs, 1), theme);
    }

    /** The OPTIONS object the page's script draws from. */
    private static JsonNode options(String html) throws Exception {
        Matcher m = Pattern.compile("const OPTIONS = (\\{.*?\\});\n", Pattern.DOTALL).matcher(html);
        assertThat(m.find()).isTrue();
        return RunFixture.JSON.readTree(m.group(1).replace("<\\/", "</"));
    }

    @Test
    void inlinesEchartsAndReferencesNothingOnline() throws Exception {
        String html = page(Theme.LIGHT);

        String echarts;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(HtmlReport.ECHARTS)) {
            echarts = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(html).contains(HtmlReport.scriptSafe(echarts));
        assertThat(html).doesNotContainPattern("(?i)<script[^>]*\\ssrc\\s*=");
        assertThat(html).doesNotContainPattern("(?i)<link[^>]*href\\s*=\\s*[\"']?https?:");
        assertThat(html).doesNotContainPattern("(?i)(src|href)\\s*=\\s*[\"']?(https?:)?//");
        // Only the library's and the page's own script elements, each closed once.
        assertThat(html.split("</script>", -1)).hasSize(3);
    }

    @Test
    void oneFixedHeightDivPerChartDrawnFromItsOption() throws Exception {
        String html = page(Theme.LIGHT);
        JsonNode options = options(html);

        List<String> names = ReportCharts.of(ReportInputs.find(List.of(tmp)), 1).stream().map(ChartSpec::name).toList();
        for (String name : names) {
            assertThat(html).contains("<div class=\"chart\" data-chart=\"" + name + "\"></div>");
        }
        assertThat(options.fieldNames()).toIterable().containsExactlyElementsOf(names);
        assertThat(html).contains(".chart{width:100%;height:" + HtmlReport.CHART_HEIGHT_PX + "px;}");

        JsonNode avg = options.path("ttft_vs_concurrency").path("series").get(0);
        assertThat(avg.path("name").asText()).isEqualTo("avg");
        assertThat(avg.path("data").toString()).isEqualTo("[[1.0,10.0],[2.0,20.0]]");
        JsonNode efficiency = options.path("efficiency").path("series").get(0).path("data");
        assertThat(efficiency.get(1).path("name").asText()).isEqualTo("c2");
        assertThat(html).contains("<code>" + tmp.toAbsolutePath() + "</code>: 2 runs (c1, c2)");
    }

    @Test
    void theDarkThemeIsTheBodysClassAndEchartsDarkTheme() {
        assertThat(page(Theme.DARK)).contains("<body class=\"dark\">")
                .contains("classList.contains('dark') ? 'dark' : null");
        assertThat(page(Theme.LIGHT)).contains("<body class=\"light\">");
    }

    @Test
    void anIntervalBecomesACustomErrorBarSeriesBesideItsBar() throws Exception {
        RunFixture.multiRun(tmp.resolve("multi"), 25.0, 24.0, 26.0, RunFixture.concurrency(2), RunFixture.concurrency(3));
        ReportInputs inputs = ReportInputs.find(List.of(tmp.resolve("multi")));

        JsonNode series = options(HtmlReport.render(inputs, ReportCharts.of(inputs, 1), Theme.LIGHT))
                .path("runs_comparison_ttft").path("series");

        assertThat(series.get(0).path("data").toString()).isEqualTo("[20.0,30.0,null]");
        assertThat(series.get(1).path("data").toString()).isEqualTo("[null,null,25.0]");
        assertThat(series.get(2).path("type").asText()).isEqualTo("custom");
        assertThat(series.get(2).path("data").toString()).isEqualTo("[[2,24.0,26.0]]");
        assertThat(series.get(2).path("barIndex").asInt()).isEqualTo(1);
    }

    @Test
    void textThatWouldCloseTheScriptIsEscaped() {
        assertThat(HtmlReport.scriptSafe("a</script>b")).isEqualTo("a<\\/script>b");
        assertThat(HtmlReport.escape("<a & \"b\">")).isEqualTo("&lt;a &amp; &quot;b&quot;&gt;");
    }
}
