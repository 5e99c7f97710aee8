package io.aiperf.worker.http;

import io.aiperf.core.config.EndpointConfig;
import io.aiperf.core.config.RequestContentType;
import io.aiperf.core.endpoint.ResponseParseException;
import io.aiperf.core.endpoint.VideoJob;
import io.aiperf.core.error.OneLine;
import io.aiperf.core.message.Credit;
import io.aiperf.core.message.RequestRecord;
import io.aiperf.core.model.CreditPhase;
import io.aiperf.core.model.ErrorDetails;
import io.aiperf.core.model.MediaResult;
import io.aiperf.core.model.ResponseChunk;
import io.aiperf.core.time.EpochAnchor;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.util.concurrent.DefaultThreadFactory;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code video_generation}: one credit is one video job, a transaction of several HTTP exchanges that ends in
 * one {@link RequestRecord}: submit ({@code POST <url>}, JSON or a {@link VideoJobForm form}), then poll
 * ({@code GET <url>/<id>}) every {@value #POLL_INTERVAL_MS} ms until the job is {@code completed} or
 * {@code failed}, then, with {@code --download-video-content}, download the video (the job's {@code url}, else
 * {@code GET <url>/<id>/content}). The record's latency runs from the submit's start to the completed poll's end
 * (to the download's end when downloading); {@code video_inference_time} and {@code video_peak_memory} come from
 * the job's {@code inference_time_s} and {@code peak_memory_mb}.
 *
 * <p>Threads: the exchanges go through the JDK's asynchronous {@link HttpClient} (its own selector thread and a
 * two-thread executor, which also run the record's callback); the pauses between polls are tasks on one scheduler
 * thread. Nothing blocks and nothing is logged per job; every failure is an {@link ErrorDetails} on the record, as
 * on the Netty path: non-2xx {@code {status, reason, body}}, a failed job {@code {null, "VideoGenerationError",
 * message}}, an unreadable job {@code ResponseParseError}, the request timeout over the whole job
 * {@code TimeoutError}.
 *
 * <p>Not covered (the Netty path has them): the HTTP trace and raw capture, {@code --connection-reuse-strategy}
 * (the JDK client pools its connections), TLS options other than the JDK defaults, and request cancellation
 * ({@code cancelAfterNs}); {@link #cancelAll} abandons a phase's jobs at their next step.
 */
final class VideoJobs implements AutoCloseable {

    static final long POLL_INTERVAL_MS = 100;
    static final String FAILED_TYPE = "VideoGenerationError";
    private static final int ERROR_BODY_CHARS = 1024;
    /** Headers the JDK client sets itself and refuses from callers. */
    private static final Set<String> RESTRICTED = Set.of("connection", "content-length", "expect", "host", "upgrade");

    private final EndpointConfig endpoint;
    private final HttpTransport transport;
    private final List<URI> submitUris;
    private final long timeoutNs;
    private final HttpClient client;
    private final ExecutorService executor;
    private final ScheduledExecutorService scheduler;
    private final RequestFactory ids;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final Set<CreditPhase> cancelledPhases = Collections.synchronizedSet(
            EnumSet.noneOf(CreditPhase.class));
    private volatile boolean closed;

    VideoJobs(EndpointConfig endpoint, HttpTransport transport, List<EndpointUrl> urls, RequestFactory ids,
              long timeoutNs) {
        this.endpoint = endpoint;
        this.transport = transport;
        this.submitUris = urls.stream().map(u -> URI.create(u.toString())).toList();
        this.ids = ids;
        this.timeoutNs = timeoutNs;
        this.executor = Executors.newFixedThreadPool(2, new DefaultThreadFactory("aiperf-video", true));
        this.scheduler = Executors.newSingleThreadScheduledExecutor(new DefaultThreadFactory("aiperf-video-poll",
                true));
        HttpClient.Builder builder = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(executor);
        if (timeoutNs > 0) {
            builder.connectTimeout(Duration.ofNanos(timeoutNs));
        }
        this.client = builder.build();
    }

    /** Whether this client sends {@code credit} (a user URL; the warm-up target stays on the Netty path). */
    boolean handles(Credit credit) {
        return credit.urlIndex() >= 0 && credit.urlIndex() < submitUris.size();
    }

    int inFlight() {
        return inFlight.get();
    }

    /** Runs one job for {@code credit}, at its intended time; {@code callbacks.done} gets its record, once. */
    void send(Credit credit, String payloadJson, String inputText, long creditReceivedNs, RequestCallbacks callbacks) {
        inFlight.incrementAndGet();
        long waitNs = credit.intendedNs() < 0 ? 0 : credit.intendedNs() - System.nanoTime();
        Runnable start = () -> new Job(credit, payloadJson, inputText, creditReceivedNs, callbacks).submit();
        try {
            if (waitNs > 0) {
                scheduler.schedule(start, waitNs, TimeUnit.NANOSECONDS);
            } else {
                executor.execute(start);
            }
        } catch (RejectedExecutionException e) {
            new Job(credit, payloadJson, inputText, creditReceivedNs, callbacks)
                    .finish(Failures.of("TransportClosedError", "the HTTP transport is closed"));
        }
    }

    void cancelAll(CreditPhase phase) {
        cancelledPhases.add(phase);
    }

    @Override
    public void close() {
        closed = true;
        scheduler.shutdownNow();
        executor.shutdown();
    }

    /** One job's progress; its steps run one after another, so its fields need no synchronisation. */
    private final class Job {
        final Credit credit;
        final String payloadJson;
        final String inputText;
        final long creditReceivedNs;
        final RequestCallbacks callbacks;
        final String requestId;
        final long startNs;
        final URI submitUri;
        long responseHeadersNs = -1;
        long lastEndNs;
        int status;
        Double inferenceTimeSec;
        Double peakMemoryMb;

        Job(Credit credit, String payloadJson, String inputText, long creditReceivedNs, RequestCallbacks callbacks) {
            this.credit = credit;
            this.payloadJson = payloadJson;
            this.inputText = inputText;
            this.creditReceivedNs = creditReceivedNs;
            this.callbacks = callbacks;
            this.requestId = ids.requestId();
            this.startNs = System.nanoTime();
            this.submitUri = submitUris.get(Math.max(0, Math.min(credit.urlIndex(), submitUris.size() - 1)));
            this.lastEndNs = startNs;
        }

        void submit() {
            if (payloadJson == null) {
                finish(Failures.of("MissingPayloadError", "credit " + credit.creditId() + " has no request body"));
                return;
            }
            HttpRequest request;
            try {
                HttpRequest.Builder b = base(submitUri);
                if (endpoint.requestContentType() == RequestContentType.MULTIPART_FORM_DATA) {
                    VideoJobForm form = VideoJobForm.of(payloadJson);
                    b.header("Content-Type", form.contentType()).POST(HttpRequest.BodyPublishers.ofByteArray(form.body()));
                } else {
                    b.header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(payloadJson, StandardCharsets.UTF_8));
                }
                request = b.build();
            } catch (RuntimeException e) {
                finish(Failures.of("InternalError", OneLine.messageOf(e)));
                return;
            }
            exchange(request, this::onJob);
        }

        private void poll(String id) {
            if (stopped()) {
                return;
            }
            exchange(base(URI.create(submitUri + "/" + id)).GET().build(), this::onJob);
        }

        private void onJob(HttpResponse<byte[]> response) {
            VideoJob job;
            try {
                job = VideoJob.parse(new String(response.body(), StandardCharsets.UTF_8));
            } catch (ResponseParseException e) {
                finish(new ErrorDetails(null, "ResponseParseError", e.getMessage()));
                return;
            }
            if (job.inferenceTimeSec() != null) {
                inferenceTimeSec = job.inferenceTimeSec();
            }
            if (job.peakMemoryMb() != null) {
                peakMemoryMb = job.peakMemoryMb();
            }
            if (job.failed()) {
                finish(new ErrorDetails(null, FAILED_TYPE, job.error() != null ? job.error()
                        : "video job " + job.id() + " failed"));
            } else if (job.id() == null || job.id().isEmpty()) {
                finish(new ErrorDetails(null, "ResponseParseError", "the video job has no 'id'"));
            } else if (job.completed()) {
                if (endpoint.downloadVideoContent()) {
                    URI content = job.url() != null && !job.url().isEmpty() ? submitUri.resolve(job.url())
                            : URI.create(submitUri + "/" + job.id() + "/content");
                    exchange(base(content).GET().build(), downloaded -> finish(null));
                } else {
                    finish(null);
                }
            } else {
                try {
                    scheduler.schedule(() -> poll(job.id()), POLL_INTERVAL_MS, TimeUnit.MILLISECONDS);
                } catch (RejectedExecutionException e) {
                    finish(Failures.of("TransportClosedError", "the HTTP transport is closed"));
                }
            }
        }

        /** Sends one exchange; a 2xx response goes to {@code next}, anything else ends the job with its error. */
        private void exchange(HttpRequest request, java.util.function.Consumer<HttpResponse<byte[]>> next) {
            if (stopped()) {
                return;
            }
            CompletableFuture<HttpResponse<byte[]>> sent;
            try {
                sent = client.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray());
            } catch (RuntimeException e) {
                finish(Failures.of(e));
                return;
            }
            sent.whenComplete((response, failure) -> {
                lastEndNs = System.nanoTime();
                if (failure != null) {
                    Throwable cause = failure instanceof java.util.concurrent.CompletionException && failure.getCause()
                            != null ? failure.getCause() : failure;
                    finish(Failures.of(cause));
                    return;
                }
                if (responseHeadersNs < 0) {
                    responseHeadersNs = lastEndNs;
                }
                status = response.statusCode();
                if (status < 200 || status >= 300) {
                    finish(new ErrorDetails(status, reason(status), errorBody(response.body())));
                    return;
                }
                try {
                    next.accept(response);
                } catch (RuntimeException e) {
                    finish(Failures.of("InternalError", OneLine.messageOf(e)));
                }
            });
        }

        /** True (and the job ended) when the job must not go on: closed, its phase cancelled, or timed out. */
        private boolean stopped() {
            long now = System.nanoTime();
            if (closed) {
                finish(Failures.of("TransportClosedError", "the HTTP transport is closed"));
                return true;
            }
            if (cancelledPhases.contains(credit.phase())) {
                finish(new ErrorDetails(499, "RequestCancellationError", String.format(Locale.ROOT,
                        "Request cancelled %.3fs after being sent", (now - startNs) / 1e9)));
                return true;
            }
            if (timeoutNs > 0 && now - startNs > timeoutNs) {
                finish(Failures.timeout(true, timeoutNs));
                return true;
            }
            return false;
        }

        private HttpRequest.Builder base(URI uri) {
            HttpRequest.Builder b = HttpRequest.newBuilder(uri)
                    .header("User-Agent", RequestFactory.USER_AGENT)
                    .header("X-Request-ID", requestId)
                    .header("Accept", "application/json");
            if (timeoutNs > 0) {
                b.timeout(Duration.ofNanos(Math.max(1, timeoutNs - (System.nanoTime() - startNs))));
            }
            if (credit.xCorrelationId() != null) {
                b.header("X-Correlation-ID", credit.xCorrelationId());
            }
            for (Map.Entry<String, String> h : endpoint.headers().entrySet()) {
                if (!RESTRICTED.contains(h.getKey().toLowerCase(Locale.ROOT))) {
                    b.setHeader(h.getKey(), h.getValue());
                }
            }
            if (endpoint.apiKey() != null && !endpoint.apiKey().isEmpty()) {
                b.setHeader("Authorization", "Bearer " + endpoint.apiKey());
            }
            return b;
        }

        private boolean done;

        /** Builds the record and hands it over: a success when {@code error} is null. */
        void finish(ErrorDetails error) {
            synchronized (this) {
                if (done) {
                    return;
                }
                done = true;
            }
            inFlight.decrementAndGet();
            long endNs = error == null ? lastEndNs : System.nanoTime();
            boolean cancelled = error != null && Integer.valueOf(499).equals(error.code());
            if (error != null) {
                error = transport.masked(error);
            }
            RequestRecord record = new RequestRecord(transport.workerId(), credit.creditId(), credit.phase(),
                    credit.conversationId(), credit.turnIndex(), requestId, credit.xCorrelationId(), creditReceivedNs,
                    startNs, startNs, responseHeadersNs, endNs, EpochAnchor.process().epochNsOf(startNs), status,
                    error == null ? List.of(new ResponseChunk(endNs, null, null)) : List.of(), null, error, cancelled,
                    credit.intendedNs(), inputText, credit.inputTokens(), credit.maxTokens(), null, null,
                    credit.issuedNs(), credit.sessionNum(),
                    MediaResult.of(credit.inputImages(), inferenceTimeSec, peakMemoryMb));
            try {
                callbacks.done(credit, record);
            } catch (RuntimeException e) {
                transport.onDoneFailed(e);
            }
        }
    }

    private static String reason(int status) {
        return HttpResponseStatus.valueOf(status).reasonPhrase();
    }

    private static String errorBody(byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8).strip();
        return text.length() > ERROR_BODY_CHARS ? text.substring(0, ERROR_BODY_CHARS) + "…" : text;
    }
}
