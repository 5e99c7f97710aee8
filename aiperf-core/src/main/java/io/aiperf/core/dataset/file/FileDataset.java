package io.aiperf.core.dataset.file;

import io.aiperf.core.model.Conversation;

import java.util.List;

/**
 * Conversations read from an input file.
 *
 * @param format                the file's format (given or detected)
 * @param conversations         in order of each conversation's first row; rows of one session are its turns in file
 *                              order
 * @param rows                  non-blank lines of the file (AIPerf's default request count for a fixed schedule)
 * @param firstRowHasTimestamp  whether the first non-blank row's (first) turn has a {@code timestamp} (AIPerf turns
 *                              fixed-schedule mode on for a trace whose first row has one)
 * @param droppedConversations  conversations left out because they start outside the fixed-schedule window
 * @param inexactPrompts        synthesized prompts that missed their length (0 with any sane tokenizer)
 */
public record FileDataset(DatasetFormat format, List<Conversation> conversations, int rows,
                          boolean firstRowHasTimestamp, int droppedConversations, long inexactPrompts) {

    public FileDataset {
        conversations = List.copyOf(conversations);
    }

    /** Whether every conversation's first turn has a timestamp (a fixed schedule can replay it). */
    public boolean allConversationsTimed() {
        return conversations.stream().allMatch(c -> c.firstTurn().hasTimestamp());
    }

    public int turnCount() {
        return conversations.stream().mapToInt(Conversation::turnCount).sum();
    }
}
