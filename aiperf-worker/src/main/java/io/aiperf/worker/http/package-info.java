/**
 * The worker's HTTP/1.1 + SSE transport: {@link io.aiperf.worker.http.HttpTransport} sends one request per credit
 * and turns the response into one {@link io.aiperf.core.message.RequestRecord}. This is the hot path of the whole
 * benchmark; the rules below keep it honest and cheap.
 *
 * <h2>Threads</h2>
 * {@code send} may be called from any thread (normally the worker's bus thread). It stamps the start, then hops to
 * the transport's home event loop, which alone owns the in-flight registry (a plain set), and asks the base URL's
 * connection pool for a channel. From then on <em>one request lives on one channel, on that channel's event
 * loop</em>: the request is written, the response decoded, the record built and the callbacks called, all on that
 * loop, so the per-request and per-channel state ({@code Exchange}, {@code ResponseHandler}, {@code SseDecoder},
 * {@code SocketStamper}) is plain fields with no synchronisation. A request that never gets a channel (connect
 * refused, timeout, cancelled while connecting, no body) is completed on some event loop of the group. The only
 * cross-thread touches are {@code cancelAll}/{@code close} (a task on the home loop, volatile flags, then a task on
 * the channel's loop, or a cancelled acquire promise). A CAS in {@code Exchange.complete} guarantees exactly one
 * record per credit whichever path finishes first. There are no locks, no blocking calls and no per-request logging
 * on the event loops; the {@link io.aiperf.worker.http.RequestCallbacks} must not block either.
 *
 * <h2>Timers</h2>
 * Both per-request timers are tasks scheduled on the request's channel event loop (no timer thread), so they run
 * in line with the channel's I/O and need no synchronisation with it:
 * <ul>
 *   <li>the request timeout ({@code --request-timeout-seconds}), armed just before the write, counted from
 *       {@code requestStartNs};</li>
 *   <li>the cancellation timer ({@code Credit.cancelAfterNs}, request-cancellation-rate), armed in the listener of
 *       the write's future when it <em>succeeds</em> &mdash; AIPerf's "request fully sent" &mdash; so the server has
 *       the whole request before the client walks away. On expiry the connection is closed (never returned to the
 *       pool) and the record has {@code cancelled=true} and {@code {499, "RequestCancellationError", "Request
 *       cancelled X.XXXs after being sent"}}, X being the seconds actually elapsed since the write succeeded
 *       (3 decimals); partial responses are kept. A delay of 0 cancels inside that listener. A response that ends
 *       first cancels the timer in {@code Exchange.complete}; a timer firing late finds another (or no) current
 *       exchange on the channel and does nothing.</li>
 * </ul>
 *
 * <h2>First token</h2>
 * When the credit asks ({@code reportFirstToken}, prefill concurrency on), {@code RequestCallbacks.firstToken} is
 * called on the event loop at the first content response, right after it is parsed, before anything else of that
 * request; {@code done} follows on the same thread. The worker queues both on one FIFO, which is how its
 * {@code FirstToken} reaches the controller before the credit's {@code CreditReturn}. {@code done} gets the credit
 * with the record: when it ends a session of a phase whose slots the worker holds, the worker's
 * {@code SlotGate} starts the next waiting turn from inside that callback, on this event loop.
 *
 * <h2>Warm-up target</h2>
 * The worker's transport is built with one extra target after the user's URLs, a loopback canned server
 * ({@code io.aiperf.worker.warmup}); the warm-up drives it through the same loop, pools and handlers, then
 * {@code endWarmup} retires it (its idle connections closed, later requests to it fail as an invalid URL index).
 *
 * <h2>Video jobs</h2>
 * {@code video_generation} credits for the user's URLs do not take the Netty path: {@code send} hands them to
 * {@link io.aiperf.worker.http.VideoJobs}, which runs each as a submit / poll / download transaction on the JDK's
 * asynchronous HTTP client and reports one record per job, with the same error-as-data rules (no blocking, no
 * per-job logging). Its class comment lists what it does not cover (trace, raw capture, cancellation timers).
 *
 * <h2>Sessions</h2>
 * The transport keeps no conversation state: every request arrives with its finished body ({@code payloadJson},
 * pre-rendered by the controller or rendered by the worker) and an optional {@code inputText} copied into the
 * record. Multi-turn history lives in the worker's {@code io.aiperf.worker.session.UserSessions}, confined to the
 * worker's bus thread: an event loop never reads or writes a session; a reply reaches the history through the
 * record, which the bus thread applies before it sends the credit's return.
 *
 * <h2>Connections</h2>
 * One Netty {@link io.netty.channel.pool.SimpleChannelPool} per base URL: LIFO (the warmest connection first),
 * health-checked ({@code isActive}) on acquire and on release, and <em>unbounded</em> &mdash; the controller limits
 * concurrency, so a request never queues behind a connection limit here. A connection goes back to the pool only
 * after a complete response that did not say {@code Connection: close}; any failure, timeout, cancellation or SSE
 * error closes it. Addresses are resolved once at construction, so no DNS lookup runs on an event loop.
 * {@code --connection-reuse-strategy} decides what a clean end does ({@code TargetConnections}): pooled gives the
 * connection back to the pool; never closes it (the pool is never given one, so every acquire connects anew);
 * sticky-user-sessions parks it under the conversation's {@code X-Correlation-ID} on the home loop for its next
 * turn and closes it after the last turn.
 * The pipeline is {@code SocketStamper → [SslHandler] → HttpClientCodec → SseDecoder → ResponseHandler}.
 *
 * <h2>Timestamps ({@code System.nanoTime()}, one clock for all)</h2>
 * <ul>
 *   <li>{@code requestStartNs}: in {@code send}, <em>before</em> acquiring or connecting, as AIPerf stamps before
 *       {@code session.request} (which includes connecting a new connection). Connection set-up is therefore part of
 *       the first request's latency on a cold connection, as in AIPerf. {@code startEpochNs} is that stamp on the
 *       process's {@link io.aiperf.core.time.EpochAnchor}.</li>
 *   <li>Every network read is stamped on arrival by {@code SocketStamper}, the first handler of the pipeline, before
 *       TLS, HTTP or SSE decoding. Every message completed within that read &mdash; the response headers
 *       ({@code responseHeadersNs}), each SSE event (each {@code ResponseChunk.arrivalNs}), the end of the body
 *       ({@code requestEndNs}) &mdash; gets that read's stamp, so several events in one read share one timestamp,
 *       exactly AIPerf's model. Parsing time never leaks into a stamp.</li>
 *   <li>A last event the server never terminated with a blank line is completed by the end of the body and gets
 *       its stamp; a body delimited by connection close ends at the time {@code channelInactive} was seen.</li>
 *   <li>A non-streaming body becomes at most one chunk, stamped at the read that completed it.</li>
 *   <li>Failures, timeouts and cancellations end at the time they are handled.</li>
 *   <li>With the HTTP trace ({@code traceHttp}) each exchange also gets an {@code HttpTrace} when it ends
 *       ({@code ExchangeTrace}): the connect issued and completed (stamped by the first listener of the stamper's
 *       own connect promise, before the pool hands the connection over; TLS: the handshake's end), the connection
 *       in hand, the write handed over and completed, the read of the first body byte ({@code SseDecoder}) and the
 *       last read, and the socket's byte and read counts over the exchange. {@code SocketStamper} counts for every
 *       connection (two long additions per read or write, no allocation); without the trace nothing more is
 *       stamped or built.</li>
 * </ul>
 * A response is an event stream when it is 2xx with {@code Content-Type: text/event-stream}, whatever was asked.
 *
 * <h2>Allocation</h2>
 * Per request: the {@code Exchange}, the request object, its headers (and their strings: request id), the body
 * {@code ByteBuf} (encoded once from {@code payloadJson}, pooled allocator), a timeout task (and a cancellation
 * task when asked), a couple of listener lambdas, the chunk list and the record. Per SSE event: the {@link io.aiperf.worker.http.SseEvent} and its data
 * string, then the JSON parser, extracted strings and one {@code ResponseChunk}. Nothing per byte: the SSE parser
 * reuses growable byte arrays for the current line and the pending data. Only at export level raw (a transport
 * built with {@code captureRaw}) does each request also keep a {@code RawCapture}: the request headers (secrets
 * redacted there), the response headers and every SSE message's fields or the body, with their arrival stamps.
 *
 * <h2>Buffer ownership</h2>
 * The request body is released by the write (on success or failure). Inbound {@code ByteBuf}s are released by the
 * handler that consumes them: {@code SseDecoder} (through {@code MessageToMessageDecoder}) for event-stream
 * content, {@code ResponseHandler} for everything it receives (it copies non-streaming bodies, at most 64 MiB, into a
 * byte array first). Tests run with paranoid leak detection.
 *
 * <h2>Errors are data</h2>
 * Nothing escapes {@code send} and nothing is logged per request; every failure is an {@code ErrorDetails} on the
 * record (docs/errors.md is the user-facing list). Non-2xx: {@code {code: status, type: reason phrase, message:
 * body, stripped, first 1 KiB ("…" when cut)}}. {@code event: error}: {@code {502, "SSEResponseError", "Error
 * occurred in SSE response: " + comment line (else data)}}. Unparseable message (malformed JSON, unexpected
 * {@code object}): {@code {null, "ResponseParseError"}}. Below HTTP, code null and a type ending in {@code Error}:
 * {@code ConnectionRefusedError}, {@code ConnectionResetError}, {@code ConnectionClosedError} (the server closed
 * before the response ended), {@code ConnectTimeoutError}, {@code UnknownHostError}, {@code TimeoutError} (no
 * complete response within {@code --request-timeout-seconds}), {@code RequestSendTimeout} (the timeout ran out
 * before the request was sent), … with a one-line message. A 2xx response with no content response (empty
 * {@code choices}, empty text, only usage): {@code {null, "InvalidInferenceResultError", "No content responses were
 * received"}}. No body: {@code {null, "MissingPayloadError"}}. Cancelled (own timer, {@code cancelAll} or
 * {@code close}): {@code {499, "RequestCancellationError", "Request cancelled X.XXXs after being sent"}} (or "…
 * before it was sent" when the write had not completed) with {@code cancelled=true}. Responses received before a
 * failure stay on the record.
 */
package io.aiperf.worker.http;
