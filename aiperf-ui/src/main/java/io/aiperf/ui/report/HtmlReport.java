package io.aiperf.ui.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aiperf.ui.report.ChartSpec.Kind;
import io.aiperf.ui.report.ChartSpec.Point;
import io.aiperf.ui.report.ChartSpec.Series;
import io.aiperf.ui.report.ReportInputs.InputDir;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The report as one HTML file that opens offline: ECharts, read from its webjar, is inlined in a {@code <script>};
 * each chart is an ECharts option built here from its {@link ChartSpec} (as JSON, with Jackson) and drawn into a
 * {@code <div data-chart="NAME">} of fixed height. Nothing is fetched: no URL appears in a {@code src} or {@code href}.
 */
public final class HtmlReport {

    static final String ECHARTS = "META-INF/resources/webjars/echarts/5.3.1/dist/echarts.min.js";
    static final int CHART_HEIGHT_PX = 440;

    private static final ObjectMapper JSON = new ObjectMapper();

    private HtmlReport() {
    }

    /** The whole page. */
    public static String render(ReportInputs inputs, List<ChartSpec> charts, Theme theme) {
        ObjectNode options = JSON.createObjectNode();
        charts.forEach(c -> options.set(c.name(), option(c, theme)));
        StringBuilder html = new StringBuilder(1 << 20);
        html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<title>AIPerf report</title>\n<style>\n")
                .append("body{font-family:sans-serif;margin:24px;}")
                .append("body.light{background:#ffffff;color:#222;}body.dark{background:#100c2a;color:#ddd;}")
                .append("section{margin:0 0 28px;}h2{font-size:16px;margin:0 0 6px;}header{font-size:13px;}")
                .append(".chart{width:100%;height:").append(CHART_HEIGHT_PX).append("px;}\n</style>\n")
                .append("<script>\n").append(scriptSafe(echarts())).append("\n</script>\n</head>\n")
                .append("<body class=\"").append(theme == Theme.DARK ? "dark" : "light").append("\">\n")
                .append("<h1>AIPerf report</h1>\n<header>\n<p>Read ").append(inputs.dirs().size())
                .append(inputs.dirs().size() == 1 ? " directory" : " directories").append(":</p>\n<ul>\n");
        for (InputDir dir : inputs.dirs()) {
            html.append("<li><code>").append(escape(dir.dir().toString())).append("</code>: ")
                    .append(describe(dir)).append("</li>\n");
        }
        html.append("</ul>\n</header>\n");
        for (ChartSpec chart : charts) {
            html.append("<section>\n<h2>").append(escape(chart.title())).append("</h2>\n<div class=\"chart\" data-chart=\"")
                    .append(escape(chart.name())).append("\"></div>\n</section>\n");
        }
        html.append("<script>\nconst OPTIONS = ").append(scriptSafe(options.toString())).append(";\n")
                .append(DRAW).append("\n</script>\n</body>\n</html>\n");
        return html.toString();
    }

    /**
     * Draws every div from its option; error bars are a custom series whose {@code renderItem} (a function, which
     * JSON cannot carry) is attached here.
     */
    private static final String DRAW = String.join("\n",
            "const theme = document.body.classList.contains('dark') ? 'dark' : null;",
            "function errorBars(s) {",
            "  s.renderItem = function (params, api) {",
            "    const band = api.size([1, 0])[0];",
            "    const offset = (s.barIndex - (s.barCount - 1) / 2) * band * 0.7 / s.barCount;",
            "    const lo = api.coord([api.value(0), api.value(1)]);",
            "    const hi = api.coord([api.value(0), api.value(2)]);",
            "    const x = lo[0] + offset, w = Math.max(4, band * 0.1 / s.barCount);",
            "    const style = {stroke: theme ? '#eee' : '#333', lineWidth: 1.5};",
            "    return {type: 'group', children: [",
            "      {type: 'line', shape: {x1: x, y1: lo[1], x2: x, y2: hi[1]}, style: style},",
            "      {type: 'line', shape: {x1: x - w, y1: lo[1], x2: x + w, y2: lo[1]}, style: style},",
            "      {type: 'line', shape: {x1: x - w, y1: hi[1], x2: x + w, y2: hi[1]}, style: style}]};",
            "  };",
            "}",
            "document.querySelectorAll('[data-chart]').forEach(function (el) {",
            "  const option = OPTIONS[el.dataset.chart];",
            "  option.series.filter(function (s) { return s.type === 'custom'; }).forEach(errorBars);",
            "  echarts.init(el, theme).setOption(option);",
            "});");

    static ObjectNode option(ChartSpec chart, Theme theme) {
        ObjectNode o = JSON.createObjectNode();
        o.put("animation", false);
        if (theme == Theme.DARK) {
            o.put("backgroundColor", "transparent");
        }
        o.putObject("tooltip").put("trigger", chart.kind() == Kind.BAR ? "axis" : "item");
        o.putObject("legend").put("type", "scroll").put("top", 0);
        o.putObject("grid").put("top", 56).put("left", 24).put("right", 32).put("bottom", 40).put("containLabel", true);
        ObjectNode x = o.putObject("xAxis").put("name", chart.xAxis()).put("nameLocation", "middle").put("nameGap", 28);
        // The y name above the axis: in the middle it would need a gap wider than the widest tick label.
        ObjectNode y = o.putObject("yAxis").put("type", "value").put("name", chart.yAxis()).put("nameGap", 12)
                .put("scale", chart.kind() != Kind.BAR);
        y.putObject("nameTextStyle").put("align", "left");
        ArrayNode series = o.putArray("series");
        if (chart.kind() == Kind.BAR) {
            x.put("type", "category");
            chart.categories().forEach(x.putArray("data")::add);
            List<Series> bars = chart.series();
            for (int i = 0; i < bars.size(); i++) {
                Series s = bars.get(i);
                ObjectNode bar = series.addObject().put("type", "bar").put("name", s.name());
                ArrayNode data = bar.putArray("data");
                for (int c = 0; c < chart.categories().size(); c++) {
                    data.addNull();
                }
                ArrayNode intervals = JSON.createArrayNode();
                for (Point p : s.points()) {
                    if (!Double.isNaN(p.y())) {
                        data.set((int) p.x(), JSON.getNodeFactory().numberNode(p.y()));
                    }
                    if (p.hasInterval()) {
                        intervals.addArray().add((int) p.x()).add(p.low()).add(p.high());
                    }
                }
                if (!intervals.isEmpty()) {
                    series.addObject().put("type", "custom").put("name", s.name()).put("barIndex", i)
                            .put("barCount", bars.size()).put("z", 10).set("data", intervals);
                }
            }
        } else {
            x.put("type", "value").put("scale", true);
            for (Series s : chart.series()) {
                ObjectNode line = series.addObject().put("type", "line").put("name", s.name())
                        .put("showSymbol", chart.kind() == Kind.SCATTER || s.points().size() <= 40)
                        .put("symbolSize", chart.kind() == Kind.SCATTER ? 10 : 6);
                ArrayNode data = line.putArray("data");
                for (Point p : s.points()) {
                    if (chart.kind() == Kind.SCATTER) {
                        data.addObject().put("name", p.label()).putArray("value").add(p.x()).add(p.y());
                    } else {
                        data.addArray().add(p.x()).add(p.y());
                    }
                }
                if (chart.kind() == Kind.SCATTER) {
                    line.putObject("label").put("show", true).put("position", "top").put("formatter", "{b}");
                }
            }
        }
        return o;
    }

    private static String describe(InputDir dir) {
        StringBuilder s = new StringBuilder();
        s.append(dir.runs().size()).append(dir.runs().size() == 1 ? " run" : " runs");
        long multi = dir.points().stream().filter(MultiRun.class::isInstance).count();
        if (multi > 0) {
            s.append(", ").append(multi).append(multi == 1 ? " multi-run" : " multi-runs");
        }
        if (!dir.rounds().isEmpty()) {
            s.append(", ").append(dir.rounds().size()).append(" rounds");
        }
        List<String> names = dir.points().stream().map(LoadPoint::name).toList();
        if (!names.isEmpty()) {
            s.append(" (").append(escape(String.join(", ", names))).append(")");
        }
        return s.toString();
    }

    private static String echarts() {
        try (InputStream in = HtmlReport.class.getClassLoader().getResourceAsStream(ECHARTS)) {
            if (in == null) {
                throw new IllegalStateException(ECHARTS + " is not on the classpath (the echarts webjar is missing)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Text inside a {@code <script>} must not close it. */
    static String scriptSafe(String js) {
        return js.replace("</", "<\\/").replace("\u2028", "\\u2028").replace("\u2029", "\\u2029");
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
