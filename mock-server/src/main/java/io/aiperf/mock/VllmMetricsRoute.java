package io.aiperf.mock;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;

/**
 * {@code GET /metrics} and {@code /vllm/metrics}: the traffic this server served, in vLLM's metric names and
 * buckets (text format 0.0.4), so a server-metrics scraper can be tested against numbers that move with the load it
 * generates. The mock never queues a request, so {@code vllm:num_requests_waiting} stays 0; running requests are the
 * inference requests in flight. {@code mock:request_failures_total} is ours, not vLLM's: the requests answered with
 * an error, an injected fault or a refusal.
 */
final class VllmMetricsRoute implements Route {

    static final String PATH = "/metrics";
    static final String VLLM_PATH = "/vllm/metrics";

    private final ServedTraffic traffic;
    private final RequestLog requestLog;

    VllmMetricsRoute(ServedTraffic traffic, RequestLog requestLog) {
        this.traffic = traffic;
        this.requestLog = requestLog;
    }

    @Override
    public void handle(Exchange exchange, FullHttpRequest request) {
        exchange.send(textResponse(exchange, render()));
    }

    String render() {
        ServedTraffic.Tally t = traffic.tally();
        String model = "model_name=" + PromText.quote(traffic.modelName());
        PromText out = new PromText();
        out.family("vllm:num_requests_running", "gauge", "Requests being answered right now.")
                .sample("vllm:num_requests_running", model, null, requestLog.inFlight());
        out.family("vllm:num_requests_waiting", "gauge", "Requests waiting to start (the mock never queues).")
                .sample("vllm:num_requests_waiting", model, null, 0);
        out.family("vllm:kv_cache_usage_perc", "gauge",
                        "Share of a notional KV cache held by running requests' tokens (1 = full).")
                .sample("vllm:kv_cache_usage_perc", model, null, traffic.kvCacheUsage());
        counter(out, "vllm:prefix_cache_queries_total", "Prompt tokens looked up in the prefix cache.", model,
                t.prefixQueries.sum());
        counter(out, "vllm:prefix_cache_hits_total", "Prompt tokens found in the prefix cache.", model,
                t.prefixHits.sum());
        counter(out, "vllm:prompt_tokens_total", "Prompt tokens processed.", model, t.promptTokens.sum());
        counter(out, "vllm:generation_tokens_total", "Tokens generated.", model, traffic.generatedTokens(t));
        out.family("vllm:request_success_total", "counter", "Requests finished, by why they finished.");
        out.sample("vllm:request_success_total", model, "finished_reason=\"stop\"", t.stopped.sum());
        out.sample("vllm:request_success_total", model, "finished_reason=\"length\"", t.cut.sum());
        out.sample("vllm:request_success_total", model, "finished_reason=\"abort\"", t.aborted.sum());
        counter(out, "mock:request_failures_total",
                "Ours: inference requests answered with an error, an injected fault or a refusal.", model,
                t.failed.sum());
        histogram(out, "vllm:time_to_first_token_seconds", "Time to first token, as the mock scheduled it.", model,
                t.ttft);
        histogram(out, "vllm:inter_token_latency_seconds", "Time between tokens, as the mock scheduled it.", model,
                t.itl);
        histogram(out, "vllm:e2e_request_latency_seconds", "Arrival to the last write of the answer.", model, t.e2e);
        return out.toString();
    }

    private static void counter(PromText out, String name, String help, String labels, long value) {
        out.family(name, "counter", help).sample(name, labels, null, value);
    }

    private static void histogram(PromText out, String name, String help, String labels, Histogram histogram) {
        out.family(name, "histogram", help);
        histogram.writeTo(out, name, labels);
    }

    /** A 200 text/plain exposition answer. */
    static FullHttpResponse textResponse(Exchange exchange, String text) {
        ByteBuf body = ByteBufUtil.writeUtf8(exchange.ctx().alloc(), text);
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK, body);
        response.headers()
                .set(HttpHeaderNames.CONTENT_TYPE, PromText.CONTENT_TYPE)
                .setInt(HttpHeaderNames.CONTENT_LENGTH, body.readableBytes());
        return response;
    }
}
