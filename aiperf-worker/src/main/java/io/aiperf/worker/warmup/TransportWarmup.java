package io.aiperf.worker.warmup;

import io.aiperf.core.config.EndpointConfig;
import io.aiperf.core.config.EndpointType;
import io.aiperf.core.endpoint.PayloadFormatter;
import io.aiperf.core.message.Credit;
import io.aiperf.core.message.MessageCodec;
import io.aiperf.core.model.CreditPhase;
import io.aiperf.worker.http.HttpTransport;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Builds the worker's transport and drives it against a loopback {@link WarmupServer} before the worker reports
 * ready: the very transport the run will use (its event loop thread and that thread's buffer caches, its bootstrap,
 * handlers and the code they run), not a look-alike, so nothing of the request path is cold when the first credit
 * arrives. Without it the first requests pay for class loading, interpretation and first-use set-up in our own
 * client, reported as the server's latency (measured: 0.5-1.6 s of time to first token with no warm-up; with a
 * warm-up on a separate transport of four connections, 7-14 ms of connecting and 4-6 ms of sending in the first wave
 * of a c16 run). Nothing here touches the user's server.
 */
public final class TransportWarmup {

    /**
     * Requests each on a new connection (the server closes it after answering), 16 at a time: enough that opening a
     * connection is compiled code when the run begins, not only warm classes. With 64 requests on 16 connections,
     * the run's first connections were still interpreted: a c16 first wave waited ~20 ms for its writes, and a cold
     * 2,000 req/s run opened 868 connections in its first 0.5 s as requests queued behind slow connects.
     */
    private static final int FIRST_WAVE = 320;
    private static final int FIRST_WAVE_AT_ONCE = 16;
    private static final int STEADY = 300;
    private static final int STEADY_AT_ONCE = 4;
    /**
     * Prompt sizes the requests cycle through, so the buffers grow and the gathering write is taken as with real
     * bodies, not only with a one-line prompt.
     */
    private static final int[] PROMPT_CHARS = {16, 2_048, 32_768};
    private static final long BUDGET_NS = TimeUnit.SECONDS.toNanos(8);
    private static final long SCHEDULED_AHEAD_NS = TimeUnit.MICROSECONDS.toNanos(200);

    /** The warmed transport, and how many warm-up requests completed. */
    public record Warmed(HttpTransport transport, int requests) {
    }

    private TransportWarmup() {
    }

    /**
     * @param endpoint the run's endpoint (headers, body shape, reuse strategy: all as in the run); the canned server
     *                 answers chat or completions, so other endpoint types warm the same path with answers their
     *                 parser rejects, which is the same path as well
     */
    public static Warmed run(EndpointConfig endpoint, String workerId, boolean captureRaw, boolean traceHttp)
            throws InterruptedException {
        return run(endpoint, workerId, captureRaw, traceHttp, BUDGET_NS);
    }

    /** {@link #run} within {@code budgetNs}: a test on a loaded machine gives it room to finish every request. */
    static Warmed run(EndpointConfig endpoint, String workerId, boolean captureRaw, boolean traceHttp, long budgetNs)
            throws InterruptedException {
        NettyJfrEvents.initialize();
        try (WarmupServer server = WarmupServer.start(endpoint.type() == EndpointType.COMPLETIONS, FIRST_WAVE)) {
            HttpTransport transport = new HttpTransport(endpoint, workerId, 1, captureRaw, traceHttp,
                    "http://127.0.0.1:" + server.port());
            String[] payloads = new String[PROMPT_CHARS.length];
            for (int i = 0; i < payloads.length; i++) {
                payloads[i] = PayloadFormatter.format(endpoint, "warm up ".repeat(PROMPT_CHARS[i] / 8),
                        WarmupServer.CHUNKS, endpoint.primaryModel());
            }
            long deadline = System.nanoTime() + budgetNs;
            int done = drive(transport, payloads, 0, FIRST_WAVE, FIRST_WAVE_AT_ONCE, deadline);
            done += drive(transport, payloads, FIRST_WAVE, STEADY, STEADY_AT_ONCE, deadline);
            transport.endWarmup();
            return new Warmed(transport, done);
        }
    }

    private static int drive(HttpTransport transport, String[] payloads, int firstId, int requests, int atOnce,
                             long deadline) throws InterruptedException {
        Semaphore slots = new Semaphore(atOnce);
        CountDownLatch done = new CountDownLatch(requests);
        int url = transport.warmupUrlIndex();
        for (int sent = 0; sent < requests && System.nanoTime() < deadline; sent++) {
            if (!slots.tryAcquire(deadline - System.nanoTime(), TimeUnit.NANOSECONDS)) {
                break;
            }
            // Every other request scheduled a little ahead, as the timing modes' credits are: the event loop's timer
            // path is then warm too, not only the send-at-once path of a burst.
            long intendedNs = sent % 2 == 0 ? -1 : System.nanoTime() + SCHEDULED_AHEAD_NS;
            Credit credit = new Credit(firstId + sent, CreditPhase.WARMUP, "warmup", "warmup", 0, 1,
                    payloads[sent % payloads.length], url, null, null, null, intendedNs, null, false);
            transport.send(credit, System.nanoTime(), record -> {
                MessageCodec.encode(record);
                done.countDown();
                slots.release();
            });
        }
        // Every slot back: nothing of the warm-up is still in flight when the run begins.
        slots.tryAcquire(atOnce, Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        return (int) (requests - done.getCount());
    }
}
