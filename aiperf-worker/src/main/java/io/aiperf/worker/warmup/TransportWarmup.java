package io.aiperf.worker.warmup;

import io.aiperf.core.config.EndpointConfig;
import io.aiperf.core.config.EndpointType;
import io.aiperf.core.endpoint.PayloadFormatter;
import io.aiperf.core.message.Credit;
import io.aiperf.core.message.MessageCodec;
import io.aiperf.core.model.CreditPhase;
import io.aiperf.worker.http.HttpTransport;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Drives a worker's real request path (pool, pipeline, SSE decoder, response parser, record building, message codec)
 * against a loopback {@link WarmupServer} before the worker reports ready. Without it the first requests of a run
 * pay for class loading and interpretation in our own client: measured at 0.5–1.6 s of extra time to first token
 * on this 2-core machine, which would be reported as the server's latency. Nothing here touches the user's server.
 */
public final class TransportWarmup {

    private static final int REQUESTS = 300;
    private static final int CONCURRENCY = 4;
    private static final long BUDGET_NS = TimeUnit.SECONDS.toNanos(8);

    private TransportWarmup() {
    }

    /** @return requests completed (fewer than planned only if the time budget ran out) */
    public static int run(EndpointConfig endpoint) throws InterruptedException {
        boolean completions = endpoint.type() == EndpointType.COMPLETIONS;
        // The canned server speaks chat and completions only: other endpoint types warm the same transport path
        // (connection pool, SSE decoding, record building) with chat-shaped requests.
        EndpointType warmType = completions ? EndpointType.COMPLETIONS : EndpointType.CHAT;
        try (WarmupServer server = WarmupServer.start(completions)) {
            EndpointConfig local = new EndpointConfig(endpoint.modelNames(), warmType, endpoint.streaming(),
                    List.of("http://127.0.0.1:" + server.port()), null, 30, null, endpoint.useLegacyMaxTokens(),
                    endpoint.useServerTokenCount(), Map.of(), Map.of(), endpoint.connectionReuse());
            String payload = PayloadFormatter.format(local, "warm up the request path", WarmupServer.CHUNKS,
                    endpoint.primaryModel());
            return drive(local, payload);
        }
    }

    private static int drive(EndpointConfig local, String payload) throws InterruptedException {
        Semaphore slots = new Semaphore(CONCURRENCY);
        CountDownLatch done = new CountDownLatch(REQUESTS);
        long deadline = System.nanoTime() + BUDGET_NS;
        int sent = 0;
        try (HttpTransport transport = new HttpTransport(local, "warmup", 1, false, false)) {
            for (; sent < REQUESTS && System.nanoTime() < deadline; sent++) {
                if (!slots.tryAcquire(deadline - System.nanoTime(), TimeUnit.NANOSECONDS)) {
                    break;
                }
                Credit credit = Credit.unscheduled(sent, CreditPhase.WARMUP, "warmup", "warmup", payload);
                transport.send(credit, System.nanoTime(), record -> {
                    MessageCodec.encode(record);
                    slots.release();
                    done.countDown();
                });
            }
            done.await(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        }
        return (int) (REQUESTS - done.getCount());
    }
}
