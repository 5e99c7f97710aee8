package io.aiperf.worker.session;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aiperf.core.config.ConnectionReuse;
import io.aiperf.core.config.EndpointConfig;
import io.aiperf.core.config.EndpointType;
import io.aiperf.core.endpoint.ChatMessage;
import io.aiperf.core.endpoint.PayloadFormatter;
import io.aiperf.core.message.Credit;
import io.aiperf.core.message.RequestRecord;
import io.aiperf.core.message.TurnInput;
import io.aiperf.core.model.CreditPhase;
import io.aiperf.core.model.ErrorDetails;
import io.aiperf.core.model.ResponseChunk;
import io.aiperf.core.model.TurnContents;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class UserSessionsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final EndpointConfig chat = endpoint(EndpointType.CHAT);
    private final UserSessions sessions = new UserSessions(chat);
    private long nextCreditId;

    @Test
    void eachTurnCarriesTheHistoryWithTheLiveRepliesInOrder() throws Exception {
        Credit t0 = turn("conv-a", 0, 3, "What is TCP?", 40);
        RenderedTurn r0 = sessions.render(t0);
        assertThat(r0.payloadJson()).isEqualTo(
                PayloadFormatter.formatChat(chat, List.of(ChatMessage.user("What is TCP?")), 40, null));
        assertThat(r0.inputText()).isEqualTo("What is TCP?");
        assertThat(sessions.size()).isEqualTo(1);

        sessions.finished(success(t0, new ResponseChunk(1, null, "thinking"), new ResponseChunk(2, "A ", null),
                new ResponseChunk(3, "protocol.", "more thinking")));

        Credit t1 = turn("conv-a", 1, 3, "And UDP?", 50);
        RenderedTurn r1 = sessions.render(t1);
        assertThat(roles(r1.payloadJson())).containsExactly("user", "assistant", "user");
        assertThat(contents(r1.payloadJson())).containsExactly("What is TCP?", "A protocol.", "And UDP?");
        assertThat(JSON.readTree(r1.payloadJson()).get("max_completion_tokens").asInt()).isEqualTo(50);
        assertThat(r1.inputText()).isEqualTo("What is TCP? A protocol. And UDP?");

        sessions.finished(success(t1, new ResponseChunk(5, "Datagrams.", null)));

        Credit t2 = turn("conv-a", 2, 3, "Thanks", null);
        RenderedTurn r2 = sessions.render(t2);
        assertThat(contents(r2.payloadJson()))
                .containsExactly("What is TCP?", "A protocol.", "And UDP?", "Datagrams.", "Thanks");
        assertThat(JSON.readTree(r2.payloadJson()).has("max_completion_tokens")).isFalse();
        assertThat(r2.inputText()).isEqualTo("What is TCP? A protocol. And UDP? Datagrams. Thanks");
        assertThat(sessions.size()).as("evicted on the final turn").isZero();

        sessions.finished(success(t2, new ResponseChunk(9, "You're welcome", null)));
        assertThat(sessions.size()).isZero();
    }

    @Test
    void theSystemPromptAndUserContextOpenTheHistoryOnce() throws Exception {
        Credit t0 = new Credit(nextCreditId++, CreditPhase.PROFILING, "template", "conv-s", 0, 2, null, 0,
                new TurnInput("Hi", TurnContents.NONE, "be brief", "I am user 7"), 10, null, -1, null, false);
        RenderedTurn r0 = sessions.render(t0);
        assertThat(roles(r0.payloadJson())).containsExactly("system", "user", "user");
        assertThat(r0.inputText()).isEqualTo("be brief I am user 7 Hi");
        sessions.finished(success(t0, new ResponseChunk(1, "Hello.", null)));

        RenderedTurn r1 = sessions.render(turn("conv-s", 1, 2, "Bye", 10));
        assertThat(roles(r1.payloadJson())).containsExactly("system", "user", "user", "assistant", "user");
        assertThat(contents(r1.payloadJson())).containsExactly("be brief", "I am user 7", "Hi", "Hello.", "Bye");
        assertThat(r1.inputText()).isEqualTo("be brief I am user 7 Hi Hello. Bye");
    }

    @Test
    void conversationsAreKeptApart() throws Exception {
        Credit a0 = turn("conv-a", 0, 2, "a-first", null);
        Credit b0 = turn("conv-b", 0, 2, "b-first", null);
        sessions.render(a0);
        sessions.render(b0);
        sessions.finished(success(b0, new ResponseChunk(1, "b-reply", null)));
        sessions.finished(success(a0, new ResponseChunk(1, "a-reply", null)));

        assertThat(contents(sessions.render(turn("conv-b", 1, 2, "b-second", null)).payloadJson()))
                .containsExactly("b-first", "b-reply", "b-second");
        assertThat(contents(sessions.render(turn("conv-a", 1, 2, "a-second", null)).payloadJson()))
                .containsExactly("a-first", "a-reply", "a-second");
    }

    @Test
    void aFailedOrCancelledTurnEvictsItsSession() throws Exception {
        Credit t0 = turn("conv-a", 0, 3, "hello", null);
        sessions.render(t0);
        sessions.finished(failure(t0, new ErrorDetails(500, "Internal Server Error", "boom"), false));
        assertThat(sessions.size()).isZero();

        // The next turn starts a fresh history from itself.
        Credit t1 = turn("conv-a", 1, 3, "again", null);
        assertThat(contents(sessions.render(t1).payloadJson())).containsExactly("again");
        sessions.finished(failure(t1, new ErrorDetails(499, "RequestCancellationError",
                "Request cancelled 0.100s after being sent"), true));
        assertThat(sessions.get("conv-a")).isNull();
    }

    @Test
    void recordsThatAreNotThePendingTurnAreIgnored() {
        Credit t0 = turn("conv-a", 0, 3, "hello", null);
        sessions.render(t0);
        Credit stranger = turn("conv-a", 0, 1, "pre-rendered elsewhere", null);
        sessions.finished(failure(stranger, new ErrorDetails(500, "x", "y"), false));
        sessions.finished(success(stranger, new ResponseChunk(1, "not mine", null)));

        assertThat(sessions.get("conv-a").messages()).containsExactly(ChatMessage.user("hello"));
    }

    @Test
    void singleTurnConversationsKeepNoSession() {
        RenderedTurn r = sessions.render(turn("conv-a", 0, 1, "only", 5));
        assertThat(r.payloadJson()).isEqualTo(PayloadFormatter.format(chat, "only", 5, null));
        assertThat(r.inputText()).isEqualTo("only");
        assertThat(sessions.size()).isZero();
    }

    @Test
    void completionsSendOnlyTheCurrentTurn() throws Exception {
        EndpointConfig completions = endpoint(EndpointType.COMPLETIONS);
        UserSessions s = new UserSessions(completions);
        Credit t0 = turn("conv-a", 0, 2, "Once upon", 9);
        assertThat(s.render(t0).payloadJson()).isEqualTo(PayloadFormatter.format(completions, "Once upon", 9, null));
        s.finished(success(t0, new ResponseChunk(1, " a time", null)));

        RenderedTurn r1 = s.render(turn("conv-a", 1, 2, "there was", 9));
        assertThat(JSON.readTree(r1.payloadJson()).get("prompt").toString()).isEqualTo("[\"there was\"]");
        assertThat(r1.inputText()).isEqualTo("there was");
        assertThat(s.size()).isZero();
    }

    @Test
    void aCreditWithoutTextRendersNoBodyAndEvictsItsSession() {
        sessions.render(turn("conv-a", 0, 3, "hello", null));
        RenderedTurn r = sessions.render(turn("conv-a", 1, 3, null, null));
        assertThat(r.payloadJson()).isNull();
        assertThat(r.inputText()).isNull();
        assertThat(sessions.size()).isZero();
    }

    @Test
    void phaseEvictions() {
        sessions.render(turn("warm", 0, 2, "w", null, CreditPhase.WARMUP));
        sessions.render(turn("prof-1", 0, 2, "p", null, CreditPhase.PROFILING));
        sessions.render(turn("prof-2", 0, 2, "p", null, CreditPhase.PROFILING));

        sessions.retainOnly(CreditPhase.PROFILING);
        assertThat(sessions.get("warm")).isNull();
        assertThat(sessions.size()).isEqualTo(2);

        sessions.evictPhase(CreditPhase.PROFILING);
        assertThat(sessions.size()).isZero();
    }

    @Test
    void eachTurnNamesTheModelItWasGivenOrTheFirstWhenNone() throws Exception {
        Credit first = new Credit(nextCreditId++, CreditPhase.PROFILING, "template", "conv-m", 0, 2, null, 0,
                new TurnInput("hi", TurnContents.NONE, null, null, "model-c"), null, null, -1, null, false);
        assertThat(JSON.readTree(sessions.render(first).payloadJson()).get("model").asText()).isEqualTo("model-c");
        sessions.finished(success(first, new ResponseChunk(1, "hello", null)));
        Credit second = turn("conv-m", 1, 2, "bye", null);
        assertThat(JSON.readTree(sessions.render(second).payloadJson()).get("model").asText()).isEqualTo("model-a");

        UserSessions embeddings = new UserSessions(endpoint(EndpointType.EMBEDDINGS));
        Credit single = new Credit(nextCreditId++, CreditPhase.PROFILING, "template", null, 0, 1, null, 0,
                new TurnInput("x", TurnContents.NONE, null, null, "model-b"), null, null, -1, null, false);
        assertThat(JSON.readTree(embeddings.render(single).payloadJson()).get("model").asText()).isEqualTo("model-b");
    }

    private Credit turn(String corr, int index, int turns, String text, Integer maxTokens) {
        return turn(corr, index, turns, text, maxTokens, CreditPhase.PROFILING);
    }

    private Credit turn(String corr, int index, int turns, String text, Integer maxTokens, CreditPhase phase) {
        return new Credit(nextCreditId++, phase, "template", corr, index, turns, null, 0,
                text == null ? null : TurnInput.text(text), maxTokens, null, -1, null, false);
    }

    private static RequestRecord success(Credit c, ResponseChunk... chunks) {
        return record(c, List.of(chunks), null, false);
    }

    private static RequestRecord failure(Credit c, ErrorDetails error, boolean cancelled) {
        return record(c, List.of(), error, cancelled);
    }

    private static RequestRecord record(Credit c, List<ResponseChunk> chunks, ErrorDetails error, boolean cancelled) {
        return new RequestRecord("w", c.creditId(), c.phase(), c.conversationId(), c.turnIndex(), "req",
                c.xCorrelationId(), 1, 2, 3, 4, 5, 6, error == null ? 200 : 0, chunks, null, error, cancelled, -1,
                null, null, c.maxTokens(), null, null);
    }

    private static List<String> roles(String body) throws Exception {
        return field(body, "role");
    }

    private static List<String> contents(String body) throws Exception {
        return field(body, "content");
    }

    private static List<String> field(String body, String name) throws Exception {
        List<String> out = new ArrayList<>();
        for (JsonNode m : JSON.readTree(body).get("messages")) {
            out.add(m.get(name).asText());
        }
        return out;
    }

    private static EndpointConfig endpoint(EndpointType type) {
        return new EndpointConfig(List.of("model-a"), type, true, List.of("http://127.0.0.1:1"), null, 60, null,
                false, false, Map.of(), Map.of(), ConnectionReuse.POOLED);
    }
}
