package io.aiperf.core.dataset;

import io.aiperf.core.config.InputConfig;
import io.aiperf.core.config.MediaConfig;
import io.aiperf.core.model.Conversation;
import io.aiperf.core.model.Turn;
import io.aiperf.core.model.TurnContents;
import io.aiperf.core.tokenizer.TextTokenizer;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Synthetic images and audio ride on every synthetic turn without changing the texts or their ISL. */
class SyntheticDatasetMediaTest {

    private static final TextTokenizer TOK = new WhitespaceTokenizer();

    private static InputConfig cfg(long seed, int turnMean, MediaConfig media) {
        return new InputConfig(20, 5, null, 0, seed, 6, null, null, null,
                new InputConfig.Conversations(turnMean, 0, 0, 0, 1.0), null, null, null, media);
    }

    private static MediaConfig media(int imageBatch, int audioBatch) {
        return new MediaConfig(
                new MediaConfig.Images(16, 0, 12, 0, imageBatch, MediaConfig.ImageFormat.PNG),
                new MediaConfig.Audio(0.05, 0, audioBatch, MediaConfig.AudioFormat.WAV, null, null, 1));
    }

    @Test
    void everyTurnCarriesItsBatchesAndKeepsItsText() {
        SyntheticDataset plain = SyntheticDataset.build(cfg(4L, 2, MediaConfig.NONE), TOK);
        SyntheticDataset rich = SyntheticDataset.build(cfg(4L, 2, media(2, 3)), TOK);
        assertThat(rich.size()).isEqualTo(plain.size());
        for (int i = 0; i < plain.size(); i++) {
            Conversation a = plain.conversations().get(i);
            Conversation b = rich.conversations().get(i);
            assertThat(b.conversationId()).isEqualTo(a.conversationId());
            assertThat(b.turns()).hasSize(2);
            for (int t = 0; t < 2; t++) {
                Turn ta = a.turns().get(t);
                Turn tb = b.turns().get(t);
                assertThat(tb.text()).isEqualTo(ta.text());
                assertThat(tb.inputTokens()).as("the ISL counts texts only").isEqualTo(ta.inputTokens());
                assertThat(TurnContents.flatten(tb.contents().images())).hasSize(2)
                        .allSatisfy(u -> assertThat(u).startsWith("data:image/png;base64,"));
                assertThat(TurnContents.flatten(tb.contents().audios())).hasSize(3)
                        .allSatisfy(c -> assertThat(c).startsWith("wav,"));
                assertThat(tb.textContents()).containsExactly(ta.text());
            }
        }
    }

    @Test
    void sameSeedSameDataUrls() {
        List<Conversation> a = SyntheticDataset.build(cfg(8L, 1, media(1, 1)), TOK).conversations();
        List<Conversation> b = SyntheticDataset.builder(cfg(8L, 1, media(1, 1)), TOK).threads(1).build()
                .conversations();
        List<Conversation> c = SyntheticDataset.build(cfg(9L, 1, media(1, 1)), TOK).conversations();
        assertThat(b).isEqualTo(a);
        assertThat(c.get(0).firstTurn().contents().images())
                .isNotEqualTo(a.get(0).firstTurn().contents().images());
    }

    @Test
    void imagesOnlyWhenBothMeansArePositive() {
        MediaConfig widthOnly = new MediaConfig(
                new MediaConfig.Images(16, 0, 0, 0, 1, MediaConfig.ImageFormat.PNG), null);
        assertThat(SyntheticDataset.build(cfg(1L, 1, widthOnly), TOK).conversations())
                .allSatisfy(conv -> assertThat(conv.firstTurn().contents().hasMedia()).isFalse());
    }
}
