package io.aiperf.mock;

import com.fasterxml.jackson.databind.JsonNode;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.util.ArrayList;
import java.util.List;

/**
 * The three reranking APIs, answered after base + per-passage latency with a deterministic score per passage
 * (a hash of query and passage, in [0, 1)):
 * <ul>
 *   <li>NIM {@code POST /v1/ranking}: {@code {query: {text}, passages: [{text}]}} → {@code {rankings: [{index, logit}]}};</li>
 *   <li>HF TEI {@code POST /rerank}: {@code {query, texts: []}} → {@code [{index, score}]};</li>
 *   <li>Cohere {@code POST /v2/rerank}: {@code {query, documents: []}} → {@code {id, results: [{index,
 *       relevance_score}]}}.</li>
 * </ul>
 * Results are sorted by score, highest first, as the real servers do.
 */
final class RankingsRoute extends JsonRoute {

    enum Api {
        NIM("/v1/ranking"), TEI("/rerank"), COHERE("/v2/rerank");

        final String path;

        Api(String path) {
            this.path = path;
        }
    }

    private final Api api;
    private final MockConfig config;

    RankingsRoute(Api api, MockConfig config, RequestLog requestLog, FaultInjector faults, ServedTraffic traffic) {
        super(requestLog, faults, traffic);
        this.api = api;
        this.config = config;
    }

    @Override
    void answer(Exchange exchange, JsonNode body) throws InferenceRequest.InvalidRequestException {
        String query;
        List<String> passages = new ArrayList<>();
        switch (api) {
            case NIM -> {
                query = body.path("query").path("text").asText(null);
                for (JsonNode p : body.path("passages")) {
                    passages.add(p.path("text").asText(""));
                }
            }
            case TEI -> {
                query = body.path("query").asText(null);
                for (JsonNode p : body.path("texts")) {
                    passages.add(p.asText(""));
                }
            }
            default -> {
                query = body.path("query").asText(null);
                for (JsonNode p : body.path("documents")) {
                    passages.add(p.isTextual() ? p.asText() : p.path("text").asText(""));
                }
            }
        }
        if (query == null) {
            throw new InferenceRequest.InvalidRequestException("a query is required");
        }
        if (passages.isEmpty()) {
            throw new InferenceRequest.InvalidRequestException("at least one passage is required");
        }
        List<double[]> scored = new ArrayList<>(); // {index, score}
        for (int i = 0; i < passages.size(); i++) {
            scored.add(new double[] {i, score(query, passages.get(i))});
        }
        scored.sort((a, b) -> Double.compare(b[1], a[1]));
        exchange.runAt(exchange.arrivalNs() + config.rankingLatencyNs(passages.size()), () ->
                exchange.respondJson(HttpResponseStatus.OK, Json.encode(exchange.ctx().alloc(), json -> {
                    if (api == Api.TEI) {
                        json.writeStartArray();
                    } else {
                        json.writeStartObject();
                        if (api == Api.COHERE) {
                            json.writeStringField("id", "rerank-" + Long.toHexString(OutputPlan.hash(query) >>> 1));
                        }
                        json.writeArrayFieldStart(api == Api.NIM ? "rankings" : "results");
                    }
                    for (double[] s : scored) {
                        json.writeStartObject();
                        json.writeNumberField("index", (int) s[0]);
                        json.writeNumberField(switch (api) {
                            case NIM -> "logit";
                            case TEI -> "score";
                            case COHERE -> "relevance_score";
                        }, s[1]);
                        json.writeEndObject();
                    }
                    json.writeEndArray();
                    if (api != Api.TEI) {
                        json.writeEndObject();
                    }
                })));
    }

    static double score(String query, String passage) {
        return (OutputPlan.hash(query + "\u0000" + passage) >>> 11) * 0x1.0p-53;
    }
}
