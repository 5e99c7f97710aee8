package io.aiperf.core.hub;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An in-process stand-in for the Hugging Face hub on 127.0.0.1: serves registered bodies by path, answers
 * redirects and error statuses, and records each request's path and Authorization header.
 */
public final class LocalHub implements AutoCloseable {

    /** What a path answers: a body with 200, a redirect, or a bare status. */
    private record Answer(int status, byte[] body, String location) {
    }

    /** One request as received. */
    public record Seen(String path, String authorization) {
    }

    private final HttpServer server;
    private final Map<String, Answer> answers = new ConcurrentHashMap<>();
    private final List<Seen> seen = new CopyOnWriteArrayList<>();

    private LocalHub() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getRawPath();
            seen.add(new Seen(path, exchange.getRequestHeaders().getFirst("Authorization")));
            Answer a = answers.get(path);
            try (exchange) {
                if (a == null) {
                    exchange.sendResponseHeaders(404, -1);
                } else if (a.location != null) {
                    exchange.getResponseHeaders().add("Location", a.location);
                    exchange.sendResponseHeaders(a.status, -1);
                } else if (a.body == null) {
                    exchange.sendResponseHeaders(a.status, -1);
                } else {
                    exchange.sendResponseHeaders(a.status, a.body.length);
                    try (OutputStream out = exchange.getResponseBody()) {
                        out.write(a.body);
                    }
                }
            }
        });
        server.start();
    }

    public static LocalHub start() throws IOException {
        return new LocalHub();
    }

    /** {@code http://127.0.0.1:<port>}, for {@code HF_ENDPOINT}. */
    public String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public LocalHub serve(String path, byte[] body) {
        answers.put(path, new Answer(200, body, null));
        return this;
    }

    public LocalHub redirect(String path, String location) {
        answers.put(path, new Answer(302, null, location));
        return this;
    }

    public LocalHub status(String path, int status) {
        answers.put(path, new Answer(status, null, null));
        return this;
    }

    public List<Seen> requests() {
        return List.copyOf(seen);
    }

    /** An endpoint on which nothing listens (a port that was free a moment ago). */
    public static String closedEndpoint() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return "http://127.0.0.1:" + s.getLocalPort();
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
