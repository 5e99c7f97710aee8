package io.aiperf.mock;

import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.nio.charset.StandardCharsets;

/**
 * Pushes a few requests through the real pipeline, in memory, before the port opens. Otherwise class loading
 * (Jackson, the HTTP codec, our handlers) lands on the first real request and adds hundreds of milliseconds
 * to it, which a benchmark would report as that request's TTFT.
 */
final class Warmup {

    private static final String[] REQUESTS = {
        request("/v1/chat/completions", "{\"model\":\"w\",\"stream\":true,\"max_tokens\":2,\"ignore_eos\":true,"
                + "\"stream_options\":{\"include_usage\":true},"
                + "\"messages\":[{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\"hi\"}]}]}"),
        request("/v1/chat/completions", "{\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],\"max_tokens\":2}"),
        request("/v1/completions", "{\"prompt\":\"hi\",\"stream\":true,\"max_tokens\":2}"),
        request("/v1/completions", "{\"prompt\":[\"hi\"],\"max_tokens\":2}"),
        request("/v1/completions", "{not json"),
    };

    private Warmup() {
    }

    static void run() {
        // A private router and log: warm-up traffic must not show up in the server's request log.
        Router router = new Router(MockConfig.ephemeral().withFast(true), new RequestLog(), new ServedTraffic());
        EmbeddedChannel channel = new EmbeddedChannel(new MockServerInitializer(router, null));
        try {
            for (String request : REQUESTS) {
                channel.writeInbound(Unpooled.copiedBuffer(request, StandardCharsets.UTF_8));
                // Fast mode still goes through the event loop's task queue, one turn per batch of tokens.
                for (int turn = 0; turn < 10; turn++) {
                    channel.runPendingTasks();
                }
                channel.releaseOutbound();
            }
        } finally {
            channel.finishAndReleaseAll();
        }
    }

    private static String request(String path, String body) {
        return "POST " + path + " HTTP/1.1\r\nHost: warmup\r\nContent-Type: application/json\r\n"
                + "Content-Length: " + body.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n" + body;
    }
}
