package io.aiperf.mock;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/** A plain JDK HTTP client pointed at a mock server, as an independent client would use it. */
final class TestHttp {

    static final ObjectMapper JSON = new ObjectMapper();

    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    /** One SSE {@code data:} line and when this client read it. */
    record SseEvent(long receivedNs, String data) {
        boolean isDone() {
            return data.equals("[DONE]");
        }

        JsonNode json() {
            return TestHttp.json(data);
        }
    }

    private TestHttp() {
    }

    static HttpRequest.Builder request(MockServer server, String path) {
        return HttpRequest.newBuilder(URI.create(server.baseUrl() + path)).timeout(Duration.ofSeconds(30));
    }

    static HttpRequest postRequest(MockServer server, String path, String body) {
        return request(server, path)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
    }

    static HttpResponse<String> post(MockServer server, String path, String body) {
        return send(postRequest(server, path, body));
    }

    static HttpResponse<String> get(MockServer server, String path) {
        return send(request(server, path).GET().build());
    }

    static HttpResponse<String> send(HttpRequest request) {
        try {
            return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static HttpClient client() {
        return CLIENT;
    }

    /** Posts a streaming request and timestamps each {@code data:} line as it arrives. */
    static List<SseEvent> stream(MockServer server, String path, String body) {
        try {
            HttpResponse<InputStream> response =
                    CLIENT.send(postRequest(server, path, body), HttpResponse.BodyHandlers.ofInputStream());
            if (response.statusCode() != 200) {
                throw new AssertionError("status " + response.statusCode());
            }
            if (!response.headers().firstValue("content-type").orElse("").startsWith("text/event-stream")) {
                throw new AssertionError("not an event stream: " + response.headers());
            }
            List<SseEvent> events = new ArrayList<>();
            try (BufferedReader lines = new BufferedReader(
                    new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                    if (line.startsWith("data: ")) {
                        events.add(new SseEvent(System.nanoTime(), line.substring("data: ".length())));
                    }
                }
            }
            return events;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode json(HttpResponse<String> response) {
        return json(response.body());
    }

    /** Polls until {@code condition} holds or 5 s pass; for server-side effects that trail the client's view. */
    static boolean eventually(BooleanSupplier condition) {
        long deadlineNs = System.nanoTime() + 5_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadlineNs) {
                return false;
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    static double millis(long nanos) {
        return nanos / 1e6;
    }
}
