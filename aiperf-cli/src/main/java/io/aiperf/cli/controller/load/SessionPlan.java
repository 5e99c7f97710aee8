package io.aiperf.cli.controller.load;

import java.util.List;

/**
 * A conversation as the load engine needs it: its turns, ready to send.
 *
 * @param conversationId the dataset conversation
 * @param turns          at least one
 * @param startOffsetNs  fixed schedule: when the first turn is due, from the phase start; else -1
 */
public record SessionPlan(String conversationId, List<TurnPlan> turns, long startOffsetNs) {

    public SessionPlan {
        turns = List.copyOf(turns);
        if (turns.isEmpty()) {
            throw new IllegalArgumentException("a session needs at least one turn");
        }
    }

    /**
     * @param payloadJson     the exact body when it can be rendered ahead of time, else null (the worker renders it
     *                        from {@code text} and the session's live history)
     * @param text            the user text of the turn
     * @param maxTokens       requested output length, or null
     * @param timestampOffsetNs fixed schedule: absolute due time of a later turn from the phase start, or -1
     * @param delayNs         wait after the previous turn's response before this one is due (0 = at once)
     */
    public record TurnPlan(String payloadJson, String text, Integer maxTokens, long timestampOffsetNs, long delayNs) {
    }
}
