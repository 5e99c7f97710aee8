package io.aiperf.ui.report;

import java.util.List;

/**
 * One chart as both renderers draw it: the HTML page and the PNG are two views of this one model, so they cannot
 * disagree about what was plotted.
 *
 * @param name       stable name: the PNG's file name and the HTML div's {@code data-chart}
 * @param categories for {@link Kind#BAR} the category labels (a point's x is its category's index); else empty
 */
public record ChartSpec(String name, String title, Kind kind, String xAxis, String yAxis, List<String> categories,
                        List<Series> series) {

    /** How the points are drawn. */
    public enum Kind {
        /** Numeric x, points joined in x order. */
        LINE,
        /** Numeric x, each point labelled (the efficiency plot). */
        SCATTER,
        /** Grouped bars over {@link #categories}, with optional error bars. */
        BAR
    }

    /** One named series of points. */
    public record Series(String name, List<Point> points) {
        public Series {
            points = List.copyOf(points);
        }
    }

    /**
     * One point. {@code label} is the text beside it on a scatter (else null); {@code low} and {@code high} an
     * interval around {@code y} (a confidence interval), else NaN.
     */
    public record Point(double x, double y, String label, double low, double high) {

        public static Point of(double x, double y) {
            return new Point(x, y, null, Double.NaN, Double.NaN);
        }

        public boolean hasInterval() {
            return !Double.isNaN(low) && !Double.isNaN(high);
        }
    }

    public ChartSpec {
        categories = List.copyOf(categories);
        series = List.copyOf(series);
    }
}
