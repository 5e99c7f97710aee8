package io.aiperf.core.endpoint;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Reranking endpoints; the scores are not kept, the answer counts as one non-text content response.
 * <ul>
 *   <li>NIM ({@code nim_rankings}): an object with a {@code rankings} list;</li>
 *   <li>HF TEI ({@code hf_tei_rankings}): a top-level list, or an object with a {@code results} list;</li>
 *   <li>Cohere ({@code cohere_rankings}): an object with a {@code results} list.</li>
 * </ul>
 * An empty list is no content.
 */
public final class RankingsResponseParser extends TreeResponseParser {

    static final RankingsResponseParser NIM = new RankingsResponseParser("rankings", false);
    static final RankingsResponseParser TEI = new RankingsResponseParser("results", true);
    static final RankingsResponseParser COHERE = new RankingsResponseParser("results", false);

    private final String field;
    private final boolean topLevelList;

    private RankingsResponseParser(String field, boolean topLevelList) {
        this.field = field;
        this.topLevelList = topLevelList;
    }

    @Override
    ParsedResponse read(JsonNode root, String json) throws ResponseParseException {
        JsonNode list;
        if (root.isArray() && topLevelList) {
            list = root;
        } else if (root.isObject()) {
            list = root.get(field);
            if (list == null || !list.isArray()) {
                throw JsonMessages.rejected("no '" + field + "' list in a rankings response", json);
            }
        } else {
            throw JsonMessages.rejected("not a rankings response", json);
        }
        if (list.isEmpty()) {
            return new ParsedResponse(null, null, usage(root.get("usage")));
        }
        return ParsedResponse.nonText(root.isObject() ? usage(root.get("usage")) : null);
    }
}
