package io.aiperf.worker.session;

import io.aiperf.core.endpoint.ChatMessage;
import io.aiperf.core.model.CreditPhase;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The message history of one conversation instance (one {@code X-Correlation-ID}) on this worker: each turn's user
 * message, and after each successful turn the assistant's live reply (AIPerf's "deltas without responses" mode).
 * Confined to the thread of its {@link UserSessions} (the worker's bus thread); no synchronisation.
 */
public final class UserSession {

    private final String xCorrelationId;
    private final CreditPhase phase;
    private final List<ChatMessage> messages = new ArrayList<>();
    /** The credit whose reply is awaited, or -1 when none is in flight. */
    private long pendingCreditId = -1;

    UserSession(String xCorrelationId, CreditPhase phase) {
        this.xCorrelationId = xCorrelationId;
        this.phase = phase;
    }

    public String xCorrelationId() {
        return xCorrelationId;
    }

    public CreditPhase phase() {
        return phase;
    }

    /** The history, oldest first (read-only view). */
    public List<ChatMessage> messages() {
        return Collections.unmodifiableList(messages);
    }

    long pendingCreditId() {
        return pendingCreditId;
    }

    void addUser(ChatMessage message, long creditId) {
        messages.add(message);
        pendingCreditId = creditId;
    }

    /** A message that opens the history (system prompt, user context); no reply is awaited for it. */
    void add(ChatMessage message) {
        messages.add(message);
    }

    void addAssistant(String text) {
        messages.add(ChatMessage.assistant(text));
        pendingCreditId = -1;
    }

    /** Every message's content in order, joined by single spaces (the text the records manager tokenizes). */
    String joinedText() {
        int size = messages.size() - 1;
        for (ChatMessage m : messages) {
            size += m.text().length();
        }
        StringBuilder sb = new StringBuilder(Math.max(size, 0));
        for (ChatMessage m : messages) {
            if (!sb.isEmpty()) {
                sb.append(' ');
            }
            sb.append(m.text());
        }
        return sb.toString();
    }
}
