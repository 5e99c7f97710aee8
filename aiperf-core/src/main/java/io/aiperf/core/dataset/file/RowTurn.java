package io.aiperf.core.dataset.file;

import io.aiperf.core.model.NamedContents;
import io.aiperf.core.model.TurnContents;

import java.util.List;

/**
 * One turn as a file row describes it, validated but not yet turned into a prompt.
 *
 * @param line         1-based line of the row it came from
 * @param text         the prompt text, or null when the prompt is to be synthesized
 * @param inputLength  the prompt length in tokens to synthesize, or null when {@code text} is given
 * @param outputLength {@code output_length} (becomes {@code max_tokens}), or null
 * @param timestampMs  {@code timestamp} in ms, or null
 * @param delayMs      {@code delay} in ms, 0 when absent
 * @param role         {@code role}, or null
 * @param hashIds      {@code hash_ids}, or null
 * @param texts        the row's named texts when it has a batch or names ({@code text} is then them joined by
 *                     single spaces), else empty
 * @param media        the row's images, audio clips and videos ({@link TurnContents#NONE} when none)
 */
record RowTurn(int line, String text, Integer inputLength, Integer outputLength, Double timestampMs, double delayMs,
               String role, List<Integer> hashIds, List<NamedContents> texts, TurnContents media) {

    RowTurn {
        texts = texts == null ? List.of() : List.copyOf(texts);
        media = media == null ? TurnContents.NONE : media;
    }

    /** A row with named texts and no media. */
    RowTurn(int line, String text, Integer inputLength, Integer outputLength, Double timestampMs, double delayMs,
            String role, List<Integer> hashIds, List<NamedContents> texts) {
        this(line, text, inputLength, outputLength, timestampMs, delayMs, role, hashIds, texts, TurnContents.NONE);
    }

    /** A row with one plain prompt (or a synthesized one) and no media. */
    RowTurn(int line, String text, Integer inputLength, Integer outputLength, Double timestampMs, double delayMs,
            String role, List<Integer> hashIds) {
        this(line, text, inputLength, outputLength, timestampMs, delayMs, role, hashIds, List.of(), TurnContents.NONE);
    }
}
