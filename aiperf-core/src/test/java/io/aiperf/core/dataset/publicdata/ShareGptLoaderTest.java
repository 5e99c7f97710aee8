package io.aiperf.core.dataset.publicdata;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aiperf.core.dataset.RandomStreams;
import io.aiperf.core.dataset.file.DatasetFileException;
import io.aiperf.core.hub.HubSettings;
import io.aiperf.core.model.Conversation;
import io.aiperf.core.model.Turn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static io.aiperf.core.dataset.publicdata.ShareGptFixtures.entry;
import static io.aiperf.core.dataset.publicdata.ShareGptFixtures.words;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ShareGptLoaderTest {

    @TempDir
    Path tmp;

    /** A hub nobody can reach, so a test that should not download fails instead of touching the network. */
    private HubSettings offline() throws Exception {
        return new HubSettings(io.aiperf.core.hub.LocalHub.closedEndpoint(), null, tmp.resolve("cache"), null, null);
    }

    private ShareGptLoader.Result load(Path file, boolean oslSet) throws Exception {
        return ShareGptLoader.builder(words()).localPath(file.toString()).hub(offline()).outputLengthSet(oslSet)
                .streams(RandomStreams.of(1L)).load();
    }

    private static List<String> prompts(ShareGptLoader.Result r) {
        return r.conversations().stream().map(c -> c.firstTurn().text()).toList();
    }

    @Test
    void lengthLimitsAreVllmsAtTheirEdges() throws Exception {
        List<ObjectNode> entries = List.of(
                entry("p3", words("a", 3), words("r", 10)),        // prompt too short
                entry("p4", words("b", 4), words("r", 10)),        // shortest prompt kept
                entry("p1024", words("c", 1024), words("r", 10)),  // longest prompt kept
                entry("p1025", words("d", 1025), words("r", 4)),   // prompt too long
                entry("r3", words("e", 10), words("r", 3)),        // reply too short (kept when --osl is set)
                entry("r4", words("f", 10), words("r", 4)),        // shortest reply kept
                entry("t2048", words("g", 1000), words("r", 1048)), // total exactly 2048: kept
                entry("t2049", words("h", 1000), words("r", 1049))); // total 2049: dropped
        Path file = ShareGptFixtures.write(tmp.resolve("sg.json"), entries);

        ShareGptLoader.Result r = load(file, false);

        assertThat(prompts(r)).extracting(p -> p.substring(0, 1)).containsExactly("b", "c", "f", "g");
        assertThat(r.conversations()).extracting(c -> c.firstTurn().inputTokens()).containsExactly(4, 1024, 10, 1000);
        // max_tokens is the reply's token count
        assertThat(r.conversations()).extracting(c -> c.firstTurn().maxTokens()).containsExactly(10, 10, 4, 1048);
        assertThat(r.entries()).isEqualTo(8);
        assertThat(r.filtered()).isEqualTo(4);
        assertThat(r.unusable()).isZero();

        ShareGptLoader.Result withOsl = load(file, true);
        assertThat(prompts(withOsl)).extracting(p -> p.substring(0, 1)).containsExactly("b", "c", "e", "f", "g");
        assertThat(withOsl.conversations().get(2).firstTurn().maxTokens()).isEqualTo(3);
    }

    @Test
    void onlyTheFirstTwoMessagesOfConversationsWithTwoOrMoreCount() throws Exception {
        ObjectNode odd = entry("odd", words("x", 5));
        odd.putObject("meta").putArray("deep").addObject().put("value", "not a message");
        ObjectNode noConversations = ShareGptFixtures.entry("none");
        noConversations.remove("conversations");
        ObjectNode emptyReply = entry("empty", words("y", 5), "");
        ObjectNode numberValue = entry("num", words("z", 5), "x");
        ((ObjectNode) numberValue.get("conversations").get(1)).put("value", 42);
        List<ObjectNode> entries = List.of(
                odd,                                                                     // one message only
                noConversations,
                emptyReply,
                numberValue,
                entry("long", words("p", 6), words("q", 7), words("later", 2000), words("more", 9)),
                entry("roles", words("s", 5), words("t", 5)));
        // roles are ignored, as in AIPerf and vLLM: the first two messages are the pair
        ((ObjectNode) entries.get(5).get("conversations").get(0)).put("from", "gpt");
        Path file = ShareGptFixtures.write(tmp.resolve("sg.json"), entries);

        ShareGptLoader.Result r = load(file, false);

        assertThat(prompts(r)).containsExactly(words("p", 6), words("s", 5));
        assertThat(r.conversations().get(0).firstTurn().maxTokens()).isEqualTo(7);
        assertThat(r.conversations()).allSatisfy(c -> assertThat(c.turns()).hasSize(1));
        assertThat(r.unusable()).isEqualTo(4);
        assertThat(r.entries()).isEqualTo(6);
    }

    @Test
    void theSameSeedGivesTheSameIdsWhateverTheThreadCount() throws Exception {
        List<ObjectNode> entries = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            entries.add(entry("e" + i, words("p" + i + "_", 4 + i % 50), words("r", 4 + i % 7)));
        }
        Path file = ShareGptFixtures.write(tmp.resolve("sg.json"), entries);

        List<Conversation> one = ShareGptLoader.builder(words()).localPath(file.toString()).hub(offline())
                .streams(RandomStreams.of(5L)).threads(1).load().conversations();
        List<Conversation> four = ShareGptLoader.builder(words()).localPath(file.toString()).hub(offline())
                .streams(RandomStreams.of(5L)).threads(4).load().conversations();

        assertThat(four).isEqualTo(one).hasSize(300);
        assertThat(one).extracting(Conversation::conversationId).doesNotHaveDuplicates();
    }

    @Test
    void theCapKeepsTheFirstPassingEntriesAndStopsReading() throws Exception {
        int total = ShareGptLoader.BATCH * 2 + 10;
        List<ObjectNode> entries = new ArrayList<>();
        entries.add(entry("short", words("s", 2), words("r", 5)));
        for (int i = 0; i < total; i++) {
            entries.add(entry("e" + i, "n" + i + " " + words("w", 4), words("r", 5)));
        }
        Path file = ShareGptFixtures.write(tmp.resolve("sg.json"), entries);

        ShareGptLoader.Result r = ShareGptLoader.builder(words()).localPath(file.toString()).hub(offline())
                .maxConversations(3).load();

        assertThat(prompts(r)).extracting(p -> p.split(" ")[0]).containsExactly("n0", "n1", "n2");
        assertThat(r.entries()).isEqualTo(ShareGptLoader.BATCH); // the rest of the file was never parsed
    }

    @Test
    void malformedJsonIsOneLineNamingFileAndLine() throws Exception {
        Path file = Files.writeString(tmp.resolve("bad.json"),
                "[\n  {\"conversations\": [{\"value\": \"a b c d\"}, {\"value\": \"e f g h\"}]},\n  {\"conversations\": [\n}\n");

        assertThatThrownBy(() -> load(file, false))
                .isInstanceOf(DatasetFileException.class)
                .hasMessageStartingWith(file + ":4: invalid JSON")
                .hasMessageNotContaining("\n");
    }

    @Test
    void cutOffFileIsAnError() throws Exception {
        Path file = Files.writeString(tmp.resolve("cut.json"),
                "[{\"conversations\": [{\"value\": \"a b c d\"}, {\"value\": \"e f g h\"}]}, {\"id\": \"x\"");

        assertThatThrownBy(() -> load(file, false))
                .isInstanceOf(DatasetFileException.class)
                .hasMessageStartingWith(file + ":1: invalid JSON")
                .hasMessageContaining("end-of-input");
    }

    @Test
    void notAnArrayOrNotObjectsIsAnError() throws Exception {
        Path object = Files.writeString(tmp.resolve("obj.json"), "{\"conversations\": []}");
        assertThatThrownBy(() -> load(object, false))
                .hasMessage(object + ": not a ShareGPT file: expected a JSON array of conversations, found {");

        Path strings = Files.writeString(tmp.resolve("strings.json"), "[\n\"hello\"\n]");
        assertThatThrownBy(() -> load(strings, false))
                .hasMessage(strings + ":2: entry 0 is not a JSON object (found VALUE_STRING)");
    }

    @Test
    void nothingUsableSaysWhy() throws Exception {
        Path file = ShareGptFixtures.write(tmp.resolve("sg.json"), List.of(entry("a", "x"),
                entry("b", "one two", "three four five six")));

        assertThatThrownBy(() -> load(file, false))
                .isInstanceOf(DatasetFileException.class)
                .hasMessage(file + ": no usable ShareGPT entries: of 2 entries, 1 have fewer than two messages and 1"
                        + " fall outside the length limits (prompt 4-1024 tokens, reply at least 4, both at most 2048)"
                        + " with tokenizer words (test)");
    }

    @Test
    void missingLocalCopyNamesIt() throws Exception {
        String missing = tmp.resolve("nope.json").toString();
        assertThatThrownBy(() -> ShareGptLoader.builder(words()).localPath(missing).hub(offline()).load())
                .isInstanceOf(DatasetFileException.class)
                .hasMessage(missing + ": no such file");
    }

    @Test
    void turnsCarryPromptAndReplyCounts() throws Exception {
        Path file = ShareGptFixtures.write(tmp.resolve("sg.json"), List.of(entry("a", words("p", 9), words("r", 12))));

        Turn t = load(file, false).conversations().get(0).firstTurn();

        assertThat(t.text()).isEqualTo(words("p", 9));
        assertThat(t.inputTokens()).isEqualTo(9);
        assertThat(t.maxTokens()).isEqualTo(12);
        assertThat(t.delayMs()).isZero();
        assertThat(t.hasTimestamp()).isFalse();
    }
}
