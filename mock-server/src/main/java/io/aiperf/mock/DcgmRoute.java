package io.aiperf.mock;

import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * {@code GET /dcgm{N}/metrics}, N = 1 … {@link #MAX_NODES}: fake dcgm-exporter N, one node of
 * {@code --dcgm-num-gpus} GPUs ({@link DcgmFaker}). A node comes into being at its first scrape, so a test can
 * point a telemetry client at as many nodes as it likes without configuring them.
 */
final class DcgmRoute implements Route {

    static final int MAX_NODES = 64;
    private static final String PREFIX = "/dcgm";
    private static final String SUFFIX = "/metrics";

    private final DcgmConfig config;
    private final ServedTraffic traffic;
    private final long serverSeed;
    private final AtomicReferenceArray<DcgmFaker> nodes = new AtomicReferenceArray<>(MAX_NODES + 1);

    DcgmRoute(DcgmConfig config, ServedTraffic traffic) {
        this.config = config;
        this.traffic = traffic;
        this.serverSeed = config.seed() != null ? config.seed() : ThreadLocalRandom.current().nextLong();
    }

    /** The node number in {@code path} if it is a DCGM path (even an out-of-range number), else -1. */
    static int node(String path) {
        if (!path.startsWith(PREFIX) || !path.endsWith(SUFFIX)
                || path.length() <= PREFIX.length() + SUFFIX.length()) {
            return -1;
        }
        String digits = path.substring(PREFIX.length(), path.length() - SUFFIX.length());
        if (digits.length() > 6 || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return -1;
        }
        return Integer.parseInt(digits);
    }

    @Override
    public void handle(Exchange exchange, FullHttpRequest request) {
        int n = node(exchange.path());
        if (n < 1 || n > MAX_NODES) {
            exchange.respondError(HttpResponseStatus.NOT_FOUND,
                    "no DCGM node " + n + "; nodes are 1 to " + MAX_NODES, "not_found");
            return;
        }
        exchange.send(VllmMetricsRoute.textResponse(exchange, node(n).scrape()));
    }

    /** Node {@code n}, created on first use; racing creators agree on one by compare-and-set. */
    DcgmFaker node(int n) {
        DcgmFaker faker = nodes.get(n);
        if (faker == null) {
            nodes.compareAndSet(n, null, new DcgmFaker(config, n, serverSeed, traffic));
            faker = nodes.get(n);
        }
        return faker;
    }

    /** Every existing node's energy counters restart from 0. */
    void resetEnergy() {
        for (int i = 1; i <= MAX_NODES; i++) {
            DcgmFaker faker = nodes.get(i);
            if (faker != null) {
                faker.resetEnergy();
            }
        }
    }
}
