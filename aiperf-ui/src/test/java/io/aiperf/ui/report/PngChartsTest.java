package io.aiperf.ui.report;

import io.aiperf.ui.report.ChartSpec.Kind;
import io.aiperf.ui.report.ChartSpec.Point;
import io.aiperf.ui.report.ChartSpec.Series;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class PngChartsTest {

    @TempDir
    Path tmp;

    private static final List<ChartSpec> ONE_OF_EACH = List.of(
            new ChartSpec("lines", "Lines", Kind.LINE, "x", "y", List.of(),
                    List.of(new Series("a", List.of(Point.of(1, 2), Point.of(2, 3))),
                            new Series("a", List.of(Point.of(1, 1))))),
            new ChartSpec("labelled", "Labelled", Kind.SCATTER, "x", "y", List.of(),
                    List.of(new Series("runs", List.of(new Point(200, 80, "c1", Double.NaN, Double.NaN),
                            new Point(190, 150, "c2", Double.NaN, Double.NaN))))),
            new ChartSpec("bars", "Bars", Kind.BAR, "", "ms", List.of("run_0001", "mean"),
                    List.of(new Series("runs", List.of(Point.of(0, 20))),
                            new Series("mean", List.of(new Point(1, 25, null, 24, 26))))));

    private static int colours(BufferedImage image) {
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 3) {
            for (int x = 0; x < image.getWidth(); x += 3) {
                colours.add(image.getRGB(x, y));
            }
        }
        return colours.size();
    }

    @ParameterizedTest
    @EnumSource(Theme.class)
    void eachKindIsAPngOfTheFixedSizeWithSomethingDrawn(Theme theme) throws Exception {
        for (ChartSpec chart : ONE_OF_EACH) {
            Path file = PngCharts.write(chart, tmp, theme);

            assertThat(file).isEqualTo(tmp.resolve(chart.name() + ".png"));
            BufferedImage image = ImageIO.read(file.toFile());
            assertThat(image.getWidth()).isEqualTo(PngCharts.WIDTH);
            assertThat(image.getHeight()).isEqualTo(PngCharts.HEIGHT);
            assertThat(colours(image)).as(chart.name()).isGreaterThan(5);
        }
    }

    @Test
    void theDarkThemeHasADarkBackground() throws Exception {
        BufferedImage light = ImageIO.read(PngCharts.write(ONE_OF_EACH.get(0), tmp, Theme.LIGHT).toFile());
        int lightCorner = light.getRGB(2, 2) & 0xFFFFFF;
        BufferedImage dark = ImageIO.read(PngCharts.write(ONE_OF_EACH.get(0), tmp, Theme.DARK).toFile());
        int darkCorner = dark.getRGB(2, 2) & 0xFFFFFF;

        assertThat(brightness(lightCorner)).isGreaterThan(200);
        assertThat(brightness(darkCorner)).isLessThan(60);
    }

    private static int brightness(int rgb) {
        return ((rgb >> 16 & 0xFF) + (rgb >> 8 & 0xFF) + (rgb & 0xFF)) / 3;
    }
}
