package io.aiperf.cli.e2e;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code aiperf plot} on a real c1/c2/c4 mock sweep: the PNGs decode, and the HTML report, opened offline in
 * headless Chromium, draws its charts. A chart counts as drawn when its band of the screenshot holds pixels of
 * saturated colours (ECharts' series palette); a page whose script failed shows only grey text there, which
 * the test checks too by breaking the report's script and looking again.
 */
class ReportScreenshotIT {

    /** The page's layout (HtmlReport): a header, then per chart a heading and a 440 px div. */
    private static final int HEADER_PX = 100;
    private static final int SECTION_PX = 440 + 50;
    private static final int CHARTS_CHECKED = 3;

    @RegisterExtension
    final AiperfRuns aiperf = new AiperfRuns().within(120);

    @Test
    void theReportOfASweepOpensInHeadlessChromiumWithItsChartsDrawn() throws Exception {
        for (int c : new int[] {1, 2, 4}) {
            AiperfRun run = aiperf.profile("-m", "m", "--mock-server", "--streaming", "--isl", "32", "--osl", "12",
                    "--extra-inputs", "ignore_eos:true", "--concurrency", String.valueOf(c), "--request-count", "12",
                    "--ui", "none", "--slice-duration", "0.5", "--artifact-dir", "sweep/c" + c);
            assertThat(run.exitCode()).as(run.stderr()).isZero();
        }
        Path sweep = aiperf.dir().resolve("sweep");

        AiperfRun plot = aiperf.run("plot", sweep.toString(), "--num-gpus", "2");

        assertThat(plot.exitCode()).as(plot.stderr()).isZero();
        Path out = sweep.resolve("plots");
        assertThat(plot.stdout().lines().toList()).contains(out.resolve("report.html").toString(),
                out.resolve("ttft_vs_concurrency.png").toString(), out.resolve("efficiency.png").toString(),
                out.resolve("ttft_cdf.png").toString(), out.resolve("timeslices_time_to_first_token.png").toString());
        for (String line : plot.stdout().lines().filter(l -> l.endsWith(".png")).toList()) {
            BufferedImage png = ImageIO.read(new File(line));
            assertThat(png).as(line).isNotNull();
            assertThat(png.getWidth()).isEqualTo(960);
        }
        String html = Files.readString(out.resolve("report.html"), StandardCharsets.UTF_8);
        assertThat(html).contains("data-chart=\"ttft_vs_concurrency\"", "data-chart=\"efficiency\"")
                .doesNotContainPattern("(?i)(src|href)\\s*=\\s*[\"']?(https?:)?//");

        String chromium = onPath("chromium");
        Assumptions.assumeTrue(chromium != null, "chromium not installed: apt-get install chromium");

        BufferedImage page = screenshot(chromium, out.resolve("report.html"));
        // The first chart is TTFT vs concurrency: avg, p50 and p99, three colours; the next ones at least one.
        assertThat(saturatedColours(page, 0)).as("TTFT chart's band of the screenshot").isGreaterThanOrEqualTo(3);
        for (int chart = 1; chart < CHARTS_CHECKED; chart++) {
            assertThat(saturatedColours(page, chart)).as("chart %d's band of the screenshot", chart + 1)
                    .isGreaterThanOrEqualTo(1);
        }

        // The same page with its ECharts script broken draws nothing: the check above would have seen it.
        Path broken = out.resolve("broken.html");
        Files.writeString(broken, html.replaceFirst("<script>", "<script type=\"text/plain\">"), StandardCharsets.UTF_8);
        BufferedImage blank = screenshot(chromium, broken);
        for (int chart = 0; chart < CHARTS_CHECKED; chart++) {
            assertThat(saturatedColours(blank, chart)).as("broken page, chart %d", chart + 1).isZero();
        }
    }

    /** How many distinct saturated hues (30° buckets) cover at least 50 pixels in chart {@code index}'s band. */
    private static int saturatedColours(BufferedImage page, int index) {
        int top = HEADER_PX + index * SECTION_PX;
        int[] hues = new int[12];
        for (int y = top; y < Math.min(page.getHeight(), top + SECTION_PX); y++) {
            for (int x = 0; x < page.getWidth(); x++) {
                int rgb = page.getRGB(x, y);
                float[] hsb = java.awt.Color.RGBtoHSB(rgb >> 16 & 0xFF, rgb >> 8 & 0xFF, rgb & 0xFF, null);
                if (hsb[1] > 0.35f && hsb[2] > 0.35f) {
                    hues[Math.min(11, (int) (hsb[0] * 12))]++;
                }
            }
        }
        Set<Integer> seen = new HashSet<>();
        for (int h = 0; h < hues.length; h++) {
            if (hues[h] >= 50) {
                seen.add(h);
            }
        }
        return seen.size();
    }

    private BufferedImage screenshot(String chromium, Path html) throws Exception {
        Path profile = Files.createTempDirectory(aiperf.dir(), "chromium-profile-");
        Path png = aiperf.dir().resolve(html.getFileName() + ".png");
        Process p = new ProcessBuilder(List.of(chromium, "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--user-data-dir=" + profile, "--window-size=1280,2400",
                "--virtual-time-budget=5000", "--screenshot=" + png, html.toUri().toString()))
                .redirectErrorStream(true).redirectOutput(aiperf.dir().resolve("chromium.log").toFile()).start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            throw new AssertionError("chromium did not finish its screenshot in 120 s");
        }
        assertThat(png).as(Files.readString(aiperf.dir().resolve("chromium.log"))).isRegularFile();
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image.getHeight()).isEqualTo(2400);
        return image;
    }

    private static String onPath(String command) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path candidate = Path.of(dir, command);
            if (Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        return null;
    }
}
