package io.aiperf.ui.report;

import io.aiperf.ui.report.ChartSpec.Kind;
import io.aiperf.ui.report.ChartSpec.Point;
import io.aiperf.ui.report.ChartSpec.Series;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.labels.ItemLabelAnchor;
import org.jfree.chart.labels.ItemLabelPosition;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.category.StatisticalBarRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.statistics.DefaultStatisticalCategoryDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

/**
 * One PNG per chart, {@code OUT/<name>.png}, drawn with JFreeChart from the same {@link ChartSpec} the HTML draws.
 * AWT runs headless: the CLI has no display, and a JVM that touched AWT with a display would need one.
 */
public final class PngCharts {

    public static final int WIDTH = 960;
    public static final int HEIGHT = 540;

    static {
        System.setProperty("java.awt.headless", "true");
    }

    private PngCharts() {
    }

    /** Writes {@code dir/<chart name>.png} and returns its path. */
    public static Path write(ChartSpec chart, Path dir, Theme theme) {
        Path file = dir.resolve(chart.name() + ".png");
        try {
            ChartUtils.saveChartAsPNG(file.toFile(), chart(chart, theme), WIDTH, HEIGHT);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    static JFreeChart chart(ChartSpec spec, Theme theme) {
        JFreeChart chart = spec.kind() == Kind.BAR ? bars(spec) : lines(spec);
        if (theme == Theme.DARK) {
            darken(chart);
        }
        return chart;
    }

    private static JFreeChart lines(ChartSpec spec) {
        XYSeriesCollection data = new XYSeriesCollection();
        for (Series s : spec.series()) {
            // Two series may share a name (a run's label); JFreeChart's keys must be unique.
            XYSeries xy = new XYSeries(uniqueKey(data, s.name()), spec.kind() == Kind.LINE, true);
            s.points().forEach(p -> xy.add(p.x(), p.y()));
            data.addSeries(xy);
        }
        JFreeChart chart = ChartFactory.createXYLineChart(spec.title(), spec.xAxis(), spec.yAxis(), data,
                PlotOrientation.VERTICAL, true, false, false);
        XYPlot plot = chart.getXYPlot();
        NumberAxis domain = (NumberAxis) plot.getDomainAxis();
        domain.setAutoRangeIncludesZero(false);
        if ("Concurrency".equalsIgnoreCase(spec.xAxis())) {
            // Concurrency is a count of sessions: ticks at 1.5 would show levels no run can have.
            domain.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        }
        ((NumberAxis) plot.getRangeAxis()).setAutoRangeIncludesZero(false);
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
        for (int i = 0; i < spec.series().size(); i++) {
            renderer.setSeriesStroke(i, new BasicStroke(2f));
            renderer.setSeriesShapesVisible(i, spec.kind() == Kind.SCATTER || spec.series().get(i).points().size() <= 40);
        }
        if (spec.kind() == Kind.SCATTER) {
            renderer.setDefaultItemLabelGenerator((dataset, series, item) ->
                    spec.series().get(series).points().get(item).label());
            renderer.setDefaultItemLabelsVisible(true);
            renderer.setDefaultPositiveItemLabelPosition(
                    new ItemLabelPosition(ItemLabelAnchor.OUTSIDE12, TextAnchor.BOTTOM_CENTER));
        }
        plot.setRenderer(renderer);
        style(plot);
        return chart;
    }

    private static String uniqueKey(XYSeriesCollection data, String name) {
        String key = name;
        for (int n = 2; data.getSeriesIndex(key) >= 0; n++) {
            key = name + " (" + n + ")";
        }
        return key;
    }

    /**
     * Grouped bars; a bar with an interval gets an error bar of half its width each side (a confidence interval
     * is symmetric about its mean, which is what StatisticalBarRenderer draws).
     */
    private static JFreeChart bars(ChartSpec spec) {
        DefaultStatisticalCategoryDataset data = new DefaultStatisticalCategoryDataset();
        for (Series s : spec.series()) {
            for (Point p : s.points()) {
                if (!Double.isNaN(p.y())) {
                    double half = p.hasInterval() ? (p.high() - p.low()) / 2 : Double.NaN;
                    data.add(p.y(), half, s.name(), spec.categories().get((int) p.x()));
                }
            }
        }
        JFreeChart chart = ChartFactory.createBarChart(spec.title(), spec.xAxis(), spec.yAxis(), data,
                PlotOrientation.VERTICAL, true, false, false);
        CategoryPlot plot = chart.getCategoryPlot();
        StatisticalBarRenderer renderer = new StatisticalBarRenderer();
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        renderer.setErrorIndicatorPaint(Color.DARK_GRAY);
        renderer.setItemMargin(0.05);
        plot.setRenderer(renderer);
        if (spec.categories().size() > 8) {
            plot.getDomainAxis().setCategoryLabelPositions(CategoryLabelPositions.UP_45);
        }
        style(plot);
        return chart;
    }

    private static void style(Plot plot) {
        plot.setBackgroundPaint(Color.WHITE);
        if (plot instanceof XYPlot xy) {
            xy.setDomainGridlinePaint(new Color(0xDDDDDD));
            xy.setRangeGridlinePaint(new Color(0xDDDDDD));
        } else if (plot instanceof CategoryPlot category) {
            category.setRangeGridlinePaint(new Color(0xDDDDDD));
        }
    }

    private static void darken(JFreeChart chart) {
        Color background = new Color(0x100C2A);
        Color text = new Color(0xDDDDDD);
        chart.setBackgroundPaint(background);
        chart.getTitle().setPaint(text);
        chart.getLegend().setBackgroundPaint(background);
        chart.getLegend().setItemPaint(text);
        Plot plot = chart.getPlot();
        plot.setBackgroundPaint(new Color(0x1C1840));
        List<org.jfree.chart.axis.Axis> axes = plot instanceof XYPlot xy
                ? List.of(xy.getDomainAxis(), xy.getRangeAxis())
                : List.of(((CategoryPlot) plot).getDomainAxis(), ((CategoryPlot) plot).getRangeAxis());
        for (org.jfree.chart.axis.Axis axis : axes) {
            axis.setLabelPaint(text);
            axis.setTickLabelPaint(text);
        }
        if (plot instanceof CategoryPlot category && category.getRenderer() instanceof StatisticalBarRenderer bars) {
            bars.setErrorIndicatorPaint(text);
        }
    }
}
