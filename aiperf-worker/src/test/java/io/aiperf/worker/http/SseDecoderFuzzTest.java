package io.aiperf.worker.http;

import io.aiperf.core.testing.Fuzz;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.LastHttpContent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fuzzes {@link SseDecoder} (and so {@link SseEventParser}) in an {@link EmbeddedChannel}: valid streams cut at
 * random places, also inside multi-byte characters and between {@code \r} and {@code \n}, decode to the events the
 * stream was written with; arbitrary bytes never throw, decode the same however they are cut, and every buffer fed
 * in is released. Netty's paranoid leak detector watches the whole class (Surefire's argLine).
 */
class SseDecoderFuzzTest {

    @BeforeAll
    static void watchLeaks() {
        LeakWatch.install();
    }

    @AfterAll
    static void noLeaks() throws InterruptedException {
        LeakWatch.assertNoLeaks();
    }

    /** A body and where it is cut; the last part goes in the {@code LastHttpContent} or after it, empty. */
    record Cut(byte[] bytes, List<Integer> cuts, boolean lastCarriesTail) {
        List<byte[]> parts() {
            return FuzzInputs.split(bytes, cuts);
        }

        @Override
        public String toString() {
            return FuzzInputs.show(bytes) + " cut at " + cuts + (lastCarriesTail ? ", tail in LastHttpContent" : "");
        }
    }

    /** A valid stream and where it is cut. */
    record StreamCut(RandomSseStream stream, Cut cut) {
    }

    @Test
    void validStreamCutAnywhereGivesTheEventsItWasWrittenWith() {
        Fuzz.forAll(400, r -> {
            RandomSseStream stream = RandomSseStream.of(r);
            return new StreamCut(stream, new Cut(stream.bytes(), FuzzInputs.cuts(r, stream.bytes()), r.nextBoolean()));
        }, input -> FuzzInputs.fewerCuts(input.cut().cuts()).stream()
                .map(c -> new StreamCut(input.stream(), new Cut(input.stream().bytes(), c, input.cut().lastCarriesTail())))
                .toList(), input -> {
            assertThat(SseDecoderTest.decode(List.of(input.stream().bytes()), false)).as("unsplit: %s", input.stream())
                    .containsExactlyElementsOf(input.stream().events());
            assertThat(SseDecoderTest.decode(input.cut().parts(), input.cut().lastCarriesTail())).as("%s", input.cut())
                    .containsExactlyElementsOf(input.stream().events());
        });
    }

    @Test
    void arbitraryBytesNeverThrowDecodeAlikeHoweverCutAndAreReleased() {
        Fuzz.forAll(300, r -> {
            byte[] bytes = r.nextBoolean() ? FuzzInputs.garbage(r, 40)
                    : FuzzInputs.mutate(r, RandomSseStream.of(r).bytes());
            return new Cut(bytes, FuzzInputs.cuts(r, bytes), r.nextBoolean());
        }, cut -> Stream.concat(
                FuzzInputs.fewerCuts(cut.cuts()).stream().map(c -> new Cut(cut.bytes(), c, cut.lastCarriesTail())),
                FuzzInputs.smaller(cut.bytes()).stream().map(b -> new Cut(b,
                        cut.cuts().stream().filter(c -> c <= b.length).toList(), cut.lastCarriesTail()))).toList(),
                cut -> {
                    List<SseEvent> whole = SseDecoderTest.decode(List.of(cut.bytes()), false);
                    assertThat(SseDecoderTest.decode(cut.parts(), cut.lastCarriesTail())).as("%s", cut)
                            .containsExactlyElementsOf(whole);
                    for (SseEvent e : whole) {
                        // line ends never leak into a field; data lines are joined with '\n' only
                        assertThat(e.type()).doesNotContain("\r", "\n").isNotEmpty();
                        if (e.data() != null) {
                            assertThat(e.data()).doesNotContain("\r");
                        }
                        if (e.comment() != null) {
                            assertThat(e.comment()).doesNotContain("\r");
                        }
                    }
                });
    }
}
