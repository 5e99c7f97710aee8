package io.aiperf.mock;

import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Maps path and method to a {@link Route} ({@code /dcgm{N}/metrics} by pattern, the rest by exact path); answers 404
 * and 405 itself. One instance per server.
 */
final class Router {

    private final Map<String, Map<HttpMethod, Route>> routes;

    private final DcgmRoute dcgm;
    private final Map<HttpMethod, Route> dcgmMethods;
    private final Map<HttpMethod, Route> videoMethods;

    Router(MockConfig config, RequestLog requestLog, ServedTraffic traffic) {
        FaultInjector faults = new FaultInjector(config.faultRatesPct(), config.randomSeed());
        RequestLogRoute logRoute = new RequestLogRoute(requestLog);
        VllmMetricsRoute metrics = new VllmMetricsRoute(traffic, requestLog);
        dcgm = new DcgmRoute(config.dcgm(), traffic);
        dcgmMethods = Map.of(HttpMethod.GET, dcgm);
        ImageRetrievalRoute imageRetrieval = new ImageRetrievalRoute(config, requestLog, faults, traffic);
        VideosRoute videos = new VideosRoute(config, requestLog);
        videoMethods = Map.of(HttpMethod.POST, videos, HttpMethod.GET, videos);
        routes = Map.ofEntries(
                post(EmbeddingsRoute.PATH, new EmbeddingsRoute(config, requestLog, faults, traffic)),
                post(RankingsRoute.Api.NIM.path,
                        new RankingsRoute(RankingsRoute.Api.NIM, config, requestLog, faults, traffic)),
                post(RankingsRoute.Api.TEI.path,
                        new RankingsRoute(RankingsRoute.Api.TEI, config, requestLog, faults, traffic)),
                post(RankingsRoute.Api.COHERE.path,
                        new RankingsRoute(RankingsRoute.Api.COHERE, config, requestLog, faults, traffic)),
                post(TgiRoute.PATH, new TgiRoute(false, config, requestLog, faults, traffic)),
                post(TgiRoute.STREAM_PATH, new TgiRoute(true, config, requestLog, faults, traffic)),
                post(ResponsesRoute.PATH, new ResponsesRoute(config, requestLog, faults, traffic)),
                post(SolidoRoute.PATH, new SolidoRoute(config, requestLog, faults, traffic)),
                post(CustomMultimodalRoute.PATH, new CustomMultimodalRoute(config, requestLog, faults, traffic)),
                post(ImagesRoute.PATH, new ImagesRoute(config, requestLog, faults, traffic)),
                post(ImageRetrievalRoute.PATH, imageRetrieval),
                post(ImageRetrievalRoute.MOCK_PATH, imageRetrieval),
                Map.entry(VideosRoute.PATH, videoMethods),
                Map.entry(Endpoint.CHAT.path, Map.of(HttpMethod.POST,
                        new InferenceRoute(Endpoint.CHAT, config, requestLog, faults, traffic))),
                Map.entry(Endpoint.COMPLETIONS.path, Map.of(HttpMethod.POST,
                        new InferenceRoute(Endpoint.COMPLETIONS, config, requestLog, faults, traffic))),
                Map.entry("/v1/models", Map.of(HttpMethod.GET, new ModelsRoute())),
                Map.entry("/health", Map.of(HttpMethod.GET, new HealthRoute())),
                Map.entry(VllmMetricsRoute.PATH, Map.of(HttpMethod.GET, metrics)),
                Map.entry(VllmMetricsRoute.VLLM_PATH, Map.of(HttpMethod.GET, metrics)),
                post(MetricsResetRoute.PATH, new MetricsResetRoute(traffic, dcgm)),
                Map.entry(RequestLogRoute.PATH,
                        Map.of(HttpMethod.GET, logRoute::list, HttpMethod.DELETE, logRoute::clear)));
    }

    private static Map.Entry<String, Map<HttpMethod, Route>> post(String path, Route route) {
        return Map.entry(path, Map.of(HttpMethod.POST, route));
    }

    void route(Exchange exchange, FullHttpRequest request) {
        Map<HttpMethod, Route> byMethod = routes.get(exchange.path());
        if (byMethod == null && DcgmRoute.node(exchange.path()) >= 0) {
            byMethod = dcgmMethods; // /dcgm{N}/metrics: a family of paths, not one
        }
        if (byMethod == null && VideosRoute.isJobPath(exchange.path())) {
            byMethod = videoMethods; // /v1/videos/{id} and /v1/videos/{id}/content
        }
        if (byMethod == null) {
            exchange.respondError(HttpResponseStatus.NOT_FOUND, "no route for " + exchange.path(), "not_found");
            return;
        }
        Route route = byMethod.get(request.method());
        if (route == null) {
            String allowed = byMethod.keySet().stream().map(HttpMethod::name).sorted()
                    .collect(Collectors.joining(", "));
            FullHttpResponse response = exchange.jsonResponse(HttpResponseStatus.METHOD_NOT_ALLOWED,
                    Json.error(exchange.ctx().alloc(),
                            "method " + request.method() + " not allowed on " + exchange.path() + "; use " + allowed,
                            "method_not_allowed", null));
            response.headers().set(HttpHeaderNames.ALLOW, allowed);
            exchange.send(response);
            return;
        }
        route.handle(exchange, request);
    }
}
