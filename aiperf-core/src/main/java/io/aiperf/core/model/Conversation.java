package io.aiperf.core.model;

import java.util.List;

/**
 * A session: one or more turns sent in order.
 *
 * @param conversationId the session id (also {@code session_id} in {@code inputs.json})
 * @param turns          at least one turn; copied to an immutable list
 * @param systemMessage  {@code --shared-system-prompt-length}: the system prompt every request of the conversation
 *                       starts with, or null
 * @param userContextMessage {@code --user-context-prompt-length}: this conversation's own context, sent as a user
 *                       message before the turns, or null
 */
public record Conversation(String conversationId, List<Turn> turns, String systemMessage, String userContextMessage) {

    public Conversation {
        if (conversationId == null || conversationId.isEmpty()) {
            throw new IllegalArgumentException("conversationId must not be empty");
        }
        if (turns == null || turns.isEmpty()) {
            throw new IllegalArgumentException("a conversation needs at least one turn");
        }
        turns = List.copyOf(turns);
    }

    public Conversation(String conversationId, List<Turn> turns) {
        this(conversationId, turns, null, null);
    }

    /** The same conversation with a system prompt and a user-context message (either may be null). */
    public Conversation withPreamble(String system, String userContext) {
        return new Conversation(conversationId, turns, system, userContext);
    }

    public Turn firstTurn() {
        return turns.get(0);
    }

    public int turnCount() {
        return turns.size();
    }

    /** The conversations by id, in order; an id used twice is a bug in the loader that made them. */
    public static java.util.Map<String, Conversation> indexById(List<Conversation> conversations) {
        java.util.Map<String, Conversation> map = new java.util.LinkedHashMap<>();
        for (Conversation c : conversations) {
            if (map.put(c.conversationId(), c) != null) {
                throw new IllegalStateException("duplicate conversation id " + c.conversationId());
            }
        }
        return java.util.Collections.unmodifiableMap(map);
    }
}
