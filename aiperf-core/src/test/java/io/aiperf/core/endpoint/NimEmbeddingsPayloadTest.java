package io.aiperf.core.endpoint;

import io.aiperf.core.config.EndpointType;
import io.aiperf.core.message.TurnInput;
import io.aiperf.core.model.NamedContents;
import io.aiperf.core.model.TurnContents;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.aiperf.core.endpoint.PayloadFormatterTest.config;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** nim_embeddings sends images as {@code <img src='…'/>} inputs, paired with texts of the same index. */
class NimEmbeddingsPayloadTest {

    private static TurnInput turn(String text, List<String> texts, String... images) {
        TurnContents c = new TurnContents(texts.isEmpty() ? List.of() : List.of(new NamedContents("text", texts)),
                images.length == 0 ? List.of() : List.of(NamedContents.of("image_url", images)), List.of(), List.of());
        return new TurnInput(text, c, null, null);
    }

    private static String nim(TurnInput in) {
        return PayloadFormatter.format(config(EndpointType.NIM_EMBEDDINGS, false, false, false, Map.of()), in, null,
                null);
    }

    @Test
    void textsOnlyAsEmbeddings() {
        assertThat(nim(TurnInput.text("hello"))).isEqualTo("{\"model\":\"model-a\",\"input\":[\"hello\"]}");
    }

    @Test
    void imagesOnlyAreImgTags() {
        assertThat(nim(turn("", List.of(), "data:image/png;base64,AA", "https://h/x.jpg")))
                .isEqualTo("{\"model\":\"model-a\",\"input\":[\"<img src='data:image/png;base64,AA'/>\","
                        + "\"<img src='https://h/x.jpg'/>\"]}");
    }

    @Test
    void textsAndImagesOfEqualCountArePaired() {
        assertThat(nim(turn("a cat", List.of(), "data:image/png;base64,AA")))
                .isEqualTo("{\"model\":\"model-a\",\"input\":[\"a cat <img src='data:image/png;base64,AA'/>\"]}");
        assertThat(nim(turn("one two", List.of("one", "two"), "u1", "u2")))
                .isEqualTo("{\"model\":\"model-a\",\"input\":[\"one <img src='u1'/>\",\"two <img src='u2'/>\"]}");
    }

    @Test
    void unequalCountsAreRefused() {
        assertThatThrownBy(() -> nim(turn("a cat", List.of(), "u1", "u2")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("nim_embeddings: a turn with texts and images needs as many of each, found 1 text(s)"
                        + " and 2 image(s)");
    }

    @Test
    void plainEmbeddingsSendTextsOnly() {
        assertThat(PayloadFormatter.format(config(EndpointType.EMBEDDINGS, false, false, false, Map.of()),
                turn("a cat", List.of(), "u1"), null, null))
                .isEqualTo("{\"model\":\"model-a\",\"input\":[\"a cat\"]}");
    }
}
