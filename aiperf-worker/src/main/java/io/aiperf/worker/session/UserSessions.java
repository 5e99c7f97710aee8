package io.aiperf.worker.session;

import io.aiperf.core.config.EndpointConfig;
import io.aiperf.core.config.EndpointType;
import io.aiperf.core.endpoint.ChatMessage;
import io.aiperf.core.endpoint.PayloadFormatter;
import io.aiperf.core.message.Credit;
import io.aiperf.core.message.RequestRecord;
import io.aiperf.core.message.TurnInput;
import io.aiperf.core.model.CreditPhase;
import io.aiperf.core.model.ResponseChunk;

import java.util.HashMap;
import java.util.Map;

/**
 * Renders the requests of credits that come without a body ({@code payloadJson == null}) and keeps the
 * {@link UserSession} of each multi-turn conversation instance, keyed by {@code X-Correlation-ID}.
 *
 * <p>Threading: <em>confined to the worker's bus thread</em>, the thread that takes credits off the bus
 * ({@link #render}) and hands finished records on ({@link #finished}). The event loops never see a session: they
 * get a finished body and return a record through the worker's queue. So there are no locks, and because a turn's
 * record is applied here before its {@code CreditReturn} is sent, the next turn (which the controller issues only
 * after that return) always sees the previous reply.
 *
 * <p>Chat: the body of turn k is the history (user, assistant, user, assistant, …) plus turn k's user message.
 * Completions: the body carries only the current turn's text, so no session is kept. A session is evicted when its
 * final turn is rendered, when a turn of it fails or is cancelled, when its phase is abandoned
 * ({@link #evictPhase}) and when another phase starts ({@link #retainOnly}). A turn whose session is gone starts a
 * new history from itself.
 */
public final class UserSessions {

    private final EndpointConfig endpoint;
    private final Map<String, UserSession> sessions = new HashMap<>();

    public UserSessions(EndpointConfig endpoint) {
        this.endpoint = endpoint;
    }

    /**
     * Renders the credit's body from its {@code turnInput} and {@code maxTokens} (model: the turn's own) and
     * records the user message in its session (after the system prompt and user context a first turn brings). A
     * credit without turn input renders to a null body (the transport turns it into an error record) and evicts its
     * session.
     */
    public RenderedTurn render(Credit credit) {
        TurnInput in = credit.turnInput();
        String id = credit.xCorrelationId();
        if (in == null) {
            if (id != null) {
                sessions.remove(id);
            }
            return new RenderedTurn(null, null);
        }
        if (endpoint.type() != EndpointType.CHAT) {
            return new RenderedTurn(PayloadFormatter.format(endpoint, in, credit.maxTokens(), in.model()),
                    joined(in.systemMessage(), in.userContextMessage(), in.text()));
        }
        UserSession session = id == null ? null : sessions.get(id);
        if (session == null) {
            session = new UserSession(id, credit.phase());
            if (id != null && !credit.finalTurn()) {
                sessions.put(id, session);
            }
        } else if (credit.finalTurn()) {
            sessions.remove(id);
        }
        if (session.messages().isEmpty()) {
            for (ChatMessage opening : PayloadFormatter.opening(in)) {
                session.add(opening);
            }
        }
        session.addUser(ChatMessage.user(in.text(), in.contents()), credit.creditId());
        String body = PayloadFormatter.formatChat(endpoint, session.messages(), credit.maxTokens(), in.model());
        return new RenderedTurn(body, session.joinedText());
    }

    /**
     * Applies a finished request: a successful turn's reply (its content responses' non-reasoning text,
     * concatenated) joins the history; a failed or cancelled turn evicts the session. Records that are not the
     * pending turn of a live session (pre-rendered requests, final turns) are ignored.
     */
    public void finished(RequestRecord record) {
        String id = record.xCorrelationId();
        UserSession session = id == null ? null : sessions.get(id);
        if (session == null || session.pendingCreditId() != record.creditId() || session.phase() != record.phase()) {
            return;
        }
        if (record.failed() || record.cancelled()) {
            sessions.remove(id);
            return;
        }
        StringBuilder reply = new StringBuilder();
        for (ResponseChunk chunk : record.responses()) {
            if (chunk.text() != null) {
                reply.append(chunk.text());
            }
        }
        session.addAssistant(reply.toString());
    }

    /** The texts the ISL counts, in order, joined by single spaces (nulls skipped). */
    private static String joined(String system, String userContext, String text) {
        if (system == null && userContext == null) {
            return text;
        }
        StringBuilder sb = new StringBuilder();
        for (String s : new String[] {system, userContext, text}) {
            if (s != null) {
                if (!sb.isEmpty()) {
                    sb.append(' ');
                }
                sb.append(s);
            }
        }
        return sb.toString();
    }

    /** Drops every session of {@code phase} (its in-flight requests were abandoned). */
    public void evictPhase(CreditPhase phase) {
        sessions.values().removeIf(s -> s.phase() == phase);
    }

    /** Drops every session not of {@code phase} (a new phase started; the others will get no more turns). */
    public void retainOnly(CreditPhase phase) {
        sessions.values().removeIf(s -> s.phase() != phase);
    }

    /** The live session of a conversation instance, or null. */
    public UserSession get(String xCorrelationId) {
        return sessions.get(xCorrelationId);
    }

    public int size() {
        return sessions.size();
    }
}
