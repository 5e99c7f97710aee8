package io.aiperf.core.endpoint;

import io.aiperf.core.message.TurnInput;
import io.aiperf.core.model.NamedContents;

import java.util.ArrayList;
import java.util.List;

/**
 * A rankings request's query and passages, read from a turn's named texts as AIPerf does: the first content of the
 * texts named {@code query} (or {@code queries}), and every content named {@code passages}. A turn without names
 * (a plain prompt) ranks its text against itself, so a chat dataset can still drive a rankings server.
 */
record RankingsInput(String query, List<String> passages) {

    static RankingsInput of(TurnInput in) {
        String query = null;
        List<String> passages = new ArrayList<>();
        List<String> unnamed = new ArrayList<>();
        for (NamedContents n : in.contents().texts()) {
            if (("query".equals(n.name()) || "queries".equals(n.name())) && query == null && !n.contents().isEmpty()) {
                query = n.contents().get(0);
            } else if ("passages".equals(n.name()) || "passage".equals(n.name())) {
                passages.addAll(n.contents());
            } else {
                unnamed.addAll(n.contents());
            }
        }
        if (query == null && passages.isEmpty()) {
            if (unnamed.isEmpty()) {
                return new RankingsInput(in.text(), List.of(in.text()));
            }
            return unnamed.size() == 1 ? new RankingsInput(unnamed.get(0), List.of(unnamed.get(0)))
                    : new RankingsInput(unnamed.get(0), unnamed.subList(1, unnamed.size()));
        }
        if (query == null) {
            query = unnamed.isEmpty() ? in.text() : unnamed.get(0);
        }
        return new RankingsInput(query, List.copyOf(passages));
    }
}
