package io.aiperf.core.load;

import io.aiperf.core.message.TurnInput;

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
     *                        from {@code input} and the session's live history)
     * @param input           what the worker renders the turn from when {@code payloadJson} is null, else null (so
     *                        a pre-rendered turn does not cross the bus twice)
     * @param maxTokens       requested output length, or null
     * @param inputTokens     the turn's input length as counted when its prompt was made, when {@code payloadJson}
     *                        is given; else null
     * @param timestampOffsetNs fixed schedule: absolute due time of a later turn from the phase start, or -1
     * @param delayNs         wait after the previous turn's response before this one is due (0 = at once)
     * @param inputImages     how many images the turn sends
     */
    public record TurnPlan(String payloadJson, TurnInput input, Integer maxTokens, Long inputTokens,
                           long timestampOffsetNs, long delayNs, int inputImages) {

        /** A turn without images. */
        public TurnPlan(String payloadJson, TurnInput input, Integer maxTokens, Long inputTokens,
                        long timestampOffsetNs, long delayNs) {
            this(payloadJson, input, maxTokens, inputTokens, timestampOffsetNs, delayNs, 0);
        }
    }
}
