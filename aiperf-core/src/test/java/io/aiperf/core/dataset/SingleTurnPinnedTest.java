package io.aiperf.core.dataset;

import io.aiperf.core.config.TestConfigs;
import io.aiperf.core.model.Conversation;
import io.aiperf.core.model.Turn;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Pins the single-turn synthetic dataset of a fixed seed: adding draws for other features (multi-turn shape, file
 * datasets) must not move a seeded run's prompts, ids or output lengths.
 */
class SingleTurnPinnedTest {

    static String fingerprint(SyntheticDataset ds) throws Exception {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        for (Conversation c : ds.conversations()) {
            for (Turn t : c.turns()) {
                String line = c.conversationId() + "|" + t.inputTokens() + "|" + t.maxTokens() + "|" + t.delayMs()
                        + "|" + t.text() + "\n";
                sha.update(line.getBytes(StandardCharsets.UTF_8));
            }
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    @Test
    void defaultShapeIsPinned() throws Exception {
        SyntheticDataset withOsl = SyntheticDataset.build(TestConfigs.input(120, 30, 64, 20, 5L, 40),
                new WhitespaceTokenizer());
        SyntheticDataset withoutOsl = SyntheticDataset.build(TestConfigs.input(550, 0, null, 0, 42L, 100),
                new WhitespaceTokenizer());
        // values computed before multi-turn support was added
        assertThat(fingerprint(withOsl))
                .isEqualTo("1a17f7f9c4632ba2106928ade6f42acd322bf97522ad228891d54041312119a5");
        assertThat(fingerprint(withoutOsl))
                .isEqualTo("25daa2948ecf45fac0f3c401a3f6dbf2cf78701539ebb7404d4b5bbc0acce1eb");
    }
}
