package io.aiperf.core.dataset.accuracy;

import io.aiperf.core.config.AccuracyConfig;
import io.aiperf.core.model.Conversation;
import io.aiperf.core.model.Turn;
import io.aiperf.core.tokenizer.TextTokenizer;

import java.util.ArrayList;
import java.util.List;

/**
 * The problems as single-turn conversations: the prompt as the user turn, the system prompt (given or the
 * benchmark's default) as the conversation's, the benchmark's output budget unless {@code --osl} set one.
 */
public final class AccuracyConversations {

    private AccuracyConversations() {
    }

    /** @param outputTokens {@code --osl} when given (it wins over the benchmark's budget), else null */
    public static List<Conversation> of(AccuracyConfig config, TextTokenizer tokenizer, Integer outputTokens) {
        String system = config.systemPrompt();
        List<Conversation> out = new ArrayList<>();
        for (AccuracyProblem p : AccuracyProblems.load(config)) {
            // the ISL counts what is sent: the system prompt, then the user's text
            String sent = system == null ? p.prompt() : system + " " + p.prompt();
            Integer maxTokens = outputTokens != null ? outputTokens : p.maxTokens();
            Turn turn = new Turn(p.prompt(), tokenizer.countTokens(sent), maxTokens, 0);
            out.add(new Conversation(p.conversationId(), List.of(turn), system, null));
        }
        return out;
    }
}
