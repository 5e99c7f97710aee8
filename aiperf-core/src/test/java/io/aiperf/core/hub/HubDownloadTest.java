package io.aiperf.core.hub;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HubDownloadTest {

    @TempDir
    Path tmp;

    private HubSettings settings(String endpoint, String token) {
        return new HubSettings(endpoint, token, tmp.resolve("cache"), null, null);
    }

    private static byte[] bytes(int n) {
        byte[] b = new byte[n];
        new Random(7).nextBytes(b);
        return b;
    }

    private long leftovers(Path dir) throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".part")).count();
        }
    }

    @Test
    void streamsTheBodyIntoPlaceThroughARedirect() throws Exception {
        byte[] body = bytes(3 * (1 << 16) + 123); // several buffers
        try (LocalHub hub = LocalHub.start()) {
            hub.redirect("/datasets/o/r/resolve/main/f.json", "/cdn/blob").serve("/cdn/blob", body);
            HubSettings s = settings(hub.endpoint(), null);
            Path target = tmp.resolve("cache/datasets/x/f.json");

            long n = HubDownload.download(s.datasetFile("o/r", "main", "f.json"), target, s);

            assertThat(n).isEqualTo(body.length);
            assertThat(Files.readAllBytes(target)).isEqualTo(body);
            assertThat(leftovers(target.getParent())).isZero();
            assertThat(hub.requests()).extracting(LocalHub.Seen::path)
                    .containsExactly("/datasets/o/r/resolve/main/f.json", "/cdn/blob");
        }
    }

    @Test
    void sendsTheTokenOnlyWhenSet() throws Exception {
        try (LocalHub hub = LocalHub.start()) {
            hub.serve("/a", "x".getBytes(StandardCharsets.UTF_8));
            HubDownload.download(java.net.URI.create(hub.endpoint() + "/a"), tmp.resolve("one"),
                    settings(hub.endpoint(), "secret-token"));
            HubDownload.download(java.net.URI.create(hub.endpoint() + "/a"), tmp.resolve("two"),
                    settings(hub.endpoint(), null));

            assertThat(hub.requests()).extracting(LocalHub.Seen::authorization)
                    .containsExactly("Bearer secret-token", null);
        }
    }

    @Test
    void httpErrorNamesTheUrlAndStatusAndLeavesTheOldFileAlone() throws Exception {
        Path target = Files.writeString(tmp.resolve("kept.json"), "old");
        try (LocalHub hub = LocalHub.start()) {
            hub.status("/gated", 401);
            HubSettings s = settings(hub.endpoint(), null);
            java.net.URI missing = java.net.URI.create(hub.endpoint() + "/missing");

            assertThatThrownBy(() -> HubDownload.download(missing, target, s))
                    .isInstanceOf(HubDownloadException.class)
                    .hasMessage("cannot download " + missing + ": HTTP 404 (not found)")
                    .satisfies(e -> assertThat(((HubDownloadException) e).notFound()).isTrue());
            assertThatThrownBy(() -> HubDownload.download(java.net.URI.create(hub.endpoint() + "/gated"), target, s))
                    .hasMessageContaining("HTTP 401").hasMessageContaining("HF_TOKEN")
                    .satisfies(e -> assertThat(((HubDownloadException) e).status()).isEqualTo(401));
        }
        assertThat(Files.readString(target)).isEqualTo("old");
        assertThat(leftovers(tmp)).isZero();
    }

    @Test
    void nothingListeningIsConnectionRefusedOnOneLine() throws Exception {
        String closed = LocalHub.closedEndpoint();
        HubSettings s = settings(closed, null);
        java.net.URI url = s.modelFile("o/r", "main", "tokenizer.json");
        Path target = tmp.resolve("t/tokenizer.json");

        assertThatThrownBy(() -> HubDownload.download(url, target, s))
                .isInstanceOf(HubDownloadException.class)
                .hasMessage("cannot download " + url + ": connection refused (offline, or nothing listening?)")
                .satisfies(e -> assertThat(((HubDownloadException) e).status()).isZero());
        assertThat(target).doesNotExist();
    }

    @Test
    void failuresWithoutMessagesStillSayWhat() {
        java.net.ConnectException dns = new java.net.ConnectException();
        dns.initCause(new java.nio.channels.UnresolvedAddressException());
        assertThat(HubDownload.describe(dns)).isEqualTo("unknown host (offline, or no DNS?)");
        assertThat(HubDownload.describe(new java.net.UnknownHostException("huggingface.co")))
                .isEqualTo("unknown host (offline, or no DNS?)");
        assertThat(HubDownload.describe(new java.net.http.HttpConnectTimeoutException("HTTP connect timed out")))
                .isEqualTo("no connection within the connect timeout (offline?)");
        assertThat(HubDownload.describe(new java.net.http.HttpTimeoutException("request timed out")))
                .isEqualTo("no response within 30 s");
        assertThat(HubDownload.describe(new java.io.IOException())).isEqualTo("IOException");
        assertThat(HubDownload.describe(new java.io.IOException("two\n  lines"))).isEqualTo("two lines");
    }

    @Test
    void settingsFollowTheHuggingFaceEnvironment() {
        HubSettings d = HubSettings.fromEnvironment(Map.of(), "/home/u");
        assertThat(d.endpoint()).isEqualTo("https://huggingface.co");
        assertThat(d.cacheDir()).isEqualTo(Path.of("/home/u/.cache/aiperf"));
        assertThat(d.hfHubCache()).isEqualTo(Path.of("/home/u/.cache/huggingface/hub"));
        assertThat(d.token()).isNull();

        HubSettings e = HubSettings.fromEnvironment(Map.of("HF_ENDPOINT", "http://mirror:8080//",
                "AIPERF_CACHE_DIR", "~/c", "HF_HOME", "/hf", "HUGGING_FACE_HUB_TOKEN", "tok"), "/home/u");
        assertThat(e.endpoint()).isEqualTo("http://mirror:8080");
        assertThat(e.cacheDir()).isEqualTo(Path.of("/home/u/c"));
        assertThat(e.hfHubCache()).isEqualTo(Path.of("/hf/hub"));
        assertThat(e.token()).isEqualTo("tok");
        assertThat(e.toString()).doesNotContain("tok,").contains("token=***");

        assertThat(HubSettings.fromEnvironment(Map.of("HF_HUB_CACHE", "/x", "HF_HOME", "/hf"), "/h").hfHubCache())
                .isEqualTo(Path.of("/x"));
        assertThat(HubSettings.fromEnvironment(Map.of("HF_TOKEN", "a", "HUGGING_FACE_HUB_TOKEN", "b"), "/h").token())
                .isEqualTo("a");
    }

    @Test
    void aGarbageEndpointIsRefusedInOneLine() {
        for (String bad : List.of("huggingface.co", "ftp://mirror", "http://has space", "http:///no-host")) {
            assertThatThrownBy(() -> HubSettings.fromEnvironment(Map.of("HF_ENDPOINT", bad), "/h"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("HF_ENDPOINT must be an http(s) URL such as https://huggingface.co, found '" + bad
                            + "'");
        }
    }

    @Test
    void urlsHaveTheHubsShapes() {
        HubSettings s = new HubSettings("http://h:1/", null, tmp, null, null);
        assertThat(s.datasetFile("anon/ShareGPT", "main", "f.json").toString())
                .isEqualTo("http://h:1/datasets/anon/ShareGPT/resolve/main/f.json");
        assertThat(s.modelFile("Qwen/Qwen3-0.6B", "abc123", "tokenizer.json").toString())
                .isEqualTo("http://h:1/Qwen/Qwen3-0.6B/resolve/abc123/tokenizer.json");
        assertThat(s.modelFile("o/r", "refs/pr/1", "tokenizer.json").toString())
                .isEqualTo("http://h:1/o/r/resolve/refs%2Fpr%2F1/tokenizer.json");
    }
}
