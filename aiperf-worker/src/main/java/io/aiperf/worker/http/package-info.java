/**
 * The worker's HTTP/1.1 + SSE transport: {@link io.aiperf.worker.http.HttpTransport} sends one request per credit
 * and turns the response into one {@link io.aiperf.core.message.RequestRecord}. This is the hot path of the whole
 * benchmark; the rules below keep it honest and cheap.
 *
 * <h2>Threads</h2>
 * {@code send} may be called from any thread (normally the worker's bus thread). It stamps the start, then asks the
 * base URL's connection pool for a channel. From then on <em>one request lives on one channel, on that channel's
 * event loop</em>: the request is written, the response decoded, the record built and {@code onDone} called, all on
 * that loop, so the per-request and per-channel state ({@code Exchange}, {@code ResponseHandler}, {@code
 * SseDecoder}, {@code ReadStamper}) is plain fields with no synchronisation. A request that never gets a channel
 * (connect refused, timeout, cancelled while connecting) is completed on some event loop of the group. The only
 * cross-thread touches are {@code cancelAll}/{@code close} (volatile flags, then a task on the channel's loop, or a
 * cancelled acquire promise) and the in-flight set (a concurrent set, one add and one remove per request). A CAS in
 * {@code Exchange.complete} guarantees exactly one record per credit whichever path finishes first. There are no
 * locks, no blocking calls and no per-request logging on the event loops; {@code onDone} must not block either.
 *
 * <h2>Connections</h2>
 * One Netty {@link io.netty.channel.pool.SimpleChannelPool} per base URL: LIFO (the warmest connection first),
 * health-checked ({@code isActive}) on acquire and on release, and <em>unbounded</em> &mdash; the controller limits
 * concurrency, so a request never queues behind a connection limit here. A connection goes back to the pool only
 * after a complete response that did not say {@code Connection: close}; any failure, timeout, cancellation or SSE
 * error closes it. Addresses are resolved once at construction, so no DNS lookup runs on an event loop.
 * The pipeline is {@code ReadStamper → [SslHandler] → HttpClientCodec → SseDecoder → ResponseHandler}.
 *
 * <h2>Timestamps ({@code System.nanoTime()}, one clock for all)</h2>
 * <ul>
 *   <li>{@code requestStartNs}: in {@code send}, <em>before</em> acquiring or connecting, as AIPerf stamps before
 *       {@code session.request} (which includes connecting a new connection). Connection set-up is therefore part of
 *       the first request's latency on a cold connection, as in AIPerf. {@code startEpochNs} is that stamp on the
 *       process's {@link io.aiperf.core.time.EpochAnchor}.</li>
 *   <li>Every network read is stamped on arrival by {@code ReadStamper}, the first handler of the pipeline, before
 *       TLS, HTTP or SSE decoding. Every message completed within that read &mdash; the response headers
 *       ({@code responseHeadersNs}), each SSE event (each {@code ResponseChunk.arrivalNs}), the end of the body
 *       ({@code requestEndNs}) &mdash; gets that read's stamp, so several events in one read share one timestamp,
 *       exactly AIPerf's model. Parsing time never leaks into a stamp.</li>
 *   <li>A last event the server never terminated with a blank line is completed by the end of the body and gets
 *       its stamp; a body delimited by connection close ends at the time {@code channelInactive} was seen.</li>
 *   <li>A non-streaming body becomes at most one chunk, stamped at the read that completed it.</li>
 *   <li>Failures, timeouts and cancellations end at the time they are handled.</li>
 * </ul>
 * A response is an event stream when it is 2xx with {@code Content-Type: text/event-stream}, whatever was asked.
 *
 * <h2>Allocation</h2>
 * Per request: the {@code Exchange}, the request object, its headers (and their strings: request id), the body
 * {@code ByteBuf} (encoded once from {@code payloadJson}, pooled allocator), a timeout task, a couple of listener
 * lambdas, the chunk list and the record. Per SSE event: the {@link io.aiperf.worker.http.SseEvent} and its data
 * string, then the JSON parser, extracted strings and one {@code ResponseChunk}. Nothing per byte: the SSE parser
 * reuses growable byte arrays for the current line and the pending data.
 *
 * <h2>Buffer ownership</h2>
 * The request body is released by the write (on success or failure). Inbound {@code ByteBuf}s are released by the
 * handler that consumes them: {@code SseDecoder} (through {@code MessageToMessageDecoder}) for event-stream
 * content, {@code ResponseHandler} for everything it receives (it copies non-streaming bodies, at most 64 MiB, into a
 * byte array first). Tests run with paranoid leak detection.
 *
 * <h2>Errors are data</h2>
 * Nothing escapes {@code send} and nothing is logged per request. Non-2xx: {@code {code: status, type: reason
 * phrase, message: body (first 1 KiB)}}. {@code event: error}: {@code {502, "SseError", data or comment}}.
 * Unparseable message: {@code {null, "ResponseParseError"}}. Below HTTP: {@code {null, "ConnectionRefused" |
 * "ConnectionReset" | "ConnectionClosed" | "ConnectTimeout" | "Timeout" | …, one-line message}}. A 2xx response with
 * no content response: {@code {null, "InvalidInferenceResultError", "no content in response"}}. Cancelled:
 * {@code {499, "RequestCancellationError", "Request cancelled …"}} with {@code cancelled=true}.
 */
package io.aiperf.worker.http;
