package io.aiperf.core.dataset;

import io.aiperf.core.config.InputConfig;
import io.aiperf.core.model.Conversation;
import io.aiperf.core.model.Turn;
import io.aiperf.core.tokenizer.SharedTokenizers;
import io.aiperf.core.tokenizer.TextTokenizer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code --shared-system-prompt-length} and {@code --user-context-prompt-length}. */
class ContextPromptsTest {

    @TempDir
    Path dir;

    private static InputConfig config(Integer system, Integer context, int entries, int turns, String file,
                                      InputConfig.Rankings rankings) {
        return new InputConfig(24, 4, 8, 0, 21L, entries, file, null, null,
                new InputConfig.Conversations(turns, 0, 0, 0, 1.0),
                new InputConfig.Prompts(null, null, 0, 0, 1, system, context), rankings, null, null);
    }

    @Test
    void everyConversationSharesOneSystemPromptAndHasItsOwnContextAndTheIslCountsThemAll() {
        TextTokenizer qwen = SharedTokenizers.qwen3();
        int[] pool = PromptBatchTest.QwenPool.get();
        InputDataset plain = InputDataset.builder(config(null, null, 6, 2, null, null), qwen).tokenPool(pool).build();
        InputDataset framed = InputDataset.builder(config(50, 20, 6, 2, null, null), qwen).tokenPool(pool).build();

        String system = framed.conversations().get(0).systemMessage();
        assertThat(qwen.countTokens(system)).isEqualTo(50);
        assertThat(framed.conversations()).allMatch(c -> system.equals(c.systemMessage()));
        assertThat(framed.conversations()).extracting(Conversation::userContextMessage).doesNotHaveDuplicates()
                .allMatch(ctx -> qwen.countTokens(ctx) == 20);
        for (int i = 0; i < 6; i++) {
            Conversation before = plain.conversations().get(i);
            Conversation after = framed.conversations().get(i);
            assertThat(after.conversationId()).isEqualTo(before.conversationId());
            for (int t = 0; t < 2; t++) {
                Turn b = before.turns().get(t);
                Turn a = after.turns().get(t);
                assertThat(a.text()).as("the prompts themselves do not move").isEqualTo(b.text());
                assertThat(a.maxTokens()).isEqualTo(b.maxTokens());
                assertThat(a.inputTokens()).isEqualTo(qwen.countTokens(
                        system + " " + after.userContextMessage() + " " + a.text()));
                assertThat(a.inputTokens()).isGreaterThan(b.inputTokens() + 60);
            }
        }
        assertThat(framed.inexactPrompts()).isZero();
    }

    @Test
    void eitherOptionWorksAlone() {
        TextTokenizer tok = PromptBatchTest.WhitespacePool.TOK;
        int[] pool = PromptBatchTest.WhitespacePool.get();
        InputDataset onlySystem = InputDataset.builder(config(7, null, 3, 1, null, null), tok).tokenPool(pool).build();
        assertThat(onlySystem.conversations()).allMatch(c -> c.userContextMessage() == null)
                .allMatch(c -> c.firstTurn().inputTokens() == 7 + tok.countTokens(c.firstTurn().text()));
        InputDataset onlyContext = InputDataset.builder(config(null, 5, 3, 1, null, null), tok).tokenPool(pool)
                .build();
        assertThat(onlyContext.conversations()).allMatch(c -> c.systemMessage() == null)
                .allMatch(c -> c.firstTurn().inputTokens() == 5 + tok.countTokens(c.firstTurn().text()));
    }

    @Test
    void fileDatasetsGetThemTooButSyntheticRankingsDoNot() throws IOException {
        TextTokenizer tok = PromptBatchTest.WhitespacePool.TOK;
        Path f = dir.resolve("rows.jsonl");
        Files.write(f, List.of("{\"text\": \"one two three\"}", "{\"text\": \"four\"}"));
        InputDataset file = InputDataset.builder(config(4, 3, 2, 1, f.toString(), null), tok)
                .tokenPool(PromptBatchTest.WhitespacePool.get()).build();
        assertThat(file.conversations()).allMatch(c -> c.systemMessage() != null && c.userContextMessage() != null);
        assertThat(file.conversations().get(0).firstTurn().inputTokens()).isEqualTo(4 + 3 + 3);
        assertThat(file.conversations().get(1).firstTurn().inputTokens()).isEqualTo(4 + 3 + 1);

        InputDataset ranked = InputDataset.builder(config(4, 3, 2, 1, null, InputConfig.Rankings.DEFAULT), tok)
                .tokenPool(PromptBatchTest.WhitespacePool.get()).build();
        assertThat(ranked.conversations()).allMatch(c -> c.systemMessage() == null && c.userContextMessage() == null);
    }

    @Test
    void theSameSeedGivesTheSameBytesInInputsJson() throws IOException {
        TextTokenizer tok = PromptBatchTest.WhitespacePool.TOK;
        InputConfig cfg = config(9, 6, 12, 2, null, null);
        Path a = dir.resolve("a.json");
        Path b = dir.resolve("b.json");
        InputDataset.builder(cfg, tok).threads(1).build().writeInputsJson(a, TurnJson::render);
        InputDataset.builder(cfg, tok).threads(3).build().writeInputsJson(b, TurnJson::render);
        assertThat(Files.readString(a)).contains("\"system\"").contains("\"user_context\"").doesNotContain("null");
        assertThat(Files.readAllBytes(b)).isEqualTo(Files.readAllBytes(a));
    }
}
