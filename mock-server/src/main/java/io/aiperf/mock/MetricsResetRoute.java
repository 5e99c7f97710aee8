package io.aiperf.mock;

import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;

/**
 * {@code POST /mock/metrics/reset}: the vLLM-like counters and histograms and every DCGM node's energy counter
 * restart from 0, as a restarted server and exporter would, so a test can check that a scraper never reports a
 * negative delta across a counter reset.
 */
final class MetricsResetRoute implements Route {

    static final String PATH = "/mock/metrics/reset";

    private final ServedTraffic traffic;
    private final DcgmRoute dcgm;

    MetricsResetRoute(ServedTraffic traffic, DcgmRoute dcgm) {
        this.traffic = traffic;
        this.dcgm = dcgm;
    }

    @Override
    public void handle(Exchange exchange, FullHttpRequest request) {
        traffic.resetCounters();
        dcgm.resetEnergy();
        exchange.respondJson(HttpResponseStatus.OK, Json.encode(exchange.ctx().alloc(), json -> {
            json.writeStartObject();
            json.writeBooleanField("reset", true);
            json.writeEndObject();
        }));
    }
}
