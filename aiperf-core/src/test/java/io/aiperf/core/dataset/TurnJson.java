package io.aiperf.core.dataset;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aiperf.core.model.Conversation;
import io.aiperf.core.model.NamedContents;
import io.aiperf.core.model.Turn;

import java.io.IOException;

/** A test body for {@code inputs.json}: everything a request of the turn would carry, as JSON (core has no endpoints). */
final class TurnJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private TurnJson() {
    }

    static String render(Conversation c, int turnIndex) throws IOException {
        Turn t = c.turns().get(turnIndex);
        ObjectNode body = MAPPER.createObjectNode();
        body.put("system", c.systemMessage());
        body.put("user_context", c.userContextMessage());
        for (NamedContents n : t.texts()) {
            n.contents().forEach(body.withArray(n.name())::add);
        }
        body.put("isl", t.inputTokens());
        if (t.maxTokens() != null) {
            body.put("max_tokens", t.maxTokens());
        }
        return MAPPER.writeValueAsString(body);
    }
}
