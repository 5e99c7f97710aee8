package io.aiperf.core.dataset;

import io.aiperf.core.config.InputConfig;
import io.aiperf.core.model.Conversation;
import io.aiperf.core.model.Turn;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code --shared-system-prompt-length} and {@code --user-context-prompt-length} (AIPerf's conversation context
 * prompts): one system prompt shared by every conversation, and prompt {@code i} as conversation {@code i}'s own
 * user-context message, each cut to its exact token length.
 *
 * <p>Draws: the system prompt's start seed is the first {@code long} of {@value RandomStreams#SHARED_SYSTEM_PROMPT};
 * user context {@code i}'s seed is the {@code i}-th {@code long} of {@value RandomStreams#USER_CONTEXT_PROMPT}. So the
 * conversations' own prompts do not move when these options are added.
 *
 * <p>Each turn's ISL is then recounted as AIPerf counts it: the tokens of the system prompt, the user context and
 * the turn's texts joined by single spaces, whatever the endpoint sends (completions and embeddings bodies carry
 * neither). Counting runs once per turn, in parallel.
 */
public final class ContextPrompts {

    private ContextPrompts() {
    }

    /**
     * The conversations with their system prompt and user context, and recounted ISLs; {@code conversations} itself
     * when neither option is set.
     */
    static List<Conversation> apply(List<Conversation> conversations, InputConfig.Prompts shaping,
                                    SyntheticPromptGenerator generator, RandomStreams rs, int threads) {
        if (!shaping.contextPrompts()) {
            return conversations;
        }
        int n = conversations.size();
        String system = null;
        if (shaping.sharedSystemLength() != null) {
            long seed = rs.derive(RandomStreams.SHARED_SYSTEM_PROMPT).nextLong();
            system = generator.prompts(new int[] {shaping.sharedSystemLength()}, new long[] {seed}, 1)[0].text();
        }
        Prompt[] contexts = null;
        if (shaping.userContextLength() != null) {
            SeededRandom seeds = rs.derive(RandomStreams.USER_CONTEXT_PROMPT);
            int[] lengths = new int[n];
            long[] starts = new long[n];
            for (int i = 0; i < n; i++) {
                lengths[i] = shaping.userContextLength();
                starts[i] = seeds.nextLong();
            }
            contexts = generator.prompts(lengths, starts, threads);
        }
        List<Conversation> framed = new ArrayList<>(n);
        List<String> requestTexts = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Conversation c = conversations.get(i).withPreamble(system, contexts == null ? null : contexts[i].text());
            framed.add(c);
            for (Turn t : c.turns()) {
                requestTexts.add(requestText(c, t));
            }
        }
        List<Integer> counts = Parallel.map(requestTexts.size(), threads, "aiperf-dataset-count",
                k -> generator.tokenizer().countTokens(requestTexts.get(k)));
        List<Conversation> out = new ArrayList<>(n);
        int k = 0;
        for (Conversation c : framed) {
            List<Turn> turns = new ArrayList<>(c.turnCount());
            for (Turn t : c.turns()) {
                turns.add(t.withContents(t.contents(), counts.get(k++)));
            }
            out.add(new Conversation(c.conversationId(), turns, c.systemMessage(), c.userContextMessage()));
        }
        return out;
    }

    /** What the ISL of a turn counts: system prompt, user context and the turn's texts, joined by single spaces. */
    static String requestText(Conversation c, Turn t) {
        StringBuilder sb = new StringBuilder();
        for (String part : new String[] {c.systemMessage(), c.userContextMessage(), t.text()}) {
            if (part != null) {
                sb.append(sb.length() == 0 ? "" : " ").append(part);
            }
        }
        return sb.toString();
    }
}
