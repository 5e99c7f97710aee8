package io.aiperf.core.dataset;

import io.aiperf.core.tokenizer.SharedTokenizers;
import io.aiperf.core.tokenizer.TextTokenizer;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PromptCorpusTest {

    @Test
    void builtinIsSixtyToHundredKilobytesOfVariedText() {
        PromptCorpus c = PromptCorpus.builtin();
        String text = c.text();
        int bytes = text.getBytes(StandardCharsets.UTF_8).length;
        assertThat(bytes).isBetween(60_000, 100_000);
        assertThat(c.charCount()).isEqualTo(text.length());
        assertThat(text).doesNotContain("\uFFFD").doesNotContain("{N}").doesNotContain("{#}");
        assertThat(text.chars().anyMatch(Character::isDigit)).isTrue();
        assertThat(text).contains(".", ",", ";", ":", "?", "(", "“", "{", "=", "==", "SELECT", "assert ", "const ");
        assertThat(text.chars().anyMatch(ch -> ch > 127)).isTrue();
        assertThat(text).containsAnyOf("日本語", "数据集", "東京駅", "こんにちは");
        assertThat(text).containsAnyOf("привет", "данные");
        Set<String> words = new HashSet<>(Arrays.asList(text.toLowerCase().split("[^\\p{L}]+")));
        assertThat(words.size()).isGreaterThan(400);
        assertThat(c.lines()).allSatisfy(l -> assertThat(l).isEqualTo(l.strip()).isNotEmpty());
    }

    @Test
    void generationIsDeterministic() {
        List<String> again = new PromptCorpus.Generator(PromptCorpus.GENERATOR_SEED).generate(PromptCorpus.TARGET_CHARS);
        assertThat(again).isEqualTo(PromptCorpus.builtin().lines());
        List<String> other = new PromptCorpus.Generator(PromptCorpus.GENERATOR_SEED + 1).generate(2_000);
        assertThat(other).isNotEqualTo(PromptCorpus.builtin().lines().subList(0, other.size()));
    }

    /** The corpus is frozen: every seeded run's prompts depend on it. Change it only on purpose. */
    @Test
    void builtinCorpusIsPinned() throws Exception {
        byte[] utf8 = PromptCorpus.builtin().text().getBytes(StandardCharsets.UTF_8);
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(utf8));
        assertThat(utf8.length).isEqualTo(81_008);
        assertThat(sha).isEqualTo("f399bc1573844a9b9108383afbf209f5ecf147f55dbf783a8576b83e9641645f");
    }

    @Test
    void chunksAreWholeLinesOfAtLeastTheChunkSize() {
        PromptCorpus c = PromptCorpus.builtin();
        List<String> chunks = c.chunks();
        assertThat(chunks.size()).isGreaterThan(4);
        for (int i = 0; i < chunks.size() - 1; i++) {
            assertThat(chunks.get(i).length()).isGreaterThanOrEqualTo(PromptCorpus.CHUNK_CHARS);
        }
        assertThat(String.join(" ", chunks)).isEqualTo(String.join(" ", c.lines()));
    }

    @Test
    void blankLinesAreDroppedAndEmptyCorpusRejected() {
        PromptCorpus c = PromptCorpus.of(List.of("  one two ", "", "   ", "three"));
        assertThat(c.lines()).containsExactly("one two", "three");
        assertThat(c.chunks()).containsExactly("one two three");
        assertThatThrownBy(() -> PromptCorpus.of(List.of(" ", ""))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void poolDoesNotDependOnThreadCount() {
        TextTokenizer tok = new WhitespaceTokenizer();
        int[] one = PromptCorpus.builtin().tokenize(tok, 1);
        int[] four = PromptCorpus.builtin().tokenize(tok, 4);
        assertThat(tok.decode(four)).isEqualTo(tok.decode(one));
        assertThat(one.length).isEqualTo(String.join(" ", PromptCorpus.builtin().lines()).split("\\s+").length);
    }

    @Test
    void realTokenizerPoolIsIdenticalForAnyThreadCount() {
        TextTokenizer qwen = SharedTokenizers.qwen3();
        int[] one = PromptCorpus.builtin().tokenize(qwen, 1);
        int[] many = PromptCorpus.builtin().tokenize(qwen, 3);
        assertThat(many).isEqualTo(one);
        assertThat(one.length).isBetween(10_000, 40_000);
    }
}
