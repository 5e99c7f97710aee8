package io.aiperf.core.message;

import io.aiperf.core.model.TurnContents;

/**
 * What a worker needs to render a turn itself (a later turn of a chat conversation whose history holds the live
 * replies): the turn's text and contents, and, on a conversation's first turn, the messages that precede every turn.
 *
 * @param text               the turn's text contents joined by spaces; never null
 * @param contents           the turn's text batches and media ({@link TurnContents#NONE} when it is just {@code text})
 * @param systemMessage      the shared system prompt, on the first turn only; else null
 * @param userContextMessage the conversation's user-context message, on the first turn only; else null
 * @param model              the {@code model} this turn was given when the dataset was prepared, or null for the
 *                           run's first {@code -m} model
 */
public record TurnInput(String text, TurnContents contents, String systemMessage, String userContextMessage,
                        String model) {

    public TurnInput {
        if (text == null) {
            throw new IllegalArgumentException("text must not be null");
        }
        contents = contents == null ? TurnContents.NONE : contents;
    }

    /** A turn of the run's first model. */
    public TurnInput(String text, TurnContents contents, String systemMessage, String userContextMessage) {
        this(text, contents, systemMessage, userContextMessage, null);
    }

    /** A plain text turn. */
    public static TurnInput text(String text) {
        return new TurnInput(text, TurnContents.NONE, null, null);
    }
}
