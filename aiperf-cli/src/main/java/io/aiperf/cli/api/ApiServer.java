package io.aiperf.cli.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.aiperf.core.error.UsageException;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * {@code --api-host/--api-port}: a small HTTP server in the CLI's JVM that answers GET requests with the live state
 * of the command's runs as JSON ({@link ApiJson}). It runs on one daemon thread of its own: the controller and the
 * workers, which send the load, never wait on it, and a slow client only delays other clients.
 */
public final class ApiServer implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService thread;

    private ApiServer(HttpServer server, ExecutorService thread) {
        this.server = server;
        this.thread = thread;
    }

    /**
     * Binds {@code host:port} (port 0: any free one) and starts serving {@code state}.
     *
     * @throws UsageException when the address cannot be bound, in one line naming it
     */
    public static ApiServer start(String host, int port, LiveRunState state) {
        InetSocketAddress address = new InetSocketAddress(host, port);
        if (address.isUnresolved()) {
            throw new UsageException("--api-host " + host + ": unknown host");
        }
        HttpServer server;
        try {
            server = HttpServer.create(address, 16);
        } catch (IOException e) {
            throw new UsageException("--api-port: cannot listen on " + host + ":" + port + ": "
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
        }
        route(server, "/", s -> ApiJson.index(), state);
        route(server, "/health", s -> ApiJson.health(), state);
        route(server, "/api/status", ApiJson::status, state);
        route(server, "/api/progress", ApiJson::progress, state);
        route(server, "/api/metrics", ApiJson::metrics, state);
        route(server, "/api/workers", ApiJson::workers, state);
        ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "aiperf-api");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(thread);
        server.start();
        return new ApiServer(server, thread);
    }

    /** The address bound, e.g. {@code http://127.0.0.1:43817}. */
    public String url() {
        InetSocketAddress a = server.getAddress();
        String host = a.getAddress().getHostAddress();
        return "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + a.getPort();
    }

    private static void route(HttpServer server, String path, Function<LiveRunState.Snapshot, ObjectNode> body,
                              LiveRunState state) {
        server.createContext(path, exchange -> {
            try (exchange) {
                String method = exchange.getRequestMethod();
                // A context matches every path under it: "/" answers only itself, the rest get 404.
                if (!exchange.getRequestURI().getPath().equals(path)) {
                    send(exchange, 404, ApiJson.index().put("error", "not found"));
                } else if (!"GET".equals(method) && !"HEAD".equals(method)) {
                    exchange.getResponseHeaders().set("Allow", "GET, HEAD");
                    send(exchange, 405, ApiJson.MAPPER.createObjectNode().put("error", "method not allowed"));
                } else {
                    send(exchange, 200, body.apply(state.snapshot()));
                }
            }
        });
    }

    private static void send(HttpExchange exchange, int status, ObjectNode body) throws IOException {
        byte[] bytes;
        try {
            bytes = (ApiJson.MAPPER.writeValueAsString(body) + "\n").getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IOException(e);
        }
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        boolean head = "HEAD".equals(exchange.getRequestMethod());
        exchange.sendResponseHeaders(status, head ? -1 : bytes.length);
        if (!head) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    /** Stops at once: a client mid-request gets a closed connection, not a late answer about a finished run. */
    @Override
    public void close() {
        server.stop(0);
        thread.shutdownNow();
    }
}
