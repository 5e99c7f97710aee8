package io.aiperf.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code aiperf plot --dashboard}'s server: the report's folder and nothing else. */
class ReportServerTest {

    @TempDir
    Path tmp;

    private static HttpResponse<byte[]> get(String url) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void servesTheReportAtTheRootAndEachChartByName() throws Exception {
        Path plots = Files.createDirectories(tmp.resolve("plots"));
        Files.writeString(plots.resolve("report.html"), "<html>report</html>");
        Files.write(plots.resolve("ttft.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G'});

        try (ReportServer server = ReportServer.start(plots, "127.0.0.1", 0)) {
            HttpResponse<byte[]> root = get(server.url());
            assertThat(root.statusCode()).isEqualTo(200);
            assertThat(new String(root.body())).isEqualTo("<html>report</html>");
            assertThat(root.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");

            HttpResponse<byte[]> png = get(server.url() + "ttft.png");
            assertThat(png.statusCode()).isEqualTo(200);
            assertThat(png.body()).hasSize(4);
            assertThat(png.headers().firstValue("Content-Type")).hasValue("image/png");
        }
    }

    @Test
    void nothingOutsideTheFolderNorAMissingFileIsServed() throws Exception {
        Path plots = Files.createDirectories(tmp.resolve("plots"));
        Files.writeString(tmp.resolve("secret.txt"), "not for the browser");
        Files.createDirectories(plots.resolve("sub"));
        Files.writeString(plots.resolve("sub/inner.html"), "x");

        try (ReportServer server = ReportServer.start(plots, "127.0.0.1", 0)) {
            assertThat(get(server.url() + "..%2Fsecret.txt").statusCode()).isEqualTo(404);
            assertThat(get(server.url() + "sub/inner.html").statusCode()).isEqualTo(404);
            assertThat(get(server.url() + "missing.png").statusCode()).isEqualTo(404);
            assertThat(get(server.url()).statusCode()).as("no report.html yet").isEqualTo(404);
        }
    }
}
