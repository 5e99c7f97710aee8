package io.aiperf.cli;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Executors;

/**
 * {@code aiperf plot --dashboard}: serves a written report's folder over HTTP (the JDK's server: nothing to add for
 * a handful of static files). Only files directly in the folder are served, by their plain names; {@code /} is
 * {@code report.html}. Read-only, GET and HEAD only.
 */
final class ReportServer implements AutoCloseable {

    private final HttpServer server;

    private ReportServer(HttpServer server) {
        this.server = server;
    }

    /** Serves {@code dir} on {@code host:port} (0: any free port) until {@link #close()}. */
    static ReportServer start(Path dir, String host, int port) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(host, port), 0);
        server.createContext("/", exchange -> serve(dir, exchange));
        server.setExecutor(Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "aiperf-report-server");
            t.setDaemon(true);
            return t;
        }));
        server.start();
        return new ReportServer(server);
    }

    /** The address a browser opens, e.g. {@code http://127.0.0.1:8050/}. */
    String url() {
        InetSocketAddress a = server.getAddress();
        return "http://" + a.getHostString() + ":" + a.getPort() + "/";
    }

    private static void serve(Path dir, HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            if (!method.equals("GET") && !method.equals("HEAD")) {
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            String name = exchange.getRequestURI().getPath().substring(1);
            if (name.isEmpty()) {
                name = "report.html";
            }
            // A plain file name of the folder: no sub-folders, no way out of it.
            Path file = name.contains("/") || name.contains("\\") || name.startsWith(".") ? null : dir.resolve(name);
            if (file == null || !Files.isRegularFile(file)) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            exchange.getResponseHeaders().set("Content-Type", contentType(name));
            long length = Files.size(file);
            exchange.sendResponseHeaders(200, method.equals("HEAD") ? -1 : length);
            if (method.equals("GET")) {
                try (OutputStream body = exchange.getResponseBody()) {
                    Files.copy(file, body);
                }
            }
        }
    }

    private static String contentType(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".html")) {
            return "text/html; charset=utf-8";
        }
        if (lower.endsWith(".png")) {
            return "image/png";
        }
        if (lower.endsWith(".json")) {
            return "application/json";
        }
        return "application/octet-stream";
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
